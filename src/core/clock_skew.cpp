#include "clock_skew.h"

#include <algorithm>
#include <vector>

namespace callsession {

void ClockSkew::observe(int64_t serverMillis, int64_t localMillis) {
  samples_[next_] = serverMillis - localMillis;
  next_ = (next_ + 1) % kWindow;
  count_ = std::min(count_ + 1, kWindow);
}

int64_t ClockSkew::offsetMillis() const {
  if (count_ == 0) return 0;
  std::vector<int64_t> sorted(samples_.begin(),
                              samples_.begin() + static_cast<std::ptrdiff_t>(count_));
  const auto middle = sorted.begin() + static_cast<std::ptrdiff_t>(count_ / 2);
  std::nth_element(sorted.begin(), middle, sorted.end());
  return *middle;
}

}  // namespace callsession
