#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace callsession::server {

// How many signaling connections each client address holds open, up to a maximum. A connection
// holds a Slot for its lifetime; the count drops when the Slot goes, even if that is after the
// limiter itself (connections can outlive it at shutdown).
class ConnectionLimiter {
  using Counts = std::unordered_map<std::string, unsigned>;

 public:
  class Slot {
   public:
    Slot(std::shared_ptr<Counts> counts, std::string address);
    ~Slot();
    Slot(Slot&& other) noexcept = default;
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    std::shared_ptr<Counts> counts_;  // null once moved from
    std::string address_;
  };

  // `maxPerAddress` 0: no limit.
  explicit ConnectionLimiter(unsigned maxPerAddress) : maxPerAddress_(maxPerAddress) {}

  // A slot for one more connection from `address`, or none if it already holds the maximum.
  std::optional<Slot> open(const std::string& address);

  [[nodiscard]] unsigned openFrom(const std::string& address) const;
  [[nodiscard]] unsigned maxPerAddress() const { return maxPerAddress_; }

 private:
  unsigned maxPerAddress_;
  std::shared_ptr<Counts> counts_ = std::make_shared<Counts>();
};

}  // namespace callsession::server
