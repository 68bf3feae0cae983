#include <gtest/gtest.h>

#include "core/client/reconnect_policy.h"

namespace callsession::client {
namespace {

using Policy = ReconnectPolicy;

TEST(ReconnectPolicy, TheDelayDoublesFrom250MillisecondsUpToFourSeconds) {
  std::vector<int64_t> delays;
  for (int attempt = 0; attempt < 7; ++attempt)
    delays.push_back(*Policy::delayBefore(attempt, 0, 0));
  EXPECT_EQ(delays, (std::vector<int64_t>{250, 500, 1000, 2000, 4000, 4000, 4000}));
}

TEST(ReconnectPolicy, JitterShortensADelayByUpToHalf) {
  EXPECT_EQ(*Policy::delayBefore(2, 0, 0.5), 750);
  EXPECT_GT(*Policy::delayBefore(4, 0, 0.999), 2000);
}

TEST(ReconnectPolicy, NoAttemptWouldStartPastThirtySeconds) {
  EXPECT_EQ(Policy::delayBefore(9, 26'000, 0), 4000);
  EXPECT_EQ(Policy::delayBefore(9, 26'001, 0), std::nullopt);
}

}  // namespace
}  // namespace callsession::client
