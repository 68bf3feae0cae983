#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace callsession::load {

// Relay latencies in microseconds; percentiles over every sample (a run holds a few million at
// most, so an exact sort is affordable and needs no histogram approximations).
class LatencyRecorder {
 public:
  void record(int64_t micros) { samples_.push_back(micros); }
  [[nodiscard]] size_t count() const { return samples_.size(); }

  [[nodiscard]] int64_t percentile(double p) {
    if (samples_.empty()) return -1;
    const auto rank = static_cast<size_t>(p / 100.0 * static_cast<double>(samples_.size() - 1));
    std::nth_element(samples_.begin(), samples_.begin() + static_cast<std::ptrdiff_t>(rank),
                     samples_.end());
    return samples_[rank];
  }

 private:
  std::vector<int64_t> samples_;
};

}  // namespace callsession::load
