#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "http_types.h"

namespace callsession::server {

// A refused request. Handlers throw it; the router answers it as the contract's error JSON
// `{"error":{"code","message"}}` with its status. Contract codes are used where one fits; the
// HTTP-only ones (bad request, not found, method not allowed, too large, internal) are additions.
class HttpError : public std::runtime_error {
 public:
  HttpError(unsigned status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}

  [[nodiscard]] unsigned status() const { return status_; }
  [[nodiscard]] const std::string& code() const { return code_; }
  // Headers the answer carries besides the JSON: Allow for a 405, Retry-After for a 429.
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& headers() const {
    return headers_;
  }

  static HttpError badRequest(const std::string& message);
  static HttpError notFound(const std::string& message);
  static HttpError methodNotAllowed(const std::string& allowed);
  static HttpError payloadTooLarge();
  static HttpError headersTooLarge();
  static HttpError internal();
  static HttpError authFailed(const std::string& message);
  // A 429: `message` says which limit; the client may try again after `retryAfterMillis`.
  static HttpError rateLimited(int64_t retryAfterMillis, const std::string& message);
  // A core Error, with the status the contract gives its code (404, 410, 403, 401; else 400).
  static HttpError fromError(const Error& error);

 private:
  unsigned status_;
  std::string code_;
  std::vector<std::pair<std::string, std::string>> headers_;
};

HttpResponse jsonResponse(unsigned status, const nlohmann::json& body);
HttpResponse errorResponse(const HttpError& error);

}  // namespace callsession::server
