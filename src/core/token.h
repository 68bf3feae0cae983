#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "result.h"

namespace callsession {

// A join token is an HS256 JWT (CONTRACT.md §2). The client decodes it to refuse a bad token before
// the network; only the server, which holds the key, checks the signature (src/server).
struct TokenClaims {
  std::string sub;  // uid
  std::string sid;  // sessionId
  std::string jti;  // unique id: one token, one join
  int64_t iat = 0;  // seconds since the epoch, server clock
  int64_t exp = 0;

  friend bool operator==(const TokenClaims&, const TokenClaims&) = default;
};

struct DecodedToken {
  TokenClaims claims;
  std::string signingInput;  // "<header>.<payload>" exactly as received: what the HMAC covers
  std::string signature;     // raw bytes of the third part
};

// Longer input is refused unread: real tokens are a few hundred bytes.
inline constexpr size_t kMaxTokenLength = 4096;
// An HMAC-SHA256 is 32 bytes; any other length is a truncated or foreign token.
inline constexpr size_t kHs256SignatureLength = 32;

// Malformed input of any kind gives ERROR_TOKEN_INVALID; it never aborts.
Result<DecodedToken> decodeToken(std::string_view jwt);

// What a join expects of its token. `nowSeconds` is the server's clock as the caller best knows it
// (see ClockSkew); `leewaySeconds` absorbs what a skew estimate cannot.
struct TokenExpectations {
  std::string_view uid;
  std::string_view sessionId;
  int64_t nowSeconds = 0;
  int64_t leewaySeconds = 5;
};

// User, session and time, in that order: ERROR_TOKEN_USER_MISMATCH, ERROR_TOKEN_SESSION_MISMATCH,
// ERROR_TOKEN_EXPIRED past exp, ERROR_TOKEN_INVALID when issued in the future.
Status checkClaims(const TokenClaims& claims, const TokenExpectations& expected);

}  // namespace callsession
