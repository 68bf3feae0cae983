#include "turn_credentials.h"

#include <algorithm>

#include "crypto.h"

namespace callsession::server {

int64_t turnCredentialExpiry(int64_t now, int64_t meetingExpiresAt) {
  return std::min(meetingExpiresAt, now + kMaxTurnCredentialSeconds);
}

TurnCredentials mintTurnCredentials(std::string_view secret, int64_t expiresAt,
                                    std::string_view uid) {
  std::string username = std::to_string(expiresAt) + ":" + std::string(uid);
  std::string credential = base64(hmacSha1(secret, username));
  return {std::move(username), std::move(credential)};
}

}  // namespace callsession::server
