#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace callsession {

// Token times are the server's; a laptop's clock can be minutes off. Each server answer that
// carries the server's time (a token's iat right after minting, a join answer) is an observation;
// the estimate is the median of the latest few, so one slow answer does not move it.
class ClockSkew {
 public:
  void observe(int64_t serverMillis, int64_t localMillis);
  [[nodiscard]] int64_t offsetMillis() const;
  [[nodiscard]] int64_t serverNowMillis(int64_t localMillis) const {
    return localMillis + offsetMillis();
  }

 private:
  static constexpr size_t kWindow = 5;
  std::array<int64_t, kWindow> samples_{};
  size_t count_ = 0;
  size_t next_ = 0;
};

}  // namespace callsession
