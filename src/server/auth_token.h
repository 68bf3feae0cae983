#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The authToken of POST /api/users/login: proof, for the meeting endpoints, of who the caller is.
namespace callsession::server {

struct User {
  std::string uid;
  std::string name;
  std::string avatar;

  friend bool operator==(const User&, const User&) = default;
};

inline constexpr int64_t kAuthTokenTtlSeconds = int64_t{24} * 60 * 60;

// An HS256 JWT with sub, name, avatar, iat, exp and use:"auth".
std::string mintAuthToken(const User& user, std::string_view key, int64_t nowSeconds);

// The user of a valid, unexpired auth token; nullopt for anything else, a join token included.
std::optional<User> verifyAuthToken(std::string_view jwt, std::string_view key, int64_t nowSeconds);

}  // namespace callsession::server
