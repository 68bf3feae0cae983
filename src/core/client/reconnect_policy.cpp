#include "reconnect_policy.h"

#include <algorithm>

namespace callsession::client {

std::optional<int64_t> ReconnectPolicy::delayBefore(int attempt, int64_t elapsedMillis,
                                                    double random) {
  int64_t full = kFirstDelayMillis;
  for (int i = 0; i < attempt && full < kMaxDelayMillis; ++i) full *= 2;
  full = std::min(full, kMaxDelayMillis);
  const auto jitter = static_cast<int64_t>(static_cast<double>(full) / 2 * random);
  const int64_t delay = full - jitter;
  if (elapsedMillis + delay > kGiveUpAfterMillis) return std::nullopt;
  return delay;
}

}  // namespace callsession::client
