#include "http_error.h"

#include "jwt.h"
#include "rate_limiter.h"

namespace callsession::server {

HttpError HttpError::badRequest(const std::string& message) {
  return {400, "ERROR_BAD_REQUEST", message};
}

HttpError HttpError::notFound(const std::string& message) {
  return {404, "ERROR_NOT_FOUND", message};
}

HttpError HttpError::methodNotAllowed(const std::string& allowed) {
  HttpError error(405, "ERROR_METHOD_NOT_ALLOWED", "This resource allows " + allowed + " only.");
  error.headers_.emplace_back("Allow", allowed);
  return error;
}

HttpError HttpError::payloadTooLarge() {
  return {413, "ERROR_PAYLOAD_TOO_LARGE", "The request body is over 64 KiB."};
}

HttpError HttpError::headersTooLarge() {
  return {431, "ERROR_HEADERS_TOO_LARGE", "The request headers are over 16 KiB."};
}

HttpError HttpError::internal() {
  return {500, "ERROR_INTERNAL", "The server failed; the request was not carried out."};
}

HttpError HttpError::authFailed(const std::string& message) {
  return fromError(makeError(ErrorCode::kAuthFailed, message));
}

HttpError HttpError::rateLimited(int64_t retryAfterMillis, const std::string& message) {
  HttpError error = fromError(makeError(ErrorCode::kRateLimited, message));
  error.headers_.emplace_back("Retry-After", std::to_string(retryAfterSeconds(retryAfterMillis)));
  return error;
}

HttpError HttpError::fromError(const Error& error) {
  unsigned status = 400;
  switch (error.code) {
    case ErrorCode::kAuthFailed:
      status = 401;
      break;
    case ErrorCode::kNotAuthorized:
      status = 403;
      break;
    case ErrorCode::kSessionNotFound:
      status = 404;
      break;
    case ErrorCode::kSessionExpired:
      status = 410;
      break;
    case ErrorCode::kRateLimited:
      status = 429;
      break;
    default:
      break;
  }
  return {status, std::string(toString(error.code)), error.message};
}

HttpResponse jsonResponse(unsigned status, const nlohmann::json& body) {
  return {status, "application/json", jsonText(body), {}};
}

HttpResponse errorResponse(const HttpError& error) {
  HttpResponse response = jsonResponse(
      error.status(), {{"error", {{"code", error.code()}, {"message", error.what()}}}});
  for (const auto& header : error.headers()) response.headers.push_back(header);
  return response;
}

}  // namespace callsession::server
