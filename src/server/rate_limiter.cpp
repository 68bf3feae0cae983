#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace callsession::server {
namespace {

constexpr double kMillisPerMinute = 60'000.0;

}  // namespace

double RateLimiter::refilled(const Bucket& bucket, int64_t nowMillis) const {
  // A clock step backwards refills nothing rather than draining the bucket.
  const auto elapsed = static_cast<double>(std::max<int64_t>(0, nowMillis - bucket.updatedMillis));
  return std::min<double>(perMinute_, bucket.tokens + elapsed * perMinute_ / kMillisPerMinute);
}

std::optional<int64_t> RateLimiter::take(const std::string& key, int64_t nowMillis) {
  if (perMinute_ == 0) return std::nullopt;
  if (buckets_.size() >= sweepAt_) forgetFullBuckets(nowMillis);
  auto [it, added] = buckets_.try_emplace(key, Bucket{static_cast<double>(perMinute_), nowMillis});
  Bucket& bucket = it->second;
  bucket.tokens = refilled(bucket, nowMillis);
  bucket.updatedMillis = nowMillis;
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return std::nullopt;
  }
  return static_cast<int64_t>(std::ceil((1.0 - bucket.tokens) * kMillisPerMinute / perMinute_));
}

// A full bucket holds nothing a fresh one would not: forgetting it bounds memory by the keys active
// in the last minute, not by every address ever seen.
void RateLimiter::forgetFullBuckets(int64_t nowMillis) {
  std::erase_if(buckets_,
                [&](const auto& entry) { return refilled(entry.second, nowMillis) >= perMinute_; });
  sweepAt_ = std::max<size_t>(1024, buckets_.size() * 2);
}

}  // namespace callsession::server
