#include "ice_servers.h"

#include <array>
#include <nlohmann/json.hpp>

#include "jwt.h"
#include "turn_credentials.h"

namespace callsession::server {
namespace {

using nlohmann::json;

constexpr const char* kIceServersVariable = "CALLSESSION_ICE_SERVERS";
constexpr const char* kTurnUrlsVariable = "CALLSESSION_TURN_URLS";

bool isTurnUrl(std::string_view url) {
  return url.starts_with("turn:") || url.starts_with("turns:");
}

// A scheme the browser knows, then something; no blanks or commas, which mark a list pasted into
// one URL.
bool isIceUrl(std::string_view url) {
  static constexpr std::array<std::string_view, 4> kSchemes{"stun:", "stuns:", "turn:", "turns:"};
  for (std::string_view scheme : kSchemes) {
    if (url.starts_with(scheme)) {
      return url.size() > scheme.size() && url.find_first_of(" \t,") == std::string_view::npos;
    }
  }
  return false;
}

std::string_view trimmed(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

[[noreturn]] void fail(const char* variable, const std::string& problem) {
  throw ConfigError(std::string(variable) + " " + problem);
}

void checkIceServer(const json& server, size_t index) {
  const std::string where = "entry " + std::to_string(index);
  if (!server.is_object()) fail(kIceServersVariable, where + " must be an object");
  const auto urls = server.find("urls");
  if (urls == server.end()) fail(kIceServersVariable, where + " has no \"urls\"");
  const json list = urls->is_array() ? *urls : json::array({*urls});
  if (list.empty()) fail(kIceServersVariable, where + " has an empty \"urls\" list");
  bool hasTurn = false;
  for (const json& url : list) {
    if (!url.is_string() || !isIceUrl(url.get_ref<const std::string&>())) {
      fail(kIceServersVariable,
           where + " has a URL that is not stun:, stuns:, turn: or turns: " + url.dump());
    }
    hasTurn = hasTurn || isTurnUrl(url.get_ref<const std::string&>());
  }
  for (const char* field : {"username", "credential"}) {
    const auto value = server.find(field);
    if (value != server.end() && !value->is_string()) {
      fail(kIceServersVariable, where + " has a \"" + field + "\" that is not a string");
    }
    // Browsers reject a TURN server without both, and with it the whole list.
    if (hasTurn && value == server.end()) {
      fail(kIceServersVariable, where + " has TURN URLs but no \"" + field + "\"");
    }
  }
}

}  // namespace

std::string checkedIceServers(std::string_view text) {
  const json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_array()) fail(kIceServersVariable, "must be a JSON array");
  for (size_t i = 0; i < parsed.size(); ++i) checkIceServer(parsed[i], i);
  return jsonText(parsed);
}

std::vector<std::string> checkedTurnUrls(std::string_view text) {
  std::vector<std::string> urls;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view url = trimmed(text.substr(start, comma - start));
    if (!isTurnUrl(url) || !isIceUrl(url)) {
      fail(kTurnUrlsVariable,
           "must list turn: or turns: URLs separated by commas (got \"" + std::string(url) + "\")");
    }
    urls.emplace_back(url);
    start = comma + 1;
  }
  return urls;
}

std::string iceServersForJoin(const Config& config, std::string_view uid, int64_t now,
                              int64_t meetingExpiresAt) {
  if (config.turnUrls.empty()) return config.iceServersJson;
  json servers = json::parse(config.iceServersJson);
  const TurnCredentials turn =
      mintTurnCredentials(config.turnSecret, turnCredentialExpiry(now, meetingExpiresAt), uid);
  servers.push_back(
      {{"urls", config.turnUrls}, {"username", turn.username}, {"credential", turn.credential}});
  return jsonText(servers);
}

}  // namespace callsession::server
