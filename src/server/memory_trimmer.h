#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

// After a peak (thousands of connections, then few), the allocator keeps the freed memory for the
// next one, so the server's resident size stays at the peak for good. Every few seconds this
// hands free memory back to the system (glibc's malloc_trim), so an operator sees memory return
// to its baseline once the calls are over.
namespace callsession::server {

class MemoryTrimmer {
 public:
  explicit MemoryTrimmer(boost::asio::io_context& io);
  void start();

 private:
  void schedule();

  boost::asio::steady_timer timer_;
};

}  // namespace callsession::server
