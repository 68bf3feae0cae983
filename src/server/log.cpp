#include "log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

namespace callsession::server {

uint64_t nextLogId() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

void logLine(std::string_view subject, std::string_view message) noexcept {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &utc);
  // One fprintf per line, so lines from concurrent writers never interleave mid-line.
  std::fprintf(stderr, "%s.%03dZ %.*s %.*s\n", stamp, static_cast<int>(millis),
               static_cast<int>(subject.size()), subject.data(), static_cast<int>(message.size()),
               message.data());
}

}  // namespace callsession::server
