#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace callsession::server {

// A token bucket per key (a uid, an address): up to `perMinute` events at once, then one every
// 60/perMinute seconds. A burst of a minute's worth lets a page that rejoins a few times in a row
// (React StrictMode, a flaky network) through, while a script minting in a loop is held to the
// rate.
//
// Pure: the caller passes the time. One per server process, used from its one I/O thread.
class RateLimiter {
 public:
  // `perMinute` 0: no limit.
  explicit RateLimiter(unsigned perMinute) : perMinute_(perMinute) {}

  // Counts one event for `key` at `nowMillis` if the key has room for it; if not, nothing is
  // counted and the answer is how many milliseconds until it would have room.
  std::optional<int64_t> take(const std::string& key, int64_t nowMillis);

  // Keys held, for tests: idle keys are forgotten once their bucket is full again.
  [[nodiscard]] size_t keyCount() const { return buckets_.size(); }

 private:
  struct Bucket {
    double tokens;
    int64_t updatedMillis;
  };

  [[nodiscard]] double refilled(const Bucket& bucket, int64_t nowMillis) const;
  void forgetFullBuckets(int64_t nowMillis);

  unsigned perMinute_;
  std::unordered_map<std::string, Bucket> buckets_;
  size_t sweepAt_ = 1024;  // key count at which full buckets are next swept out
};

// A wait in whole seconds, rounded up (Retry-After, messages): never 0, which would invite a retry
// that is refused again.
inline int64_t retryAfterSeconds(int64_t millis) {
  return millis <= 1000 ? 1 : (millis + 999) / 1000;
}

}  // namespace callsession::server
