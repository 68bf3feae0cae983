#include "socket_record_reserve.h"

#include <algorithm>
#include <boost/asio/ip/udp.hpp>
#include <vector>

#include "log.h"

namespace callsession::server {

SocketRecordReserve::Hold::Hold(std::shared_ptr<size_t> open) : open_(std::move(open)) {
  ++*open_;
}

SocketRecordReserve::Hold::~Hold() {
  if (open_) --*open_;
}

SocketRecordReserve::SocketRecordReserve(boost::asio::io_context& io, size_t block)
    : io_(io), block_(block) {}

void SocketRecordReserve::ensureOneMore() {
  if (*open_ < reserved_) return;
  // All open at once, so each takes a new record rather than the one the previous gave back.
  const size_t count = std::max(block_, reserved_);
  std::vector<boost::asio::ip::udp::socket> sockets;
  sockets.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    boost::asio::ip::udp::socket& socket = sockets.emplace_back(io_);
    boost::system::error_code error;
    socket.open(boost::asio::ip::udp::v4(), error);
    if (error) {
      // Out of file descriptors: the connections then get their records one at a time as before.
      logLine("listener", "socket records not reserved: " + error.message());
      sockets.pop_back();
      break;
    }
  }
  reserved_ += sockets.size();
}

}  // namespace callsession::server
