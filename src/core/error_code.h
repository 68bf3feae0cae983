#pragma once

#include <optional>
#include <string_view>

namespace callsession {

// Every error code of the public contract (CONTRACT.md §4). The string form is what JS and the
// HTTP API see; `toString` and `errorCodeFromString` are the one mapping between the two.
enum class ErrorCode {
  kNotInitialized,
  kAuthTokenMissing,
  kAuthFailed,
  kSessionNotFound,
  kSessionExpired,
  kNotAuthorized,
  kTokenInvalid,
  kTokenExpired,
  kTokenUserMismatch,
  kTokenSessionMismatch,
  kTokenAlreadyUsed,
  kContainerMissing,
  kContainerZeroSize,
  kSettingsInvalid,
  kJoinInProgress,
  kAlreadyJoined,
  kJoinCancelled,
  kMediaPermissionDenied,
  kSignalingFailed,
  kNetwork,
  kRelayRefused,  // an addition to the contract: a TURN server refused the call (onError)
  kRateLimited,   // an addition to the contract: too many logins, tokens or joins; try later
};

inline constexpr int kErrorCodeCount = static_cast<int>(ErrorCode::kRateLimited) + 1;

std::string_view toString(ErrorCode code);
std::optional<ErrorCode> errorCodeFromString(std::string_view text);

}  // namespace callsession
