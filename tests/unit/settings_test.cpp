#include "core/settings.h"

#include <gtest/gtest.h>

namespace callsession {
namespace {

TEST(Settings, NothingGivenMeansDefaults) {
  for (const char* text : {"", "null", "{}"}) {
    auto parsed = parseSettings(text);
    ASSERT_TRUE(parsed.ok()) << text;
    EXPECT_EQ(parsed.value(), SessionSettings{}) << text;
  }
}

TEST(Settings, ReadsEveryContractSetting) {
  auto parsed = parseSettings(R"({
    "sessionType": "VOICE", "layout": "SPOTLIGHT", "startAudioMuted": true,
    "startVideoPaused": true, "hideControlPanel": true, "hideLeaveSessionButton": true,
    "hideToggleAudioButton": true, "hideToggleVideoButton": true, "iceTransportPolicy": "relay"})");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const SessionSettings& s = parsed.value();
  EXPECT_EQ(s.sessionType, SessionType::kVoice);
  EXPECT_EQ(s.layout, CallLayout::kSpotlight);
  EXPECT_TRUE(s.startAudioMuted && s.startVideoPaused && s.hideControlPanel &&
              s.hideLeaveSessionButton && s.hideToggleAudioButton && s.hideToggleVideoButton);
  EXPECT_EQ(s.iceTransportPolicy, IceTransportPolicy::kRelay);
}

TEST(Settings, IceTransportPolicyIsAllUnlessRelayIsAskedFor) {
  EXPECT_EQ(SessionSettings{}.iceTransportPolicy, IceTransportPolicy::kAll);
  auto parsed = parseSettings(R"({"iceTransportPolicy":"all"})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value().iceTransportPolicy, IceTransportPolicy::kAll);
}

TEST(Settings, AChoiceMessageListsTheAllowedValues) {
  EXPECT_EQ(parseSettings(R"({"layout":"GRID"})").error().message,
            "Setting 'layout' must be \"TILE\", \"SIDEBAR\" or \"SPOTLIGHT\".");
  EXPECT_EQ(parseSettings(R"({"iceTransportPolicy":true})").error().message,
            "Setting 'iceTransportPolicy' must be \"all\" or \"relay\".");
}

TEST(Settings, AnUnknownKeyIsRefusedByName) {
  auto parsed = parseSettings(R"({"layout":"TILE","startMuted":true})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::kSettingsInvalid);
  EXPECT_NE(parsed.error().message.find("startMuted"), std::string::npos);
}

TEST(Settings, AWrongTypeIsRefusedByName) {
  for (const char* text :
       {R"({"startAudioMuted":"yes"})", R"({"hideControlPanel":1})", R"({"layout":"GRID"})",
        R"({"layout":3})", R"({"sessionType":"video"})", R"({"sessionType":null})",
        R"({"iceTransportPolicy":"RELAY"})", R"({"iceTransportPolicy":"none"})"}) {
    auto parsed = parseSettings(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, ErrorCode::kSettingsInvalid) << text;
    const std::string key = std::string(text).substr(2, std::string(text).find('"', 2) - 2);
    EXPECT_NE(parsed.error().message.find(key), std::string::npos) << parsed.error().message;
  }
}

TEST(Settings, SettingsMustBeAnObject) {
  for (const char* text : {"[]", "true", "\"TILE\"", "{", "{\"layout\":", "7"}) {
    auto parsed = parseSettings(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, ErrorCode::kSettingsInvalid);
  }
}

TEST(Settings, LayoutNamesRoundTrip) {
  for (CallLayout layout : {CallLayout::kTile, CallLayout::kSidebar, CallLayout::kSpotlight}) {
    EXPECT_EQ(callLayoutFromString(toString(layout)), layout);
  }
  EXPECT_EQ(callLayoutFromString("tile"), std::nullopt);
}

}  // namespace
}  // namespace callsession
