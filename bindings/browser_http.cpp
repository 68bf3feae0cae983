#include "browser_http.h"

#include "callbacks.h"

namespace callsession::bindings {

void BrowserHttp::send(const client::HttpRequest& request,
                       Callback<void(client::HttpResponse)> done) {
  val headers = val::object();
  for (const auto& [name, value] : request.headers) headers.set(name, value);
  val init = val::object();
  init.set("method", request.method);
  init.set("headers", headers);
  if (!request.body.empty()) init.set("body", request.body);

  // Copies of a Callback share one callable: each path below finishes the same `done`.
  auto unanswered = [done](const val&) { done({0, ""}); };
  whenSettled(
      val::global("fetch")(request.url, init),
      [done, unanswered](val response) {
        const int status = response["status"].as<int>();
        whenSettled(
            response.call<val>("text"),
            [done, status](val text) {
              done({status, text.as<std::string>()});
            },
            unanswered);
      },
      unanswered);
}

}  // namespace callsession::bindings
