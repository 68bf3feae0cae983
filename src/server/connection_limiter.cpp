#include "connection_limiter.h"

namespace callsession::server {

ConnectionLimiter::Slot::Slot(std::shared_ptr<Counts> counts, std::string address)
    : counts_(std::move(counts)), address_(std::move(address)) {
  ++(*counts_)[address_];
}

ConnectionLimiter::Slot::~Slot() {
  if (!counts_) return;
  auto it = counts_->find(address_);
  if (--it->second == 0) counts_->erase(it);  // no entry for an address with nothing open
}

std::optional<ConnectionLimiter::Slot> ConnectionLimiter::open(const std::string& address) {
  if (maxPerAddress_ != 0 && openFrom(address) >= maxPerAddress_) return std::nullopt;
  return Slot(counts_, address);
}

unsigned ConnectionLimiter::openFrom(const std::string& address) const {
  auto it = counts_->find(address);
  return it == counts_->end() ? 0 : it->second;
}

}  // namespace callsession::server
