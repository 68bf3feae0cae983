#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace callsession {

// The jti values already spent: one token, one join. An entry is kept until its token would have
// expired anyway, after which the expiry check refuses a replay on its own.
class UsedTokens {
 public:
  // Records the jti; false if it was already recorded (a replay).
  bool markUsed(const std::string& jti, int64_t expiresAtSeconds, int64_t nowSeconds);
  [[nodiscard]] bool contains(const std::string& jti) const { return expiry_.count(jti) > 0; }
  [[nodiscard]] size_t size() const { return expiry_.size(); }

 private:
  void forgetExpired(int64_t nowSeconds);

  // A std::map, not an unordered_map: the browser SDK carries this class, and a hash table would
  // add libc++'s hashing, rehashing and prime-number code (1.5 KB gzip) for a handful of entries.
  std::map<std::string, int64_t> expiry_;
};

}  // namespace callsession
