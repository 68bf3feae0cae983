#pragma once

#include <cstdint>
#include <optional>

#include "core/error_code.h"

namespace callsession::client {

// When to try the signaling server again after a drop. The delay doubles from 250 ms to 4 s; each
// is shortened by up to half at random, so that a whole room dropped by one server restart does
// not come back in lockstep. Past 30 s of trying the call is given up.
struct ReconnectPolicy {
  static constexpr int64_t kFirstDelayMillis = 250;
  static constexpr int64_t kMaxDelayMillis = 4000;
  static constexpr int64_t kGiveUpAfterMillis = 30'000;
  // How long a remote missing from a restored roster keeps its peer: long enough for everyone
  // dropped by the same outage to come back at the longest delay, twice.
  static constexpr int64_t kMissingGraceMillis = 10'000;

  // The wait before attempt `attempt` (0 first), or nullopt once `elapsedMillis` since the drop
  // plus that wait would pass the bound. `random` is in [0, 1).
  static std::optional<int64_t> delayBefore(int attempt, int64_t elapsedMillis, double random);
};

// Whether a rejoin that failed with `code` is worth another attempt: the server was unreachable, or
// reachable but asked to be tried later. Any other refusal (meeting expired, logged out) is final.
inline bool isWorthRetrying(ErrorCode code) {
  return code == ErrorCode::kNetwork || code == ErrorCode::kRateLimited;
}

}  // namespace callsession::client
