#pragma once

#include "core/clock.h"

namespace callsession::server::testing {

// Time that moves only when a test says so.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t seconds = 1'700'000'000) : millis_(seconds * 1000) {}
  [[nodiscard]] int64_t nowMillis() const override { return millis_; }
  void advanceSeconds(int64_t seconds) { millis_ += seconds * 1000; }

 private:
  int64_t millis_;
};

}  // namespace callsession::server::testing
