#include "redis_address.h"

#include <charconv>

namespace callsession::server {
namespace {

constexpr std::string_view kScheme = "redis://";
constexpr unsigned kMaxDatabase = 15;  // Redis's default number of databases, 0 to 15

template <typename Number>
Number parseNumber(std::string_view text, Number max, const char* what) {
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value > max) {
    throw std::invalid_argument(std::string("the ") + what + " must be a number up to " +
                                std::to_string(max));
  }
  return value;
}

}  // namespace

RedisAddress parseRedisUrl(std::string_view url) {
  if (!url.starts_with(kScheme)) throw std::invalid_argument("it must start with redis://");
  std::string_view rest = url.substr(kScheme.size());
  RedisAddress address;

  if (const size_t slash = rest.find('/'); slash != std::string_view::npos) {
    address.database = parseNumber<unsigned>(rest.substr(slash + 1), kMaxDatabase, "database");
    rest = rest.substr(0, slash);
  }
  if (const size_t at = rest.rfind('@'); at != std::string_view::npos) {
    const std::string_view credentials = rest.substr(0, at);
    const size_t colon = credentials.find(':');
    if (colon == std::string_view::npos) {
      throw std::invalid_argument("credentials must be [user]:password@");
    }
    if (colon > 0) address.user = std::string(credentials.substr(0, colon));
    address.password = std::string(credentials.substr(colon + 1));
    rest = rest.substr(at + 1);
  }
  // An IPv6 literal is bracketed, so the port is after the last colon outside brackets.
  const size_t bracket = rest.rfind(']');
  const size_t colon = rest.rfind(':');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    address.port = parseNumber<uint16_t>(rest.substr(colon + 1), uint16_t{65535}, "port");
    rest = rest.substr(0, colon);
  }
  if (rest.starts_with('[') && rest.ends_with(']')) rest = rest.substr(1, rest.size() - 2);
  if (rest.empty()) throw std::invalid_argument("it names no host");
  address.host = std::string(rest);
  return address;
}

}  // namespace callsession::server
