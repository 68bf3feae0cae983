// Token decoding takes whatever a page passes to joinSession: it must answer, never crash.
#include <cstdint>
#include <string_view>

#include "core/token.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto decoded = callsession::decodeToken(input);
  if (decoded.ok()) {
    // A token that decodes must also go through the claim checks without trouble.
    const auto& claims = decoded.value().claims;
    (void)callsession::checkClaims(claims, {claims.sub, claims.sid, claims.iat, 5});
  } else if (decoded.error().code != callsession::ErrorCode::kTokenInvalid) {
    __builtin_trap();  // decoding may only ever fail as ERROR_TOKEN_INVALID
  }
  return 0;
}
