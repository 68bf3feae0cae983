#include "used_tokens.h"

namespace callsession {

bool UsedTokens::markUsed(const std::string& jti, int64_t expiresAtSeconds, int64_t nowSeconds) {
  forgetExpired(nowSeconds);
  return expiry_.emplace(jti, expiresAtSeconds).second;
}

void UsedTokens::forgetExpired(int64_t nowSeconds) {
  std::erase_if(expiry_, [nowSeconds](const auto& entry) { return entry.second < nowSeconds; });
}

}  // namespace callsession
