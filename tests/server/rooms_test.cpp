#include <gtest/gtest.h>

#include "fake_peer.h"
#include "local_rooms.h"

namespace callsession::server {
namespace {

using namespace signaling;

using testing::FakePeer;

class RoomsTest : public ::testing::Test {
 protected:
  std::shared_ptr<FakePeer> join(const std::string& uid, int64_t joinedAt = 1) {
    auto peer = std::make_shared<FakePeer>();
    rooms.join("team-42", participant(uid, joinedAt), peer, Joined{"team-42", uid, {}, "[]", 5, 6});
    return peer;
  }
  static Participant participant(const std::string& uid, int64_t joinedAt = 1) {
    return {uid, "Name of " + uid, joinedAt, false, false};
  }

  LocalRooms rooms;
};

TEST_F(RoomsTest, TheFirstToJoinIsWelcomedIntoAnEmptyRoom) {
  auto ada = join("ada");
  ASSERT_EQ(ada->received.size(), 1U);
  EXPECT_EQ(std::get<Joined>(ada->received[0]).participants, std::vector<Participant>{});
}

TEST_F(RoomsTest, AJoinerIsWelcomedWithTheOthersWhoAreTold) {
  auto ada = join("ada", 1);
  auto bob = join("bob", 2);
  ASSERT_EQ(bob->received.size(), 1U);
  EXPECT_EQ(std::get<Joined>(bob->received[0]).participants,
            std::vector<Participant>{participant("ada", 1)});
  ASSERT_EQ(ada->received.size(), 2U);
  EXPECT_EQ(ada->received[1], ServerMessage{ParticipantJoined{participant("bob", 2)}});
}

TEST_F(RoomsTest, ALeaveIsAnnouncedWithItsReason) {
  auto ada = join("ada");
  auto bob = join("bob");
  rooms.leave("team-42", "bob", bob.get(), LeaveReason::kVanished);
  EXPECT_EQ(ada->received.back(), ServerMessage{(ParticipantLeft{"bob", LeaveReason::kVanished})});
  EXPECT_EQ(rooms.roster("team-42").size(), 1U);
}

TEST_F(RoomsTest, ASecondJoinOfAUidReplacesTheFirst) {
  auto ada = join("ada");
  auto bob = join("bob");
  auto bobAgain = join("bob", 3);
  EXPECT_EQ(bob->closedWith, "replaced");
  ASSERT_TRUE(std::holds_alternative<Failure>(bob->received.back()));
  EXPECT_EQ(std::get<Failure>(bob->received.back()).error.message, "replaced");
  ASSERT_EQ(ada->received.size(), 4U);
  EXPECT_EQ(ada->received[2], ServerMessage{(ParticipantLeft{"bob", LeaveReason::kReplaced})});
  EXPECT_EQ(ada->received[3], ServerMessage{ParticipantJoined{participant("bob", 3)}});
}

TEST_F(RoomsTest, TheReplacedConnectionLeavingLaterChangesNothing) {
  auto ada = join("ada");
  auto bob = join("bob");
  auto bobAgain = join("bob", 3);
  const size_t seen = ada->received.size();
  rooms.leave("team-42", "bob", bob.get(), LeaveReason::kLeft);
  EXPECT_EQ(ada->received.size(), seen);
  EXPECT_EQ(rooms.roster("team-42").size(), 2U);
}

TEST_F(RoomsTest, ASignalReachesOnlyTheNamedPeer) {
  auto ada = join("ada");
  auto bob = join("bob");
  auto cyd = join("cyd");
  const size_t adaSeen = ada->received.size();
  const size_t cydSeen = cyd->received.size();
  rooms.relay("team-42", "ada", "bob", R"({"candidate":{}})");
  EXPECT_EQ(bob->received.back(), ServerMessage{(RelayedSignal{"ada", R"({"candidate":{}})"})});
  EXPECT_EQ(ada->received.size(), adaSeen);
  EXPECT_EQ(cyd->received.size(), cydSeen);
}

TEST_F(RoomsTest, ASignalToSomeoneAbsentOrToOneselfIsNotDelivered) {
  auto ada = join("ada");
  const size_t adaSeen = ada->received.size();
  rooms.relay("team-42", "ada", "zed", "{}");
  rooms.relay("team-42", "ada", "ada", "{}");
  rooms.relay("other-room", "bob", "ada", "{}");
  EXPECT_EQ(ada->received.size(), adaSeen);
}

TEST_F(RoomsTest, MediaStateIsBroadcastAndKeptInTheRoster) {
  auto ada = join("ada");
  auto bob = join("bob");
  rooms.updateState("team-42", "bob", bob.get(), State{true, false});
  EXPECT_EQ(ada->received.back(), ServerMessage{(ParticipantState{"bob", true, false})});
  EXPECT_TRUE(rooms.roster("team-42").back().audioMuted);
}

TEST_F(RoomsTest, TheRosterIsInOrderOfJoining) {
  join("zed", 1);
  join("ada", 2);
  const auto roster = rooms.roster("team-42");
  ASSERT_EQ(roster.size(), 2U);
  EXPECT_EQ(roster[0].uid, "zed");
  EXPECT_EQ(roster[1].uid, "ada");
}

TEST_F(RoomsTest, RoomsAreSeparate) {
  auto ada = join("ada");
  auto other = std::make_shared<FakePeer>();
  rooms.join("other-room", participant("bob"), other, Joined{"other-room", "bob", {}, "[]", 5, 6});
  EXPECT_EQ(ada->received.size(), 1U);
  EXPECT_TRUE(std::get<Joined>(other->received[0]).participants.empty());
}

}  // namespace
}  // namespace callsession::server
