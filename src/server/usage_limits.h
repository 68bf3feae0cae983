#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "config.h"
#include "connection_limiter.h"
#include "rate_limiter.h"

namespace callsession::server {

// What one user or one client address may do, per server process: the guard against a script that
// mints tokens in a loop, guesses at the auth key, or opens sockets until the server runs out.
// Per address, token and join rates are a multiple of the per-user ones, since an office or a NAT
// puts many users behind one address.
class Limits {
 public:
  // Per address, as a multiple of the per-user rate.
  static constexpr unsigned kAddressMultiple = 10;

  explicit Limits(const LimitsConfig& config);

  // Each counts one event if it fits every limit it is under; if not, it answers how many
  // milliseconds until it would. Login: per address (the auth key is what is guessed there).
  std::optional<int64_t> takeLogin(const std::string& address, int64_t nowMillis);
  std::optional<int64_t> takeToken(const std::string& uid, const std::string& address,
                                   int64_t nowMillis);
  std::optional<int64_t> takeJoin(const std::string& uid, const std::string& address,
                                  int64_t nowMillis);

  ConnectionLimiter& connections() { return connections_; }

 private:
  RateLimiter loginsPerAddress_;
  RateLimiter tokensPerUser_;
  RateLimiter tokensPerAddress_;
  RateLimiter joinsPerUser_;
  RateLimiter joinsPerAddress_;
  ConnectionLimiter connections_;
};

}  // namespace callsession::server
