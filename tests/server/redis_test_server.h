#pragma once

#include <cstdlib>
#include <stdexcept>
#include <string>

// The Redis server that `npm test` starts (scripts/redis.sh) and names in CALLSESSION_TEST_REDIS.
// Without that variable it throws: the Redis suites fail loudly instead of being skipped.
namespace callsession::server::testing {

inline std::string testRedisUrl() {
  const char* url = std::getenv("CALLSESSION_TEST_REDIS");
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        "CALLSESSION_TEST_REDIS is unset: run the suites through `npm test`, which starts Redis "
        "(scripts/redis.sh start)");
  }
  return url;
}

}  // namespace callsession::server::testing
