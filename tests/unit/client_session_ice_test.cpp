// A joined call whose peer connection breaks: the side that restarts ICE does so, a restart that
// works keeps the participant, and one that does not drops them as vanished.
#include <algorithm>

#include "client_session_fixture.h"
#include "core/client/ice_recovery.h"

namespace callsession::client {
namespace {

using nlohmann::json;
using testing::person;

constexpr int64_t kGiveUpMillis = IceRecovery::kAttemptMillis * IceRecovery::kMaxAttempts;

// ada's peers: abe sorts before her, so ada is the impolite side there and restarts; bob sorts
// after, so there she is polite and waits for bob's restart.
class IceRestart : public testing::Session {
 protected:
  void SetUp() override { joinFully({person("abe"), person("bob")}); }
  void connectionIs(const std::string& uid, ConnectionState state) {
    platform.peers.at(uid)->listener.onConnectionStateChanged(state);
  }
  [[nodiscard]] int restartsOf(const std::string& uid) const {
    const auto& calls = platform.peers.at(uid)->calls;
    return static_cast<int>(std::count(calls.begin(), calls.end(), "restartIce"));
  }
  [[nodiscard]] int count(const std::string& name) const {
    const auto names = platform.fakeEvents.names();
    return static_cast<int>(std::count(names.begin(), names.end(), name));
  }
};

TEST_F(IceRestart, AFailedConnectionIsRestartedOnceByTheImpoliteSideOnly) {
  connectionIs("abe", ConnectionState::kFailed);
  connectionIs("bob", ConnectionState::kFailed);
  EXPECT_EQ(restartsOf("abe"), 1);
  EXPECT_EQ(restartsOf("bob"), 0);
}

TEST_F(IceRestart, ARestartThatReconnectsKeepsTheParticipantAndTheirTile) {
  const testing::FakePeer* abe = platform.peers.at("abe");
  connectionIs("abe", ConnectionState::kFailed);
  connectionIs("abe", ConnectionState::kConnecting);
  connectionIs("abe", ConnectionState::kConnected);
  platform.advance(kGiveUpMillis);
  EXPECT_EQ(platform.peers.at("abe"), abe);
  EXPECT_EQ(restartsOf("abe"), 1);
  EXPECT_EQ(tileUids(), (std::vector<std::string>{"", "abe", "bob"}));
  EXPECT_EQ(count("onParticipantLeft"), 0);
}

TEST_F(IceRestart, AConnectionNoRestartBringsBackIsDroppedAsVanished) {
  connectionIs("abe", ConnectionState::kFailed);
  platform.advance(kGiveUpMillis - 1);
  EXPECT_EQ(restartsOf("abe"), IceRecovery::kMaxAttempts);
  EXPECT_EQ(count("onParticipantLeft"), 0);
  platform.advance(1);
  EXPECT_EQ(platform.peers.count("abe"), 0U);
  EXPECT_EQ(*platform.fakeEvents.last("onParticipantLeft"),
            (json{{"uid", "abe"}, {"reason", "vanished"}}));
  EXPECT_EQ(platform.fakeEvents.names().back(), "onParticipantListChanged");
  EXPECT_EQ(tileUids(), (std::vector<std::string>{"", "bob"}));
}

TEST_F(IceRestart, TheServerAnnouncingADroppedParticipantLaterIsNoNews) {
  connectionIs("abe", ConnectionState::kFailed);
  platform.advance(kGiveUpMillis);
  platform.socket->receive(signaling::ParticipantLeft{"abe", signaling::LeaveReason::kLeft});
  EXPECT_EQ(count("onParticipantLeft"), 1);
  EXPECT_EQ(count("onParticipantListChanged"), 2);  // the join's, then the drop's
}

TEST_F(IceRestart, ThePoliteSideGivesUpOnTheSameDeadline) {
  connectionIs("bob", ConnectionState::kFailed);
  platform.advance(kGiveUpMillis);
  EXPECT_EQ(platform.peers.count("bob"), 0U);
  EXPECT_EQ(platform.fakeEvents.last("onParticipantLeft")->at("uid"), "bob");
}

TEST_F(IceRestart, ADisconnectionThatLastsIsRestartedAfterTheGrace) {
  connectionIs("abe", ConnectionState::kDisconnected);
  platform.advance(IceRecovery::kDisconnectedGraceMillis - 1);
  EXPECT_EQ(restartsOf("abe"), 0);
  platform.advance(1);
  EXPECT_EQ(restartsOf("abe"), 1);
}

TEST_F(IceRestart, TheServerSayingTheyLeftDropsThemAtOnceAndEndsTheRecovery) {
  connectionIs("abe", ConnectionState::kFailed);
  platform.socket->receive(signaling::ParticipantLeft{"abe", signaling::LeaveReason::kLeft});
  EXPECT_EQ(platform.peers.count("abe"), 0U);
  EXPECT_EQ(*platform.fakeEvents.last("onParticipantLeft"),
            (json{{"uid", "abe"}, {"reason", "left"}}));
  platform.advance(kGiveUpMillis);
  EXPECT_EQ(count("onParticipantLeft"), 1);
}

TEST_F(IceRestart, ALeaveDuringRecoveryEndsItWithoutAnotherRestartOrEvent) {
  connectionIs("abe", ConnectionState::kFailed);
  client.session().leave();
  EXPECT_TRUE(platform.peers.empty());
  EXPECT_TRUE(platform.timers.pending.empty());  // no recovery timer outlives the call
  platform.advance(kGiveUpMillis);
  EXPECT_EQ(count("onParticipantLeft"), 0);
  EXPECT_EQ(client.session().state(), SessionState::kLeft);
}

}  // namespace
}  // namespace callsession::client
