#include <gtest/gtest.h>

#include "core/clock_skew.h"
#include "core/used_tokens.h"

namespace callsession {
namespace {

TEST(ClockSkew, WithoutObservationsTrustsTheLocalClock) {
  ClockSkew skew;
  EXPECT_EQ(skew.serverNowMillis(5000), 5000);
}

TEST(ClockSkew, FollowsTheServerClock) {
  ClockSkew skew;
  skew.observe(/*serverMillis=*/100'000, /*localMillis=*/40'000);
  EXPECT_EQ(skew.serverNowMillis(41'000), 101'000);
}

TEST(ClockSkew, OneOutlierDoesNotMoveTheEstimate) {
  ClockSkew skew;
  for (int64_t local : {1000, 2000, 3000}) skew.observe(local + 500, local);
  skew.observe(4000 + 90'000, 4000);  // a stale answer
  EXPECT_EQ(skew.offsetMillis(), 500);
}

TEST(ClockSkew, ForgetsOldObservations) {
  ClockSkew skew;
  for (int i = 0; i < 5; ++i) skew.observe(1000, 1000);
  for (int i = 0; i < 5; ++i) skew.observe(3000, 1000);
  EXPECT_EQ(skew.offsetMillis(), 2000);
}

TEST(UsedTokens, ATokenIdCanBeUsedOnce) {
  UsedTokens used;
  EXPECT_TRUE(used.markUsed("j-1", /*expiresAtSeconds=*/200, /*nowSeconds=*/100));
  EXPECT_FALSE(used.markUsed("j-1", 200, 150));
  EXPECT_TRUE(used.markUsed("j-2", 200, 150));
}

TEST(UsedTokens, ForgetsIdsOnceTheirTokensExpired) {
  UsedTokens used;
  used.markUsed("j-1", 200, 100);
  used.markUsed("j-2", 400, 100);
  used.markUsed("j-3", 500, 300);  // j-1 expired at 200
  EXPECT_FALSE(used.contains("j-1"));
  EXPECT_TRUE(used.contains("j-2"));
  EXPECT_EQ(used.size(), 2U);
}

}  // namespace
}  // namespace callsession
