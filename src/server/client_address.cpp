#include "client_address.h"

namespace callsession::server {

std::string clientAddress(std::string_view peer, std::string_view forwardedFor, bool trustProxy) {
  if (!trustProxy) return std::string(peer);
  const size_t comma = forwardedFor.rfind(',');
  std::string_view last =
      comma == std::string_view::npos ? forwardedFor : forwardedFor.substr(comma + 1);
  const size_t start = last.find_first_not_of(" \t");
  if (start == std::string_view::npos) return std::string(peer);
  last = last.substr(start, last.find_last_not_of(" \t") - start + 1);
  return std::string(last);
}

}  // namespace callsession::server
