#pragma once

#include <boost/asio/io_context.hpp>
#include <cstddef>
#include <memory>

// Boost.Asio's epoll reactor keeps a record (176 bytes) for each socket, and never frees one: a
// closed socket's record goes to a free list for the next socket (asio/detail/object_pool.hpp).
// Made one at a time as connections arrive, each record lands among its connection's buffers, and
// after a peak every one of them keeps a 4 KiB page of the heap resident that malloc_trim cannot
// give back. Measured, 3,000 connections with churn, 20 s after everyone left: 11 MiB of heap
// resident with 1.6 MB in use, and 2,250 of those pages held a record.
//
// So the listener has records made ahead of need, in blocks: opening a block of sockets at once
// (then closing them) makes that many records side by side, and the next connections take them
// from the free list. Each block doubles the reserve (256, 256, 512, ...), so few blocks are made
// mid-peak, when free fragments scattered through the heap would take some of a block's records.
// Same run: 3.5 MiB of heap resident afterwards, the records on 300 pages; the cost is up to twice
// the records the largest number of connections needs (4,096 for 3,000: 704 KiB).
namespace callsession::server {

class SocketRecordReserve {
 public:
  // Counts one accepted connection while it lives; it may outlive the reserve (at shutdown).
  class Hold {
   public:
    explicit Hold(std::shared_ptr<size_t> open);
    ~Hold();
    Hold(Hold&& other) noexcept = default;
    Hold& operator=(Hold&&) = delete;
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;

   private:
    std::shared_ptr<size_t> open_;  // null once moved from
  };

  // The first block: 256 records, 44 KiB. A block of n costs n socket() and close() calls.
  static constexpr size_t kBlock = 256;

  explicit SocketRecordReserve(boost::asio::io_context& io, size_t block = kBlock);

  // Before each accept: makes sure a record is ready for one more connection than are open,
  // reserving a block (as many again as reserved so far, at least `block`) if not.
  void ensureOneMore();
  // For an accepted connection, held as long as its socket.
  Hold hold() { return Hold(open_); }

  [[nodiscard]] size_t open() const { return *open_; }
  // Records made here so far: those free in Asio's list plus those of open connections.
  [[nodiscard]] size_t reserved() const { return reserved_; }

 private:
  boost::asio::io_context& io_;
  size_t block_;
  size_t reserved_ = 0;
  std::shared_ptr<size_t> open_ = std::make_shared<size_t>(0);
};

}  // namespace callsession::server
