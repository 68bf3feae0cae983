// Two room-bus nodes in one process, sharing rooms through the real Redis that `npm test` starts:
// the rules of rooms_test.cpp must hold when the members are on different nodes.
#include "redis_rooms.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "fake_peer.h"
#include "redis_test_server.h"

namespace callsession::server {
namespace {

using namespace signaling;
using namespace std::chrono_literals;
using testing::FakePeer;
using testing::testRedisUrl;

class RedisRoomsTest : public ::testing::Test {
 protected:
  std::unique_ptr<RedisRooms> startNode() {
    return std::make_unique<RedisRooms>(io, parseRedisUrl(testRedisUrl()),
                                        [](const std::string& why) { FAIL() << why; });
  }

  std::shared_ptr<FakePeer> join(RedisRooms& node, const std::string& uid, int64_t joinedAt) {
    auto peer = std::make_shared<FakePeer>();
    node.join(sessionId, {uid, "Name of " + uid, joinedAt, false, false}, peer,
              Joined{sessionId, uid, {}, "[]", 5, 6});
    settleUntil([&] { return peer->count<Joined>() == 1; });
    return peer;
  }

  // Runs the nodes until `done` holds; fails the test after 3 s.
  template <class Predicate>
  void settleUntil(Predicate done) {
    const auto deadline = std::chrono::steady_clock::now() + 3s;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) FAIL() << "not within 3 s";
      io.run_for(5ms);
    }
  }

  static std::string uniqueSessionId() {
    std::random_device random;
    return "redis-rooms-" + std::to_string(random()) + std::to_string(random());
  }

  boost::asio::io_context io;
  // One room per test: tests may run at once against the same Redis.
  const std::string sessionId = uniqueSessionId();
  std::unique_ptr<RedisRooms> nodeA = startNode();
  std::unique_ptr<RedisRooms> nodeB = startNode();
};

TEST_F(RedisRoomsTest, AJoinerAtOneNodeIsWelcomedWithTheMembersOfTheOtherWhoAreTold) {
  auto ada = join(*nodeA, "ada", 1);
  auto bob = join(*nodeB, "bob", 2);
  const auto& welcome = std::get<Joined>(bob->received.front());
  ASSERT_EQ(welcome.participants.size(), 1U);
  EXPECT_EQ(welcome.participants[0].uid, "ada");
  EXPECT_EQ(welcome.iceServersJson, "[]") << "the joining node's own welcome fields are kept";
  settleUntil([&] { return ada->count<ParticipantJoined>() == 1; });
  EXPECT_EQ(ada->received.back(),
            ServerMessage{(ParticipantJoined{{"bob", "Name of bob", 2, false, false}})});
}

TEST_F(RedisRoomsTest, SignalsCrossNodesToTheNamedPeerOnly) {
  auto ada = join(*nodeA, "ada", 1);
  auto bob = join(*nodeB, "bob", 2);
  auto cyd = join(*nodeB, "cyd", 3);
  settleUntil([&] { return ada->count<ParticipantJoined>() == 2; });
  nodeA->relay(sessionId, "ada", "bob", R"({"sdp":"offer"})");
  nodeB->relay(sessionId, "bob", "ada", R"({"sdp":"answer"})");
  nodeA->relay(sessionId, "ada", "zed", "{}");
  settleUntil([&] { return bob->count<RelayedSignal>() == 1 && ada->count<RelayedSignal>() == 1; });
  EXPECT_EQ(bob->received.back(), ServerMessage{(RelayedSignal{"ada", R"({"sdp":"offer"})"})});
  EXPECT_EQ(ada->received.back(), ServerMessage{(RelayedSignal{"bob", R"({"sdp":"answer"})"})});
  io.run_for(50ms);
  EXPECT_EQ(cyd->count<RelayedSignal>(), 0U);
}

TEST_F(RedisRoomsTest, MediaStateCrossesNodesAndIsKeptInTheRoster) {
  auto ada = join(*nodeA, "ada", 1);
  auto bob = join(*nodeB, "bob", 2);
  nodeB->updateState(sessionId, "bob", bob.get(), State{true, false});
  settleUntil([&] { return ada->count<ParticipantState>() == 1; });
  EXPECT_EQ(ada->received.back(), ServerMessage{(ParticipantState{"bob", true, false})});
  const auto roster = nodeA->roster(sessionId);
  ASSERT_EQ(roster.size(), 2U);
  EXPECT_TRUE(roster[1].audioMuted);
}

TEST_F(RedisRoomsTest, TheRosterAtEitherNodeListsEveryMemberInOrderOfJoining) {
  join(*nodeB, "zed", 1);
  join(*nodeA, "ada", 2);
  for (RedisRooms* node : {nodeA.get(), nodeB.get()}) {
    const auto roster = node->roster(sessionId);
    ASSERT_EQ(roster.size(), 2U);
    EXPECT_EQ(roster[0].uid, "zed");
    EXPECT_EQ(roster[1].uid, "ada");
  }
}

TEST_F(RedisRoomsTest, ALeaveAtOneNodeIsAnnouncedAtTheOtherWithItsReason) {
  auto ada = join(*nodeA, "ada", 1);
  auto bob = join(*nodeB, "bob", 2);
  nodeB->leave(sessionId, "bob", bob.get(), LeaveReason::kVanished);
  settleUntil([&] { return ada->count<ParticipantLeft>() == 1; });
  EXPECT_EQ(ada->received.back(), ServerMessage{(ParticipantLeft{"bob", LeaveReason::kVanished})});
  EXPECT_EQ(nodeA->roster(sessionId).size(), 1U);
}

TEST_F(RedisRoomsTest, ALeaveBeforeRedisWelcomedTheJoinLeavesNothingBehind) {
  auto ada = join(*nodeA, "ada", 1);
  auto bob = std::make_shared<FakePeer>();
  nodeB->join(sessionId, {"bob", "Bob", 2, false, false}, bob,
              Joined{sessionId, "bob", {}, "[]", 5, 6});
  nodeB->leave(sessionId, "bob", bob.get(), LeaveReason::kLeft);
  settleUntil([&] { return ada->count<ParticipantLeft>() == 1; });
  EXPECT_EQ(bob->count<Joined>(), 0U) << "a connection that left is not welcomed later";
  EXPECT_EQ(nodeA->roster(sessionId).size(), 1U);
}

TEST_F(RedisRoomsTest, ASecondJoinOfAUidAtAnotherNodeReplacesTheFirst) {
  auto first = join(*nodeA, "ada", 1);
  auto bob = join(*nodeA, "bob", 2);
  auto second = join(*nodeB, "ada", 3);
  settleUntil(
      [&] { return first->closedWith.has_value() && bob->count<ParticipantJoined>() == 1; });
  EXPECT_EQ(*first->closedWith, "replaced");
  EXPECT_EQ(first->count<Failure>(), 1U);
  ASSERT_GE(bob->received.size(), 3U);
  EXPECT_EQ(bob->received[1], ServerMessage{(ParticipantLeft{"ada", LeaveReason::kReplaced})});
  EXPECT_EQ(std::get<Joined>(second->received.front()).participants.size(), 1U)
      << "the new connection sees bob, not its own old self";
  // The replaced connection's own leave, when its socket closes, changes nothing.
  nodeA->leave(sessionId, "ada", first.get(), LeaveReason::kLeft);
  io.run_for(50ms);
  EXPECT_EQ(nodeB->roster(sessionId).size(), 2U);
}

TEST_F(RedisRoomsTest, ANodeShuttingDownHasItsMembersAnnouncedGone) {
  join(*nodeA, "ada", 1);
  auto bob = join(*nodeB, "bob", 2);
  nodeA.reset();
  settleUntil([&] { return bob->count<ParticipantLeft>() == 1; });
  EXPECT_EQ(bob->received.back(), ServerMessage{(ParticipantLeft{"ada", LeaveReason::kVanished})});
  EXPECT_EQ(nodeB->roster(sessionId).size(), 1U);
}

}  // namespace
}  // namespace callsession::server
