#include "config.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace callsession::server {
namespace {

Config configFrom(const std::map<std::string, std::string>& environment) {
  return loadConfig([&](const char* name) -> const char* {
    auto it = environment.find(name);
    return it == environment.end() ? nullptr : it->second.c_str();
  });
}

TEST(Config, DefaultsMatchTheContract) {
  const Config config = configFrom({});
  EXPECT_EQ(config.host, "127.0.0.1");
  EXPECT_EQ(config.port, 8080);
  EXPECT_EQ(config.databasePath, "./data/callsession.db");
  EXPECT_EQ(config.webRoot, "build/web");
  EXPECT_FALSE(config.authKey);
  EXPECT_FALSE(config.secret);
  EXPECT_EQ(config.tokenTtlSeconds, 300);
  EXPECT_EQ(config.iceServersJson, "[]");
}

TEST(Config, ReadsEveryVariable) {
  const Config config = configFrom({{"CALLSESSION_HOST", "0.0.0.0"},
                                    {"PORT", "9000"},
                                    {"CALLSESSION_DB", "/tmp/x.db"},
                                    {"CALLSESSION_WEB_ROOT", "/srv/web"},
                                    {"CALLSESSION_AUTH_KEY", "app-key"},
                                    {"CALLSESSION_SECRET", "signing"},
                                    {"CALLSESSION_TOKEN_TTL", "60"},
                                    {"CALLSESSION_ICE_SERVERS", R"([{"urls": "stun:x"}])"}});
  EXPECT_EQ(config.host, "0.0.0.0");
  EXPECT_EQ(config.port, 9000);
  EXPECT_EQ(config.databasePath, "/tmp/x.db");
  EXPECT_EQ(config.webRoot, "/srv/web");
  EXPECT_EQ(config.authKey, "app-key");
  EXPECT_EQ(config.secret, "signing");
  EXPECT_EQ(config.tokenTtlSeconds, 60);
  EXPECT_EQ(config.iceServersJson, R"([{"urls":"stun:x"}])");
}

TEST(Config, AnEmptyValueCountsAsUnset) {
  EXPECT_FALSE(configFrom({{"CALLSESSION_AUTH_KEY", ""}}).authKey);
}

TEST(Config, AMalformedValueStopsTheStart) {
  for (const auto& [name, value] : std::map<std::string, std::string>{
           {"PORT", "80a"}, {"PORT", "70000"}, {"CALLSESSION_TOKEN_TTL", "0"}}) {
    EXPECT_THROW(configFrom({{name, value}}), ConfigError) << name << "=" << value;
  }
  EXPECT_THROW(configFrom({{"CALLSESSION_ICE_SERVERS", R"({"urls":"stun:x"})"}}), ConfigError);
}

}  // namespace
}  // namespace callsession::server
