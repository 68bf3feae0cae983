#include "memory_trimmer.h"

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <utility>

namespace callsession::server {
namespace {

// A trim every 10 s, unconditionally, left memory at the peak for up to 10 s after everyone left
// (the load generator's "after", 3 s later, saw none of it back). Looking every second and
// trimming only once a MiB more is free than after the last trim gives memory back within a
// second of a peak ending, and costs a busy server (whose freed memory is soon taken again)
// nothing but the look: mallinfo2 counts the allocator's free lists, microseconds.
constexpr auto kInterval = std::chrono::seconds(1);
constexpr size_t kFreedBeforeTrim = size_t{1} << 20;

size_t freeBytes() {
  return mallinfo2().fordblks;
}

}  // namespace

MemoryTrimmer::MemoryTrimmer(boost::asio::io_context& io, std::function<void()> release)
    : timer_(io), release_(std::move(release)) {}

void MemoryTrimmer::start() {
  freeFloor_ = freeBytes();
  schedule();
}

void MemoryTrimmer::schedule() {
  timer_.expires_after(kInterval);
  timer_.async_wait([this](const boost::system::error_code& error) {
    if (error) return;
    check();
    schedule();
  });
}

void MemoryTrimmer::check() {
  const size_t free = freeBytes();
  if (free < freeFloor_ + kFreedBeforeTrim) {
    freeFloor_ = std::min(freeFloor_, free);
    return;
  }
  release_();
  malloc_trim(0);
  freeFloor_ = freeBytes();
}

}  // namespace callsession::server
