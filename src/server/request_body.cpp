#include "request_body.h"

#include "http_error.h"

namespace callsession::server {

nlohmann::json jsonObjectBody(const HttpRequest& request) {
  if (request.body.empty()) return nlohmann::json::object();
  auto body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) throw HttpError::badRequest("The body is not valid JSON.");
  if (!body.is_object()) throw HttpError::badRequest("The body must be a JSON object.");
  return body;
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
