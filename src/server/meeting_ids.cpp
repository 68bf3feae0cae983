#include "meeting_ids.h"

#include <chrono>
#include <cstdio>

#include "core/session_id.h"
#include "crypto.h"

namespace callsession::server {
namespace {

bool isIdCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// Runs of characters a sessionId cannot hold become one '-'; leading and trailing separators go.
std::string sanitize(std::string_view resource) {
  std::string out;
  for (char c : resource) {
    if (isIdCharacter(c)) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '_')) out.pop_back();
  const size_t start = out.find_first_not_of("-_");
  return start == std::string::npos ? std::string() : out.substr(start);
}

std::string hashedId(std::string_view resource) {
  return "r-" + toHex(sha256(resource)).substr(0, 32);
}

std::string utcDay(int64_t nowSeconds) {
  const std::chrono::sys_days day = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(nowSeconds)));
  const std::chrono::year_month_day date(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d%02u%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace

std::optional<Strategy> strategyFromString(std::string_view text) {
  if (text == "uuid") return Strategy::kUuid;
  if (text == "resource") return Strategy::kResource;
  if (text == "time") return Strategy::kTime;
  return std::nullopt;
}

std::string uuidSessionId() {
  return uuidV4();
}

std::string resourceSessionId(std::string_view resource) {
  std::string id = sanitize(resource);
  return isValidSessionId(id) ? id : hashedId(resource);
}

std::string timeSessionId(std::string_view resource, int64_t nowSeconds) {
  const std::string suffix = "-" + utcDay(nowSeconds);
  std::string id = resourceSessionId(resource) + suffix;
  return isValidSessionId(id) ? id : hashedId(resource) + suffix;
}

}  // namespace callsession::server
