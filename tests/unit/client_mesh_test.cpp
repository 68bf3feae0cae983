#include <gtest/gtest.h>

#include "client_fakes.h"
#include "core/client/mesh.h"

namespace callsession::client {
namespace {

using testing::FakePlatform;

signaling::Participant person(const std::string& uid) {
  return {uid, uid, 1, false, false};
}

class MeshTest : public ::testing::Test {
 protected:
  FakePlatform platform;
  std::vector<std::pair<std::string, std::string>> relayed;
  std::vector<std::pair<std::string, double>> levels;
  std::vector<std::string> lost;
  std::vector<Error> refusals;
  Mesh mesh{platform,
            "carol",
            R"([{"urls":"stun:x"}])",
            IceTransportPolicy::kRelay,
            [this](const std::string& to, std::string data) { relayed.emplace_back(to, data); },
            [this](const std::string& from, double level) { levels.emplace_back(from, level); },
            [this](std::string uid) { lost.push_back(std::move(uid)); },
            [this](Error refusal) { refusals.push_back(std::move(refusal)); }};
};

TEST_F(MeshTest, EachConnectionsAudioLevelIsReportedWithItsUid) {
  mesh.add(person("dave"));
  mesh.add(person("ada"));
  platform.peers.at("ada")->listener.onAudioLevel(0.25);
  platform.peers.at("dave")->listener.onAudioLevel(0.0);
  EXPECT_EQ(levels, (std::vector<std::pair<std::string, double>>{{"ada", 0.25}, {"dave", 0.0}}));
}

TEST_F(MeshTest, APeersRelayRefusalIsReportedAndOtherGatheringErrorsAreNot) {
  mesh.add(person("dave"));
  platform.peers.at("dave")->listener.onIceCandidateError({"stun:x", 701, "unreachable"});
  EXPECT_TRUE(refusals.empty());
  platform.peers.at("dave")->listener.onIceCandidateError({"turn:t", 401, "Unauthorized"});
  ASSERT_EQ(refusals.size(), 1U);
  EXPECT_EQ(refusals[0].code, ErrorCode::kRelayRefused);
}

TEST_F(MeshTest, OpensOneConnectionPerRemoteInJoinOrder) {
  EXPECT_TRUE(mesh.add(person("dave")));
  EXPECT_TRUE(mesh.add(person("ada")));
  ASSERT_EQ(mesh.remotes().size(), 2U);
  EXPECT_EQ(mesh.remotes()[0].participant.uid, "dave");
  EXPECT_EQ(mesh.remotes()[1].participant.uid, "ada");
  EXPECT_EQ(platform.peers.size(), 2U);
  EXPECT_EQ(platform.peers.at("ada")->config.iceServersJson, R"([{"urls":"stun:x"}])");
  EXPECT_EQ(platform.peers.at("ada")->config.iceTransportPolicy, IceTransportPolicy::kRelay);
}

TEST_F(MeshTest, NeverConnectsToItselfOrTwiceToOneUid) {
  EXPECT_FALSE(mesh.add(person("carol")));
  EXPECT_TRUE(mesh.add(person("dave")));
  EXPECT_FALSE(mesh.add(person("dave")));
  EXPECT_EQ(platform.peers.size(), 1U);
}

TEST_F(MeshTest, RemovingAParticipantClosesTheirConnection) {
  mesh.add(person("dave"));
  EXPECT_TRUE(mesh.remove("dave"));
  EXPECT_TRUE(platform.peers.empty());
  EXPECT_FALSE(mesh.remove("dave"));
}

TEST_F(MeshTest, PolitenessFollowsUidOrder) {
  // carol < dave: carol is polite towards dave and takes dave's colliding offer.
  mesh.add(person("dave"));
  mesh.add(person("ada"));
  const std::string offer = R"({"description":{"type":"offer","sdp":"x"}})";
  for (const char* uid : {"dave", "ada"}) {
    platform.peers.at(uid)->listener.onNegotiationNeeded();
    mesh.onSignal(uid, offer);
  }
  EXPECT_EQ(platform.peers.at("dave")->calls.back(), "setRemoteDescription offer");
  EXPECT_EQ(platform.peers.at("ada")->calls.back(), "setLocalDescription");  // ignored
}

TEST_F(MeshTest, SignalsGoToTheirPeerAndRepliesAreAddressedBack) {
  mesh.add(person("dave"));
  mesh.onSignal("dave", R"({"candidate":{"candidate":"c"}})");
  EXPECT_EQ(
      platform.peers.at("dave")->calls,
      (std::vector<std::string>{"setLocalDescription", R"(addIceCandidate {"candidate":"c"})"}));
  platform.peers.at("dave")->listener.onIceCandidate(R"({"candidate":"mine"})");
  ASSERT_EQ(relayed.size(), 1U);
  EXPECT_EQ(relayed[0].first, "dave");
}

TEST_F(MeshTest, SignalsFromStrangersAreDropped) {
  mesh.onSignal("eve", R"({"candidate":{"candidate":"c"}})");
  EXPECT_TRUE(platform.peers.empty());
}

TEST_F(MeshTest, MediaStateChangesAreRecordedOnce) {
  mesh.add(person("dave"));
  EXPECT_TRUE(mesh.setMediaState("dave", true, false));
  EXPECT_FALSE(mesh.setMediaState("dave", true, false));
  EXPECT_FALSE(mesh.setMediaState("eve", true, false));
  EXPECT_TRUE(mesh.remotes()[0].participant.audioMuted);
}

TEST_F(MeshTest, APeerBeyondRecoveryIsReportedLostWithItsUid) {
  mesh.add(person("dave"));
  platform.peers.at("dave")->listener.onConnectionStateChanged(ConnectionState::kFailed);
  platform.advance(IceRecovery::kAttemptMillis * IceRecovery::kMaxAttempts);
  EXPECT_EQ(lost, std::vector<std::string>{"dave"});
}

TEST_F(MeshTest, ARemoteOutOfTheRoomIsLostOnItsFirstFailure) {
  mesh.add(person("dave"));
  mesh.setInRoom("dave", false);
  mesh.setInRoom("eve", false);  // unknown: nothing
  platform.peers.at("dave")->listener.onConnectionStateChanged(ConnectionState::kFailed);
  EXPECT_EQ(lost, std::vector<std::string>{"dave"});
}

}  // namespace
}  // namespace callsession::client
