#include "config.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "jwt.h"

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

}  // namespace

Config loadConfig(const EnvironmentLookup& lookup) {
  Config config;
  if (auto host = read(lookup, "CALLSESSION_HOST")) config.host = *host;
  if (auto port = read(lookup, "PORT")) {
    config.port = static_cast<uint16_t>(readInteger(*port, "PORT", 0, 65535));
  }
  if (auto path = read(lookup, "CALLSESSION_DB")) config.databasePath = *path;
  if (auto root = read(lookup, "CALLSESSION_WEB_ROOT")) config.webRoot = *root;
  config.authKey = read(lookup, "CALLSESSION_AUTH_KEY");
  config.secret = read(lookup, "CALLSESSION_SECRET");
  if (auto ttl = read(lookup, "CALLSESSION_TOKEN_TTL")) {
    config.tokenTtlSeconds = readInteger(*ttl, "CALLSESSION_TOKEN_TTL", 1, kMaxTokenTtlSeconds);
  }
  if (auto ice = read(lookup, "CALLSESSION_ICE_SERVERS")) {
    const auto parsed = nlohmann::json::parse(*ice, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_array()) throw ConfigError("CALLSESSION_ICE_SERVERS must be a JSON array");
    config.iceServersJson = jsonText(parsed);
  }
  return config;
}

}  // namespace callsession::server
