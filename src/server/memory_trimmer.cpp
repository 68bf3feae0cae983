#include "memory_trimmer.h"

#include <malloc.h>

#include <chrono>

namespace callsession::server {
namespace {

// Often enough that memory is back within seconds of a peak; rarely enough that the pages a busy
// server gives back and faults in again cost nothing measurable.
constexpr auto kInterval = std::chrono::seconds(10);

}  // namespace

MemoryTrimmer::MemoryTrimmer(boost::asio::io_context& io) : timer_(io) {}

void MemoryTrimmer::start() {
  schedule();
}

void MemoryTrimmer::schedule() {
  timer_.expires_after(kInterval);
  timer_.async_wait([this](const boost::system::error_code& error) {
    if (error) return;
    malloc_trim(0);
    schedule();
  });
}

}  // namespace callsession::server
