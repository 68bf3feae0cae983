#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace callsession::server {

struct Meeting {
  std::string sessionId;
  int64_t createdAt = 0;               // seconds since the epoch
  int64_t expiresAt = 0;               // seconds since the epoch; the meeting ends then
  std::vector<std::string> allowList;  // uids that may join; empty means anyone

  [[nodiscard]] bool hasExpired(int64_t nowSeconds) const { return nowSeconds >= expiresAt; }

  friend bool operator==(const Meeting&, const Meeting&) = default;
};

}  // namespace callsession::server
