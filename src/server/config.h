#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "redis_address.h"

// The server's settings, all from the environment (CONTRACT.md §1).
namespace callsession::server {

// Limits per user and per client address (usage_limits.h); 0 turns one off (load tests). The
// defaults leave room for a busy office behind one NAT address.
struct LimitsConfig {
  unsigned connectionsPerAddress = 256;  // CALLSESSION_MAX_CONNECTIONS_PER_ADDRESS (signaling)
  unsigned loginsPerMinute = 120;        // CALLSESSION_LOGINS_PER_MINUTE, per address
  unsigned tokensPerMinute = 60;  // CALLSESSION_TOKENS_PER_MINUTE, per user (10× per address)
  unsigned joinsPerMinute = 60;   // CALLSESSION_JOINS_PER_MINUTE, per user (10× per address)
  // CALLSESSION_TRUST_PROXY=1: behind a reverse proxy, the client's address is the last one in
  // X-Forwarded-For (the one the proxy added), not the proxy's own.
  bool trustProxy = false;
};

struct Config {
  std::string host = "127.0.0.1";                      // CALLSESSION_HOST
  uint16_t port = 8080;                                // PORT; 0 picks a free port (tests)
  std::string databasePath = "./data/callsession.db";  // CALLSESSION_DB
  // CALLSESSION_DATABASE_URL: PostgreSQL instead of the SQLite file, shared by several nodes.
  std::optional<std::string> databaseUrl;
  // CALLSESSION_REDIS_URL: rooms shared with other nodes through Redis instead of held in-process.
  std::optional<RedisAddress> redis;
  std::string webRoot = "build/web";   // CALLSESSION_WEB_ROOT
  std::optional<std::string> authKey;  // CALLSESSION_AUTH_KEY; none means demo mode
  std::optional<std::string> secret;   // CALLSESSION_SECRET; none means made and stored
  int64_t tokenTtlSeconds = 300;       // CALLSESSION_TOKEN_TTL
  std::string iceServersJson = "[]";   // CALLSESSION_ICE_SERVERS: a JSON array
  // CALLSESSION_TURN_URLS + CALLSESSION_TURN_SECRET: both or neither (ice_servers.h). The secret
  // is never logged.
  std::vector<std::string> turnUrls;
  std::string turnSecret;
  // CALLSESSION_TLS_CERT + CALLSESSION_TLS_KEY (PEM files): both for HTTPS/WSS, or neither.
  std::optional<std::string> tlsCertPath;
  std::optional<std::string> tlsKeyPath;
  LimitsConfig limits;
};

// A setting that is present but malformed stops the start with a message naming it; nothing is
// guessed.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `lookup` returns a variable's value or nullptr; an empty value counts as unset.
using EnvironmentLookup = std::function<const char*(const char* name)>;
Config loadConfig(const EnvironmentLookup& lookup);

}  // namespace callsession::server
