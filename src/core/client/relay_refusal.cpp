#include "relay_refusal.h"

#include "core/decimal.h"

namespace callsession::client {
namespace {

// RFC 8489 §14.8: error codes 300 to 699 are answers of the server; the browser uses 700 and up
// for its own failures (701: no answer).
constexpr int kFirstServerErrorCode = 300;
constexpr int kLastServerErrorCode = 699;
constexpr int kUnauthorized = 401;

}  // namespace

std::optional<Error> relayRefusal(const IceCandidateError& error) {
  const bool turn = error.url.starts_with("turn:") || error.url.starts_with("turns:");
  if (!turn || error.errorCode < kFirstServerErrorCode || error.errorCode > kLastServerErrorCode) {
    return std::nullopt;
  }
  std::string message = "The TURN server " + error.url + " refused this call (" +
                        decimal(error.errorCode) + " " + error.errorText + ")";
  message += error.errorCode == kUnauthorized
                 ? ": the credentials were not accepted; CALLSESSION_TURN_SECRET on the server "
                   "must be the TURN server's static-auth-secret."
                 : ".";
  return makeError(ErrorCode::kRelayRefused, std::move(message));
}

}  // namespace callsession::client
