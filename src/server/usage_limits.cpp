#include "usage_limits.h"

namespace callsession::server {
namespace {

// The address is asked first: a request refused there costs the user nothing, while one the user's
// own limit refuses still counts against the address it came from.
std::optional<int64_t> takeBoth(RateLimiter& perUser, RateLimiter& perAddress,
                                const std::string& uid, const std::string& address,
                                int64_t nowMillis) {
  if (auto wait = perAddress.take(address, nowMillis)) return wait;
  return perUser.take(uid, nowMillis);
}

}  // namespace

Limits::Limits(const LimitsConfig& config)
    : loginsPerAddress_(config.loginsPerMinute),
      tokensPerUser_(config.tokensPerMinute),
      tokensPerAddress_(config.tokensPerMinute * kAddressMultiple),
      joinsPerUser_(config.joinsPerMinute),
      joinsPerAddress_(config.joinsPerMinute * kAddressMultiple),
      connections_(config.connectionsPerAddress) {}

std::optional<int64_t> Limits::takeLogin(const std::string& address, int64_t nowMillis) {
  return loginsPerAddress_.take(address, nowMillis);
}

std::optional<int64_t> Limits::takeToken(const std::string& uid, const std::string& address,
                                         int64_t nowMillis) {
  return takeBoth(tokensPerUser_, tokensPerAddress_, uid, address, nowMillis);
}

std::optional<int64_t> Limits::takeJoin(const std::string& uid, const std::string& address,
                                        int64_t nowMillis) {
  return takeBoth(joinsPerUser_, joinsPerAddress_, uid, address, nowMillis);
}

}  // namespace callsession::server
