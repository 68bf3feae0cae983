#include "join_token.h"

#include "crypto.h"
#include "jwt.h"

namespace callsession::server {

MintedToken mintJoinToken(std::string_view uid, std::string_view sessionId, std::string_view key,
                          int64_t nowSeconds, int64_t ttlSeconds) {
  const int64_t expiresAt = nowSeconds + ttlSeconds;
  return {signJwt({{"sub", uid},
                   {"sid", sessionId},
                   {"iat", nowSeconds},
                   {"exp", expiresAt},
                   {"jti", randomText(16)},
                   {"use", "join"}},
                  key),
          expiresAt};
}

Result<TokenClaims> verifyJoinToken(std::string_view jwt, std::string_view key,
                                    int64_t nowSeconds) {
  auto decoded = decodeToken(jwt);
  if (!decoded.ok()) return decoded.error();
  auto claims = verifiedClaims(jwt, key);
  if (!claims) return makeError(ErrorCode::kTokenInvalid, "The token signature is not valid.");
  if (stringClaim(*claims, "use") != "join") {
    return makeError(ErrorCode::kTokenInvalid, "The token is not a join token.");
  }
  const TokenClaims& typed = decoded.value().claims;
  // The server's clock is the authority on token time: no leeway.
  auto timely = checkClaims(typed, {typed.sub, typed.sid, nowSeconds, /*leewaySeconds=*/0});
  if (!timely.ok()) return timely.error();
  return typed;
}

}  // namespace callsession::server
