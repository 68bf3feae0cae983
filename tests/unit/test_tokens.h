#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/base64url.h"
#include "core/token.h"

namespace callsession::testing {

// 32 arbitrary bytes: the core does not verify signatures (the server does), so tests of decoding
// need only a signature of the right shape.
inline constexpr std::string_view kFakeSignature = "ssssssssssssssssssssssssssssssss";
static_assert(kFakeSignature.size() == kHs256SignatureLength);

// Builds a JWT-shaped string from JSON parts.
inline std::string makeJwt(const nlohmann::json& payload,
                           const nlohmann::json& header = {{"alg", "HS256"}, {"typ", "JWT"}},
                           std::string_view signature = kFakeSignature) {
  return base64UrlEncode(header.dump()) + "." + base64UrlEncode(payload.dump()) + "." +
         base64UrlEncode(signature);
}

inline nlohmann::json validClaims() {
  return {{"sub", "ada"}, {"sid", "team-42"}, {"jti", "j-1"}, {"iat", 1000}, {"exp", 1300}};
}

}  // namespace callsession::testing
