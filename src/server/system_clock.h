#pragma once

#include <chrono>

#include "core/clock.h"

namespace callsession::server {

// The wall clock: token times and expiry are seconds since the epoch.
class SystemClock final : public Clock {
 public:
  [[nodiscard]] int64_t nowMillis() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace callsession::server
