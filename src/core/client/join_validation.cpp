#include "join_validation.h"

#include "core/session_id.h"

namespace callsession::client {

Result<JoinPlan> validateJoin(const JoinInputs& in) {
  if (!in.initialized) return makeError(ErrorCode::kNotInitialized, "Call init({appId}) first.");
  if (in.uid.empty()) {
    return makeError(ErrorCode::kAuthTokenMissing, "Call login(uid) before joinSession.");
  }
  auto settings = parseSettings(in.settingsJson);
  if (!settings.ok()) return settings.error();
  auto token = decodeToken(in.token);
  if (!token.ok()) return token.error();
  const TokenClaims& claims = token.value().claims;
  if (!isValidSessionId(claims.sid)) {
    return makeError(ErrorCode::kTokenInvalid, "The token names no valid sessionId.");
  }
  // The session is the token's own: joinSession names no other. The server's answer is checked
  // against it (ERROR_TOKEN_SESSION_MISMATCH).
  auto fresh = checkClaims(claims, {in.uid, claims.sid, in.serverNowSeconds});
  if (!fresh.ok()) return fresh.error();
  if (in.usedTokens != nullptr && in.usedTokens->contains(claims.jti)) {
    return makeError(ErrorCode::kTokenAlreadyUsed, "This token was used for a join already.");
  }
  return JoinPlan{claims, settings.value()};
}

}  // namespace callsession::client
