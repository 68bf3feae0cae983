#include "request_body.h"

#include "http_error.h"

namespace callsession::server {

json::Value jsonObjectBody(const HttpRequest& request) {
  if (request.body.empty()) return json::Value::object();
  auto body = json::parse(request.body);
  if (!body) throw HttpError::badRequest("The body is not valid JSON.");
  if (!body->isObject()) throw HttpError::badRequest("The body must be a JSON object.");
  return std::move(*body);
}

void requireWellFormed(const signaling::FieldReader& reader) {
  if (auto error = reader.finish(/*refuseUnknownKeys=*/true)) {
    throw HttpError::badRequest(error->message);
  }
}

User requireUser(const HttpRequest& request, const ServerContext& context) {
  constexpr std::string_view kScheme = "Bearer ";
  const std::string_view authorization = request.header("authorization");
  if (authorization.substr(0, kScheme.size()) != kScheme) {
    throw HttpError::authFailed(
        "Log in first: the request needs 'Authorization: Bearer <authToken>'.");
  }
  auto user = verifyAuthToken(authorization.substr(kScheme.size()), context.keys.signingKey,
                              context.clock.nowSeconds());
  if (!user) throw HttpError::authFailed("The authToken is invalid or has expired; log in again.");
  return *user;
}

}  // namespace callsession::server
