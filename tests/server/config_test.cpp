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
  EXPECT_FALSE(config.databaseUrl);
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
                                    {"CALLSESSION_DATABASE_URL", "postgresql://pg/calls"},
                                    {"CALLSESSION_WEB_ROOT", "/srv/web"},
                                    {"CALLSESSION_AUTH_KEY", "app-key"},
                                    {"CALLSESSION_SECRET", "signing"},
                                    {"CALLSESSION_TOKEN_TTL", "60"},
                                    {"CALLSESSION_ICE_SERVERS", R"([{"urls": "stun:x"}])"}});
  EXPECT_EQ(config.host, "0.0.0.0");
  EXPECT_EQ(config.port, 9000);
  EXPECT_EQ(config.databasePath, "/tmp/x.db");
  EXPECT_EQ(config.databaseUrl, "postgresql://pg/calls");
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

// The message of the ConfigError a start with `environment` gives; empty if none.
std::string startFailure(const std::map<std::string, std::string>& environment) {
  try {
    configFrom(environment);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

TEST(Config, ReadsTurnUrlsAndSecretTogether) {
  const Config config =
      configFrom({{"CALLSESSION_TURN_URLS", "turn:127.0.0.1:3478,turns:r.example"},
                  {"CALLSESSION_TURN_SECRET", "north-wind"}});
  EXPECT_EQ(config.turnUrls, (std::vector<std::string>{"turn:127.0.0.1:3478", "turns:r.example"}));
  EXPECT_EQ(config.turnSecret, "north-wind");
  EXPECT_TRUE(configFrom({}).turnUrls.empty());
}

TEST(Config, HalfATurnOrTlsPairStopsTheStartNamingWhatIsMissing) {
  EXPECT_EQ(startFailure({{"CALLSESSION_TURN_URLS", "turn:x"}}),
            "CALLSESSION_TURN_URLS needs CALLSESSION_TURN_SECRET");
  EXPECT_EQ(startFailure({{"CALLSESSION_TURN_SECRET", "s"}}),
            "CALLSESSION_TURN_SECRET needs CALLSESSION_TURN_URLS");
  EXPECT_EQ(startFailure({{"CALLSESSION_TLS_CERT", "/c.pem"}}),
            "CALLSESSION_TLS_CERT needs CALLSESSION_TLS_KEY");
  EXPECT_EQ(startFailure({{"CALLSESSION_TLS_KEY", "/k.pem"}}),
            "CALLSESSION_TLS_KEY needs CALLSESSION_TLS_CERT");
}

TEST(Config, MalformedIceSettingsStopTheStartNamingTheVariable) {
  EXPECT_TRUE(startFailure({{"CALLSESSION_ICE_SERVERS", R"([{"urls":"http://x"}])"}})
                  .starts_with("CALLSESSION_ICE_SERVERS "));
  EXPECT_TRUE(startFailure({{"CALLSESSION_TURN_URLS", "stun:x"}, {"CALLSESSION_TURN_SECRET", "s"}})
                  .starts_with("CALLSESSION_TURN_URLS "));
}

TEST(Config, LimitsDefaultToRoomForABusyOffice) {
  const LimitsConfig limits = configFrom({}).limits;
  EXPECT_EQ(limits.connectionsPerAddress, 256U);
  EXPECT_EQ(limits.loginsPerMinute, 120U);
  EXPECT_EQ(limits.tokensPerMinute, 60U);
  EXPECT_EQ(limits.joinsPerMinute, 60U);
  EXPECT_FALSE(limits.trustProxy);
}

TEST(Config, ReadsTheLimitsAndZeroTurnsOneOff) {
  const LimitsConfig limits = configFrom({{"CALLSESSION_MAX_CONNECTIONS_PER_ADDRESS", "0"},
                                          {"CALLSESSION_LOGINS_PER_MINUTE", "5"},
                                          {"CALLSESSION_TOKENS_PER_MINUTE", "6"},
                                          {"CALLSESSION_JOINS_PER_MINUTE", "7"},
                                          {"CALLSESSION_TRUST_PROXY", "1"}})
                                  .limits;
  EXPECT_EQ(limits.connectionsPerAddress, 0U);
  EXPECT_EQ(limits.loginsPerMinute, 5U);
  EXPECT_EQ(limits.tokensPerMinute, 6U);
  EXPECT_EQ(limits.joinsPerMinute, 7U);
  EXPECT_TRUE(limits.trustProxy);
}

TEST(Config, MalformedLimitsStopTheStartNamingTheVariable) {
  EXPECT_TRUE(startFailure({{"CALLSESSION_JOINS_PER_MINUTE", "-1"}})
                  .starts_with("CALLSESSION_JOINS_PER_MINUTE "));
  EXPECT_TRUE(
      startFailure({{"CALLSESSION_TRUST_PROXY", "yes"}}).starts_with("CALLSESSION_TRUST_PROXY "));
}

TEST(Config, ReadsTheTlsFiles) {
  const Config config =
      configFrom({{"CALLSESSION_TLS_CERT", "/c.pem"}, {"CALLSESSION_TLS_KEY", "/k.pem"}});
  EXPECT_EQ(config.tlsCertPath, "/c.pem");
  EXPECT_EQ(config.tlsKeyPath, "/k.pem");
  EXPECT_FALSE(configFrom({}).tlsCertPath);
}

TEST(Config, ReadsTheRedisUrlInEveryForm) {
  EXPECT_FALSE(configFrom({}).redis) << "rooms are in-process unless Redis is named";
  const auto plain = configFrom({{"CALLSESSION_REDIS_URL", "redis://cache.internal"}}).redis;
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->host, "cache.internal");
  EXPECT_EQ(plain->port, 6379);
  EXPECT_FALSE(plain->password);
  const auto full =
      configFrom({{"CALLSESSION_REDIS_URL", "redis://bus:p@ss@10.0.0.5:6380/3"}}).redis;
  ASSERT_TRUE(full);
  EXPECT_EQ(full->host, "10.0.0.5");
  EXPECT_EQ(full->port, 6380);
  EXPECT_EQ(full->user, "bus");
  EXPECT_EQ(full->password, "p@ss");
  EXPECT_EQ(full->database, 3U);
  const auto v6 = configFrom({{"CALLSESSION_REDIS_URL", "redis://:pw@[::1]:7000"}}).redis;
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 7000);
  EXPECT_FALSE(v6->user);
}

TEST(Config, AMalformedRedisUrlStopsTheStartWithoutRepeatingIt) {
  for (const char* url : {"http://host", "redis://", "redis://host:port", "redis://host:70000",
                          "redis://host/16", "redis://s3cret@host"}) {
    const std::string failure = startFailure({{"CALLSESSION_REDIS_URL", url}});
    EXPECT_TRUE(failure.starts_with("CALLSESSION_REDIS_URL is malformed"))
        << url << ": " << failure;
    EXPECT_EQ(failure.find("s3cret"), std::string::npos) << failure;
  }
}

}  // namespace
}  // namespace callsession::server
