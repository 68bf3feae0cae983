#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/token.h"

// The join token of POST /api/meetings/:id/token (CONTRACT.md §2): one token, one join.
namespace callsession::server {

struct MintedToken {
  std::string token;
  int64_t expiresAt = 0;  // seconds
};

// An HS256 JWT with sub, sid, iat, exp (iat + ttl), a fresh random jti, and use:"join".
MintedToken mintJoinToken(std::string_view uid, std::string_view sessionId, std::string_view key,
                          int64_t nowSeconds, int64_t ttlSeconds);

// Form, signature, purpose and time, with core's decodeToken/checkClaims: ERROR_TOKEN_INVALID or
// ERROR_TOKEN_EXPIRED. The session and single use are the join's own checks (authorization.h and
// Store::markTokenUsed).
Result<TokenClaims> verifyJoinToken(std::string_view jwt, std::string_view key, int64_t nowSeconds);

}  // namespace callsession::server
