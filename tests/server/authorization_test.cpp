#include "authorization.h"

#include <gtest/gtest.h>

namespace callsession::server {
namespace {

constexpr int64_t kNow = 1'700'000'000;

Meeting meeting(std::vector<std::string> allowList = {}) {
  return {"team-42", kNow - 100, kNow + 100, std::move(allowList)};
}

ErrorCode refusal(const std::optional<Meeting>& m, std::string_view uid, int64_t now = kNow) {
  auto status = authorizeJoin(m, uid, now);
  EXPECT_FALSE(status.ok());
  return status.ok() ? ErrorCode::kNetwork : status.error().code;
}

TEST(Authorization, AMeetingWithoutAllowListAdmitsAnyone) {
  EXPECT_TRUE(authorizeJoin(meeting(), "anyone", kNow).ok());
}

TEST(Authorization, AnAllowListAdmitsTheUidsOnIt) {
  EXPECT_TRUE(authorizeJoin(meeting({"ada", "bob"}), "bob", kNow).ok());
}

TEST(Authorization, AnAllowListRefusesOtherUids) {
  EXPECT_EQ(refusal(meeting({"ada"}), "eve"), ErrorCode::kNotAuthorized);
}

TEST(Authorization, NoMeetingIsNotFound) {
  EXPECT_EQ(refusal(std::nullopt, "ada"), ErrorCode::kSessionNotFound);
}

TEST(Authorization, AMeetingIsExpiredFromItsExpiresAtOn) {
  EXPECT_TRUE(authorizeJoin(meeting(), "ada", kNow + 99).ok());
  EXPECT_EQ(refusal(meeting(), "ada", kNow + 100), ErrorCode::kSessionExpired);
}

TEST(Authorization, ExpiryIsCheckedBeforeTheAllowList) {
  EXPECT_EQ(refusal(meeting({"ada"}), "eve", kNow + 100), ErrorCode::kSessionExpired);
}

}  // namespace
}  // namespace callsession::server
