#include "meeting_ids.h"

#include <gtest/gtest.h>

#include <regex>

#include "core/session_id.h"

namespace callsession::server {
namespace {

TEST(MeetingIds, UuidIdsAreVersion4AndFresh) {
  const std::regex v4("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  const std::string first = uuidSessionId();
  EXPECT_TRUE(std::regex_match(first, v4)) << first;
  EXPECT_NE(first, uuidSessionId());
  EXPECT_TRUE(isValidSessionId(first));
}

TEST(MeetingIds, AValidResourceNameIsItsOwnId) {
  EXPECT_EQ(resourceSessionId("team-42"), "team-42");
}

TEST(MeetingIds, OtherCharactersBecomeOneDash) {
  EXPECT_EQ(resourceSessionId("  Team 42 / Design!"), "Team-42-Design");
}

TEST(MeetingIds, AResourceWithNoUsableNameMapsToAStableHash) {
  const std::string id = resourceSessionId("日本語");
  EXPECT_TRUE(std::regex_match(id, std::regex("^r-[0-9a-f]{32}$"))) << id;
  EXPECT_EQ(id, resourceSessionId("日本語"));
  EXPECT_NE(id, resourceSessionId("中文"));
}

TEST(MeetingIds, ATooLongResourceMapsToAStableHash) {
  const std::string id = resourceSessionId(std::string(100, 'a'));
  EXPECT_TRUE(isValidSessionId(id));
  EXPECT_EQ(id.substr(0, 2), "r-");
}

TEST(MeetingIds, TimeIdsAreTheResourceAndTheUtcDay) {
  // 2026-11-23T23:59:59Z and one second later.
  EXPECT_EQ(timeSessionId("office-hours", 1795478399), "office-hours-20261123");
  EXPECT_EQ(timeSessionId("office-hours", 1795478400), "office-hours-20261124");
}

TEST(MeetingIds, ATimeIdStaysValidForALongResource) {
  const std::string id = timeSessionId(std::string(60, 'a'), 1795478399);
  EXPECT_TRUE(isValidSessionId(id)) << id;
  EXPECT_EQ(id.substr(id.size() - 9), "-20261123");
}

TEST(MeetingIds, StrategiesHaveTheirContractNames) {
  EXPECT_EQ(strategyFromString("uuid"), Strategy::kUuid);
  EXPECT_EQ(strategyFromString("resource"), Strategy::kResource);
  EXPECT_EQ(strategyFromString("time"), Strategy::kTime);
  EXPECT_EQ(strategyFromString("UUID"), std::nullopt);
}

}  // namespace
}  // namespace callsession::server
