#include "config.h"

#include <charconv>
#include <utility>

#include "ice_servers.h"

namespace callsession::server {
namespace {

// Join tokens should be short-lived; a day is the most any deployment could want.
constexpr int64_t kMaxTokenTtlSeconds = int64_t{24} * 60 * 60;

std::optional<std::string> read(const EnvironmentLookup& lookup, const char* name) {
  const char* value = lookup(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

int64_t readInteger(const std::string& text, const char* name, int64_t min, int64_t max) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw ConfigError(std::string(name) + " must be an integer from " + std::to_string(min) +
                      " to " + std::to_string(max));
  }
  return value;
}

// TURN URLs are useless without the secret to mint their credentials, a secret without URLs is a
// forgotten setting; a certificate needs its key and the other way round.
void readNetworkPairs(const EnvironmentLookup& lookup, Config& config) {
  const auto turnUrls = read(lookup, "CALLSESSION_TURN_URLS");
  const auto turnSecret = read(lookup, "CALLSESSION_TURN_SECRET");
  if (turnUrls && !turnSecret)
    throw ConfigError("CALLSESSION_TURN_URLS needs CALLSESSION_TURN_SECRET");
  if (turnSecret && !turnUrls)
    throw ConfigError("CALLSESSION_TURN_SECRET needs CALLSESSION_TURN_URLS");
  if (turnUrls) config.turnUrls = checkedTurnUrls(*turnUrls);
  config.turnSecret = turnSecret.value_or("");

  config.tlsCertPath = read(lookup, "CALLSESSION_TLS_CERT");
  config.tlsKeyPath = read(lookup, "CALLSESSION_TLS_KEY");
  if (config.tlsCertPath && !config.tlsKeyPath) {
    throw ConfigError("CALLSESSION_TLS_CERT needs CALLSESSION_TLS_KEY");
  }
  if (config.tlsKeyPath && !config.tlsCertPath) {
    throw ConfigError("CALLSESSION_TLS_KEY needs CALLSESSION_TLS_CERT");
  }
}

void readLimits(const EnvironmentLookup& lookup, LimitsConfig& limits) {
  // Large enough for any real deployment; small enough that 10× cannot overflow.
  constexpr int64_t kMaxRate = 1'000'000;
  const std::pair<const char*, unsigned*> rates[] = {
      {"CALLSESSION_MAX_CONNECTIONS_PER_ADDRESS", &limits.connectionsPerAddress},
      {"CALLSESSION_LOGINS_PER_MINUTE", &limits.loginsPerMinute},
      {"CALLSESSION_TOKENS_PER_MINUTE", &limits.tokensPerMinute},
      {"CALLSESSION_JOINS_PER_MINUTE", &limits.joinsPerMinute},
  };
  for (const auto& [name, field] : rates) {
    if (auto text = read(lookup, name)) {
      *field = static_cast<unsigned>(readInteger(*text, name, 0, kMaxRate));
    }
  }
  if (auto trust = read(lookup, "CALLSESSION_TRUST_PROXY")) {
    limits.trustProxy = readInteger(*trust, "CALLSESSION_TRUST_PROXY", 0, 1) == 1;
  }
}

}  // namespace

Config loadConfig(const EnvironmentLookup& lookup) {
  Config config;
  if (auto host = read(lookup, "CALLSESSION_HOST")) config.host = *host;
  if (auto port = read(lookup, "PORT")) {
    config.port = static_cast<uint16_t>(readInteger(*port, "PORT", 0, 65535));
  }
  if (auto path = read(lookup, "CALLSESSION_DB")) config.databasePath = *path;
  config.databaseUrl = read(lookup, "CALLSESSION_DATABASE_URL");
  if (auto url = read(lookup, "CALLSESSION_REDIS_URL")) {
    try {
      config.redis = parseRedisUrl(*url);
    } catch (const std::invalid_argument& error) {
      // The URL may hold a password: the message names the variable, never repeats the value.
      throw ConfigError(std::string("CALLSESSION_REDIS_URL is malformed: ") + error.what());
    }
  }
  if (auto root = read(lookup, "CALLSESSION_WEB_ROOT")) config.webRoot = *root;
  config.authKey = read(lookup, "CALLSESSION_AUTH_KEY");
  config.secret = read(lookup, "CALLSESSION_SECRET");
  if (auto ttl = read(lookup, "CALLSESSION_TOKEN_TTL")) {
    config.tokenTtlSeconds = readInteger(*ttl, "CALLSESSION_TOKEN_TTL", 1, kMaxTokenTtlSeconds);
  }
  if (auto ice = read(lookup, "CALLSESSION_ICE_SERVERS")) {
    config.iceServersJson = checkedIceServers(*ice);
  }
  readNetworkPairs(lookup, config);
  readLimits(lookup, config.limits);
  return config;
}

}  // namespace callsession::server
