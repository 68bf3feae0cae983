#include "auth_token.h"

#include "jwt.h"

namespace callsession::server {

std::string mintAuthToken(const User& user, std::string_view key, int64_t nowSeconds) {
  return signJwt({{"sub", user.uid},
                  {"name", user.name},
                  {"avatar", user.avatar},
                  {"iat", nowSeconds},
                  {"exp", nowSeconds + kAuthTokenTtlSeconds},
                  {"use", "auth"}},
                 key);
}

std::optional<User> verifyAuthToken(std::string_view jwt, std::string_view key,
                                    int64_t nowSeconds) {
  auto claims = verifiedClaims(jwt, key);
  if (!claims || stringClaim(*claims, "use") != "auth") return std::nullopt;
  auto exp = integerClaim(*claims, "exp");
  auto uid = stringClaim(*claims, "sub");
  if (!exp || *exp <= nowSeconds || !uid) return std::nullopt;
  return User{*uid, stringClaim(*claims, "name").value_or(*uid),
              stringClaim(*claims, "avatar").value_or("")};
}

}  // namespace callsession::server
