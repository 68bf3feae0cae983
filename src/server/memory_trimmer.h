#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstddef>
#include <functional>

// After a peak (thousands of connections, then few), the allocator keeps the freed memory for the
// next one, so the server's resident size stays at the peak for good. This hands free memory back
// to the system (glibc's malloc_trim) soon after it is freed, so an operator sees memory return to
// its baseline once the calls are over.
namespace callsession::server {

class MemoryTrimmer {
 public:
  // `release`, called before each trim: frees what caches can do without.
  MemoryTrimmer(boost::asio::io_context& io, std::function<void()> release);
  void start();

 private:
  void schedule();
  void check();

  boost::asio::steady_timer timer_;
  std::function<void()> release_;
  // Free bytes the allocator held after the last trim, or the fewest since: what a trim would
  // find to hand back is what was freed beyond it.
  size_t freeFloor_ = 0;
};

}  // namespace callsession::server
