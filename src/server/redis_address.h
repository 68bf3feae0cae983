#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

// Where the room bus's Redis is, from CALLSESSION_REDIS_URL:
// redis://[[user]:password@]host[:port][/database].
namespace callsession::server {

struct RedisAddress {
  std::string host;
  uint16_t port = 6379;
  std::optional<std::string> user;
  std::optional<std::string> password;
  unsigned database = 0;
};

// Throws std::invalid_argument saying what is wrong with `url`.
RedisAddress parseRedisUrl(std::string_view url);

}  // namespace callsession::server
