#include "browser_http.h"

#include <memory>

#include "callbacks.h"

namespace callsession::bindings {

void BrowserHttp::send(const client::HttpRequest& request,
                       std::function<void(client::HttpResponse)> done) {
  val headers = val::object();
  for (const auto& [name, value] : request.headers) headers.set(name, value);
  val init = val::object();
  init.set("method", request.method);
  init.set("headers", headers);
  if (!request.body.empty()) init.set("body", request.body);

  auto finish = std::make_shared<std::function<void(client::HttpResponse)>>(std::move(done));
  auto unanswered = [finish](const val&) { (*finish)({0, ""}); };
  whenSettled(
      val::global("fetch")(request.url, init),
      [finish, unanswered](val response) {
        const int status = response["status"].as<int>();
        whenSettled(
            response.call<val>("text"),
            [finish, status](val text) {
              (*finish)({status, text.as<std::string>()});
            },
            unanswered);
      },
      unanswered);
}

}  // namespace callsession::bindings
