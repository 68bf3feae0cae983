#include "ice_servers.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "turn_credentials.h"

namespace callsession::server {
namespace {

using nlohmann::json;

// The message of the ConfigError `run` throws; empty if it throws none.
template <class Run>
std::string configErrorOf(Run run) {
  try {
    run();
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

TEST(IceServers, AreKeptAsGivenInCompactForm) {
  const std::string given = R"([ {"urls": "stun:stun.example.org:3478"},
    {"urls": ["turn:t.example.org", "turns:t.example.org:443?transport=tcp"],
     "username": "u", "credential": "p", "credentialType": "password"} ])";
  EXPECT_EQ(json::parse(checkedIceServers(given)), json::parse(given));
  EXPECT_EQ(checkedIceServers("[]"), "[]");
}

TEST(IceServers, MalformedListsAreRefusedNamingTheVariable) {
  for (const std::string bad : {
           R"(not json)",
           R"({"urls": "stun:x"})",
           R"(["stun:x"])",
           R"([{"url": "stun:x"}])",
           R"([{"urls": []}])",
           R"([{"urls": "http://x"}])",
           R"([{"urls": "stun.example.org"}])",
           R"([{"urls": "stun:"}])",
           R"([{"urls": "stun:a,stun:b"}])",
           R"([{"urls": [1]}])",
           R"([{"urls": "turn:x"}])",
           R"([{"urls": "turn:x", "username": "u"}])",
           R"([{"urls": "turn:x", "username": "u", "credential": 7}])",
       }) {
    const std::string message = configErrorOf([&] { checkedIceServers(bad); });
    EXPECT_TRUE(message.starts_with("CALLSESSION_ICE_SERVERS ")) << bad << " gave: " << message;
  }
}

TEST(TurnUrls, AreSplitAtCommasWithBlanksIgnored) {
  EXPECT_EQ(checkedTurnUrls("turn:a.example:3478?transport=udp, turns:a.example:443 "),
            (std::vector<std::string>{"turn:a.example:3478?transport=udp", "turns:a.example:443"}));
  EXPECT_EQ(checkedTurnUrls("turn:127.0.0.1:3478"),
            std::vector<std::string>{"turn:127.0.0.1:3478"});
}

TEST(TurnUrls, OnlyTurnSchemesAreAccepted) {
  for (const std::string bad : {"stun:a.example", "a.example:3478", "turn:a,", ",turn:a",
                                "turn:a,,turn:b", "turn:", "https://a.example"}) {
    const std::string message = configErrorOf([&] { checkedTurnUrls(bad); });
    EXPECT_TRUE(message.starts_with("CALLSESSION_TURN_URLS ")) << bad << " gave: " << message;
  }
}

Config turnConfig() {
  Config config;
  config.iceServersJson = R"([{"urls":"stun:stun.example.org"}])";
  config.turnUrls = {"turn:127.0.0.1:3478", "turns:relay.example.org:443"};
  config.turnSecret = "north-wind";
  return config;
}

TEST(JoinIceServers, AreTheConfiguredOnesWithoutTurn) {
  Config config;
  config.iceServersJson = R"([{"urls":"stun:stun.example.org"}])";
  EXPECT_EQ(iceServersForJoin(config, "ada", 1'000, 2'000), config.iceServersJson);
}

TEST(JoinIceServers, EndWithTurnCredentialsMintedForTheUid) {
  const json servers = json::parse(iceServersForJoin(turnConfig(), "ada", 1'000, 2'000));
  ASSERT_EQ(servers.size(), 2U);
  EXPECT_EQ(servers[0], json::parse(R"({"urls":"stun:stun.example.org"})"));
  const TurnCredentials expected = mintTurnCredentials("north-wind", 2'000, "ada");
  EXPECT_EQ(servers[1], (json{{"urls", {"turn:127.0.0.1:3478", "turns:relay.example.org:443"}},
                              {"username", expected.username},
                              {"credential", expected.credential}}));
}

TEST(JoinIceServers, CarryTheCappedExpiryForALongMeeting) {
  const int64_t now = 1'700'000'000;
  const json servers = json::parse(iceServersForJoin(turnConfig(), "bob", now, now + 10'000'000));
  EXPECT_EQ(servers[1]["username"], std::to_string(now + kMaxTurnCredentialSeconds) + ":bob");
}

}  // namespace
}  // namespace callsession::server
