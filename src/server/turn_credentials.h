#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Short-lived TURN credentials in the shared-secret scheme that coturn implements as
// `use-auth-secret` (the "TURN REST API" draft): the username carries the expiry and the uid, the
// password is the HMAC of the username under a secret only the two servers know. The TURN server
// checks a credential without asking us, and refuses it once the expiry has passed.
namespace callsession::server {

struct TurnCredentials {
  std::string username;    // "<expiry, Unix seconds>:<uid>"
  std::string credential;  // base64(HMAC-SHA1(secret, username))
};

// The longest a credential lives, whatever the meeting's length. coturn checks the expiry on every
// refresh of a relay, so a call still running when it passes loses its relayed path; a working day
// covers any real call while a leaked credential is soon useless.
constexpr int64_t kMaxTurnCredentialSeconds = int64_t{8} * 60 * 60;

// When credentials minted at `now` for a meeting that ends at `meetingExpiresAt` expire: with the
// meeting (no call outlives it), but no later than kMaxTurnCredentialSeconds from now.
int64_t turnCredentialExpiry(int64_t now, int64_t meetingExpiresAt);

TurnCredentials mintTurnCredentials(std::string_view secret, int64_t expiresAt,
                                    std::string_view uid);

}  // namespace callsession::server
