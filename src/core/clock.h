#pragma once

#include <cstdint>

namespace callsession {

// Time comes in through this port so that tests drive it (FakeClock) instead of sleeping.
class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual int64_t nowMillis() const = 0;
  [[nodiscard]] int64_t nowSeconds() const { return nowMillis() / 1000; }
};

}  // namespace callsession
