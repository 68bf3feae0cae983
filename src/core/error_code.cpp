#include "error_code.h"

#include <array>
#include <utility>

namespace callsession {
namespace {

constexpr std::array<std::pair<ErrorCode, std::string_view>, kErrorCodeCount> kNames{{
    {ErrorCode::kNotInitialized, "ERROR_NOT_INITIALIZED"},
    {ErrorCode::kAuthTokenMissing, "ERROR_AUTH_TOKEN_MISSING"},
    {ErrorCode::kAuthFailed, "ERROR_AUTH_FAILED"},
    {ErrorCode::kSessionNotFound, "ERROR_SESSION_NOT_FOUND"},
    {ErrorCode::kSessionExpired, "ERROR_SESSION_EXPIRED"},
    {ErrorCode::kNotAuthorized, "ERROR_NOT_AUTHORIZED"},
    {ErrorCode::kTokenInvalid, "ERROR_TOKEN_INVALID"},
    {ErrorCode::kTokenExpired, "ERROR_TOKEN_EXPIRED"},
    {ErrorCode::kTokenUserMismatch, "ERROR_TOKEN_USER_MISMATCH"},
    {ErrorCode::kTokenSessionMismatch, "ERROR_TOKEN_SESSION_MISMATCH"},
    {ErrorCode::kTokenAlreadyUsed, "ERROR_TOKEN_ALREADY_USED"},
    {ErrorCode::kContainerMissing, "ERROR_CONTAINER_MISSING"},
    {ErrorCode::kContainerZeroSize, "ERROR_CONTAINER_ZERO_SIZE"},
    {ErrorCode::kSettingsInvalid, "ERROR_SETTINGS_INVALID"},
    {ErrorCode::kJoinInProgress, "ERROR_JOIN_IN_PROGRESS"},
    {ErrorCode::kAlreadyJoined, "ERROR_ALREADY_JOINED"},
    {ErrorCode::kJoinCancelled, "ERROR_JOIN_CANCELLED"},
    {ErrorCode::kMediaPermissionDenied, "ERROR_MEDIA_PERMISSION_DENIED"},
    {ErrorCode::kSignalingFailed, "ERROR_SIGNALING_FAILED"},
    {ErrorCode::kNetwork, "ERROR_NETWORK"},
    {ErrorCode::kRelayRefused, "ERROR_RELAY_REFUSED"},
    {ErrorCode::kRateLimited, "ERROR_RATE_LIMITED"},
}};

// The table is indexed by the enum; a reordering of either would silently mislabel errors.
constexpr bool tableMatchesEnumOrder() {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (static_cast<size_t>(kNames[i].first) != i) return false;
  }
  return true;
}
static_assert(tableMatchesEnumOrder(), "kNames must list codes in enum order");

}  // namespace

std::string_view toString(ErrorCode code) {
  return kNames.at(static_cast<size_t>(code)).second;
}

std::optional<ErrorCode> errorCodeFromString(std::string_view text) {
  for (const auto& [code, name] : kNames) {
    if (name == text) return code;
  }
  return std::nullopt;
}

}  // namespace callsession
