// The limits on what one user or one address may do: rate buckets, connection counts, and which
// address a request is counted against.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "client_address.h"
#include "connection_limiter.h"
#include "rate_limiter.h"
#include "usage_limits.h"

namespace callsession::server {
namespace {

TEST(RateLimiter, LetsAMinutesWorthThroughAtOnceThenRefuses) {
  RateLimiter limiter(6);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(limiter.take("ada", 0), std::nullopt) << i;
  const auto wait = limiter.take("ada", 0);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 10'000);  // one token every 60/6 s
}

TEST(RateLimiter, RefillsAtTheRateAndSaysHowLongToWait) {
  RateLimiter limiter(6);
  for (int i = 0; i < 6; ++i) limiter.take("ada", 0);
  EXPECT_EQ(limiter.take("ada", 4'000), std::optional<int64_t>(6'000));
  EXPECT_EQ(limiter.take("ada", 10'000), std::nullopt);
  EXPECT_TRUE(limiter.take("ada", 10'000));
}

TEST(RateLimiter, ARefusalIsNotCounted) {
  RateLimiter limiter(6);
  for (int i = 0; i < 6; ++i) limiter.take("ada", 0);
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(limiter.take("ada", 0));
  EXPECT_EQ(limiter.take("ada", 10'000), std::nullopt);  // as if the refusals never happened
}

TEST(RateLimiter, KeysAreIndependent) {
  RateLimiter limiter(1);
  EXPECT_EQ(limiter.take("ada", 0), std::nullopt);
  EXPECT_TRUE(limiter.take("ada", 0));
  EXPECT_EQ(limiter.take("bob", 0), std::nullopt);
}

TEST(RateLimiter, ZeroMeansNoLimit) {
  RateLimiter limiter(0);
  for (int i = 0; i < 10'000; ++i) ASSERT_EQ(limiter.take("ada", 0), std::nullopt);
}

TEST(RateLimiter, AClockStepBackRefillsNothing) {
  RateLimiter limiter(1);
  limiter.take("ada", 100'000);
  EXPECT_TRUE(limiter.take("ada", 0));
}

TEST(RateLimiter, ForgetsKeysWhoseBucketsAreFullAgain) {
  RateLimiter limiter(60);
  for (int i = 0; i < 5000; ++i) limiter.take("address-" + std::to_string(i), 0);
  EXPECT_GE(limiter.keyCount(), 1024U);
  // A minute later every one of them is full: the next sweep (sweeps come as the key count
  // doubles) drops them, and only the newer keys are left.
  for (int i = 0; i < 4000; ++i) limiter.take("later-" + std::to_string(i), 60'000);
  EXPECT_LE(limiter.keyCount(), 4000U);
}

TEST(RateLimiter, KeepsKeysThatAreStillLimited) {
  RateLimiter limiter(1);
  limiter.take("ada", 0);
  for (int i = 0; i < 5000; ++i) limiter.take("address-" + std::to_string(i), 1000);
  EXPECT_TRUE(limiter.take("ada", 1000)) << "a sweep must not reset a limited key";
}

TEST(RetryAfterSeconds, RoundsUpAndIsNeverZero) {
  EXPECT_EQ(retryAfterSeconds(1), 1);
  EXPECT_EQ(retryAfterSeconds(1000), 1);
  EXPECT_EQ(retryAfterSeconds(1001), 2);
  EXPECT_EQ(retryAfterSeconds(10'000), 10);
}

TEST(ConnectionLimiter, RefusesPastTheMaximumPerAddress) {
  ConnectionLimiter limiter(2);
  auto first = limiter.open("10.0.0.1");
  auto second = limiter.open("10.0.0.1");
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(limiter.open("10.0.0.1"));
  EXPECT_TRUE(limiter.open("10.0.0.2"));
  EXPECT_EQ(limiter.openFrom("10.0.0.1"), 2U);
}

TEST(ConnectionLimiter, AClosedConnectionGivesItsSlotBack) {
  ConnectionLimiter limiter(1);
  {
    auto slot = limiter.open("10.0.0.1");
    ASSERT_TRUE(slot);
    std::vector<ConnectionLimiter::Slot> held;
    held.push_back(std::move(*slot));  // moved: only the last holder gives it back
    slot.reset();
    EXPECT_EQ(limiter.openFrom("10.0.0.1"), 1U);
  }
  EXPECT_EQ(limiter.openFrom("10.0.0.1"), 0U);
  EXPECT_TRUE(limiter.open("10.0.0.1"));
}

TEST(ConnectionLimiter, ZeroMeansNoLimit) {
  ConnectionLimiter limiter(0);
  std::vector<ConnectionLimiter::Slot> held;
  for (int i = 0; i < 1000; ++i) {
    auto slot = limiter.open("10.0.0.1");
    ASSERT_TRUE(slot);
    held.push_back(std::move(*slot));
  }
  EXPECT_EQ(limiter.openFrom("10.0.0.1"), 1000U);
}

TEST(Limits, PerAddressAllowsTenTimesThePerUserRate) {
  Limits limits(LimitsConfig{0, 0, 1, 0, false});
  for (unsigned i = 0; i < Limits::kAddressMultiple; ++i) {
    EXPECT_EQ(limits.takeToken("user-" + std::to_string(i), "10.0.0.1", 0), std::nullopt);
  }
  EXPECT_TRUE(limits.takeToken("one-more", "10.0.0.1", 0));
  EXPECT_EQ(limits.takeToken("one-more", "10.0.0.2", 0), std::nullopt);
}

TEST(Limits, AUserIsLimitedAcrossAddresses) {
  Limits limits(LimitsConfig{0, 0, 0, 2, false});
  EXPECT_EQ(limits.takeJoin("ada", "10.0.0.1", 0), std::nullopt);
  EXPECT_EQ(limits.takeJoin("ada", "10.0.0.2", 0), std::nullopt);
  EXPECT_TRUE(limits.takeJoin("ada", "10.0.0.3", 0));
  EXPECT_EQ(limits.takeJoin("bob", "10.0.0.3", 0), std::nullopt);
}

TEST(Limits, AnAddressRefusalDoesNotSpendTheUsersAllowance) {
  Limits limits(LimitsConfig{0, 0, 0, 1, false});  // 1 per user, 10 per address
  for (unsigned i = 0; i < Limits::kAddressMultiple; ++i) {
    limits.takeJoin("user-" + std::to_string(i), "10.0.0.1", 0);
  }
  EXPECT_TRUE(limits.takeJoin("ada", "10.0.0.1", 0));
  EXPECT_EQ(limits.takeJoin("ada", "10.0.0.2", 0), std::nullopt);
}

TEST(Limits, LoginsAreCountedPerAddress) {
  Limits limits(LimitsConfig{0, 2, 0, 0, false});
  EXPECT_EQ(limits.takeLogin("10.0.0.1", 0), std::nullopt);
  EXPECT_EQ(limits.takeLogin("10.0.0.1", 0), std::nullopt);
  EXPECT_TRUE(limits.takeLogin("10.0.0.1", 0));
  EXPECT_EQ(limits.takeLogin("10.0.0.2", 0), std::nullopt);
}

TEST(ClientAddress, IsThePeerUnlessAProxyIsTrusted) {
  EXPECT_EQ(clientAddress("10.0.0.1", "203.0.113.7", false), "10.0.0.1");
  EXPECT_EQ(clientAddress("10.0.0.1", "203.0.113.7", true), "203.0.113.7");
}

TEST(ClientAddress, BehindAProxyIsTheLastForwardedEntry) {
  // The first entries are whatever the client wrote; the proxy appended the last one.
  EXPECT_EQ(clientAddress("10.0.0.1", "1.2.3.4, 198.51.100.2,  203.0.113.7 ", true), "203.0.113.7");
}

TEST(ClientAddress, BehindAProxyWithoutTheHeaderIsThePeer) {
  EXPECT_EQ(clientAddress("10.0.0.1", "", true), "10.0.0.1");
  EXPECT_EQ(clientAddress("10.0.0.1", "1.2.3.4, ", true), "10.0.0.1");
}

}  // namespace
}  // namespace callsession::server
