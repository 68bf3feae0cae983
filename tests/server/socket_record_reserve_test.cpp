// The listener's reserve of Asio socket records: blocks made ahead of the connections, doubling.
#include "socket_record_reserve.h"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <utility>
#include <vector>

namespace callsession::server {
namespace {

TEST(SocketRecordReserve, MakesAFirstBlockBeforeTheFirstConnection) {
  boost::asio::io_context io;
  SocketRecordReserve reserve(io, 4);
  EXPECT_EQ(reserve.reserved(), 0u);
  reserve.ensureOneMore();
  EXPECT_EQ(reserve.reserved(), 4u);
  reserve.ensureOneMore();  // nothing open yet: enough
  EXPECT_EQ(reserve.reserved(), 4u);
}

TEST(SocketRecordReserve, DoublesOnlyWhenEveryRecordIsTaken) {
  boost::asio::io_context io;
  SocketRecordReserve reserve(io, 4);
  std::vector<SocketRecordReserve::Hold> holds;
  for (size_t open = 0; open < 16; ++open) {
    reserve.ensureOneMore();
    EXPECT_GT(reserve.reserved(), open);
    holds.push_back(reserve.hold());
  }
  EXPECT_EQ(reserve.open(), 16u);
  EXPECT_EQ(reserve.reserved(), 16u);  // 4, 4, 8
  reserve.ensureOneMore();
  EXPECT_EQ(reserve.reserved(), 32u);
}

TEST(SocketRecordReserve, CountsAConnectionUntilItsHoldGoes) {
  boost::asio::io_context io;
  SocketRecordReserve reserve(io, 4);
  {
    SocketRecordReserve::Hold first = reserve.hold();
    SocketRecordReserve::Hold moved = std::move(first);
    EXPECT_EQ(reserve.open(), 1u);
  }
  EXPECT_EQ(reserve.open(), 0u);
  // Connections gone: their records are back in Asio's free list, so none are made.
  reserve.ensureOneMore();
  reserve.ensureOneMore();
  EXPECT_EQ(reserve.reserved(), 4u);
}

}  // namespace
}  // namespace callsession::server
