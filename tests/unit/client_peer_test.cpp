#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "client_fakes.h"
#include "core/client/peer.h"

namespace callsession::client {
namespace {

using nlohmann::json;
using testing::FakePeer;
using testing::FakePlatform;

std::string description(const std::string& type, const std::string& sdp = "v=0") {
  return json{{"description", {{"type", type}, {"sdp", sdp}}}}.dump();
}

class PeerTest : public ::testing::Test {
 protected:
  void open(bool polite, FirstOffer firstOffer = FirstOffer::kOurs) {
    peer = std::make_unique<RemotePeer>(
        platform, PeerConfig{"bob", "[]"}, polite,
        [this](std::string data) { sent.push_back(json::parse(data)); },
        [this](double level) { levels.push_back(level); }, [this] { ++lost; }, [](const Error&) {},
        firstOffer);
    connection = platform.peers.at("bob");
  }

  FakePlatform platform;
  std::unique_ptr<RemotePeer> peer;
  FakePeer* connection = nullptr;
  std::vector<json> sent;
  std::vector<double> levels;
  int lost = 0;
};

TEST(Politeness, TheLowerUidIsPolite) {
  EXPECT_TRUE(isPolite("ada", "bob"));
  EXPECT_FALSE(isPolite("bob", "ada"));
}

TEST_F(PeerTest, OpensItsConnectionForTheRemoteUidWithTheServersIceServers) {
  open(true);
  EXPECT_EQ(connection->config.remoteUid, "bob");
  EXPECT_EQ(connection->config.iceServersJson, "[]");
}

TEST_F(PeerTest, NegotiationNeededSendsAnOffer) {
  open(true);
  peer->onNegotiationNeeded();
  EXPECT_EQ(connection->calls, std::vector<std::string>{"setLocalDescription"});
  peer->onLocalDescription({"offer", "sdp-a"});
  ASSERT_EQ(sent.size(), 1U);
  EXPECT_EQ(sent[0], json::parse(description("offer", "sdp-a")));
}

TEST_F(PeerTest, OfferNowOffersOnceWithoutWaitingForTheBrowser) {
  open(true);
  peer->offerNow();
  peer->offerNow();  // the offer is on its way
  EXPECT_EQ(connection->calls, std::vector<std::string>{"setLocalDescription"});
}

TEST_F(PeerTest, OfferNowLeavesAPeerWaitingForTheFirstOfferWaiting) {
  open(true, FirstOffer::kTheirs);
  peer->offerNow();
  EXPECT_TRUE(connection->calls.empty());
}

TEST_F(PeerTest, APeerWaitingForTheFirstOfferDoesNotOfferButAnswersIt) {
  open(true, FirstOffer::kTheirs);
  peer->onNegotiationNeeded();  // the browser asks as soon as the tracks are added
  EXPECT_TRUE(connection->calls.empty()) << "no offer of ours to collide with the newcomer's";
  peer->onSignal(description("offer"));
  peer->onRemoteDescriptionSet("offer");
  EXPECT_EQ(connection->calls,
            (std::vector<std::string>{"setRemoteDescription offer", "setLocalDescription"}));
  // From then on, either side negotiates as perfect negotiation has it.
  connection->calls.clear();
  peer->onLocalDescription({"answer", "sdp-b"});
  peer->onNegotiationNeeded();
  EXPECT_EQ(connection->calls, std::vector<std::string>{"setLocalDescription"});
}

TEST_F(PeerTest, AnOfferInStableStateIsAnswered) {
  open(false);
  peer->onSignal(description("offer"));
  EXPECT_EQ(connection->calls, std::vector<std::string>{"setRemoteDescription offer"});
  peer->onRemoteDescriptionSet("offer");
  EXPECT_EQ(connection->calls.back(), "setLocalDescription");
  peer->onLocalDescription({"answer", "sdp-b"});
  EXPECT_EQ(sent.back()["description"]["type"], "answer");
}

TEST_F(PeerTest, AnImpolitePeerIgnoresACollidingOffer) {
  open(false);
  peer->onNegotiationNeeded();  // making its own offer
  peer->onSignal(description("offer"));
  EXPECT_EQ(connection->calls, std::vector<std::string>{"setLocalDescription"});
}

TEST_F(PeerTest, APolitePeerAcceptsACollidingOfferRollingItsOwnBack) {
  open(true);
  peer->onNegotiationNeeded();
  peer->onSignal(description("offer"));
  EXPECT_EQ(connection->calls.back(), "setRemoteDescription offer");
}

TEST_F(PeerTest, AnOfferAfterOwnOfferWasSentStillCollidesUntilTheAnswer) {
  open(false);
  peer->onNegotiationNeeded();
  peer->onLocalDescription({"offer", "x"});
  connection->state = SignalingState::kHaveLocalOffer;
  peer->onSignal(description("offer"));
  EXPECT_EQ(connection->calls, std::vector<std::string>{"setLocalDescription"});
}

TEST_F(PeerTest, AnOfferWhileAnAnswerIsBeingAppliedIsNoCollision) {
  open(false);
  connection->state = SignalingState::kHaveLocalOffer;
  peer->onSignal(description("answer"));
  peer->onSignal(description("offer"));  // the answer's completion has not arrived yet
  EXPECT_EQ(connection->calls.back(), "setRemoteDescription offer");
}

TEST_F(PeerTest, CandidatesArePassedToTheConnection) {
  open(true);
  peer->onSignal(json{{"candidate", {{"candidate", "c1"}, {"sdpMid", "0"}}}}.dump());
  EXPECT_EQ(connection->calls,
            std::vector<std::string>{R"(addIceCandidate {"candidate":"c1","sdpMid":"0"})"});
}

std::string candidate(const std::string& name) {
  return json{{"candidate", {{"candidate", name}, {"sdpMid", "0"}}}}.dump();
}

TEST_F(PeerTest, CandidatesAfterAnIgnoredOfferAreTriedOnceOurOfferIsAnswered) {
  open(false);
  peer->onNegotiationNeeded();
  peer->onLocalDescription({"offer", "ours"});
  connection->state = SignalingState::kHaveLocalOffer;
  peer->onSignal(description("offer"));  // ignored: a collision, and this side is impolite
  peer->onSignal(candidate("c1"));
  peer->onSignal(candidate("c2"));
  EXPECT_EQ(connection->calls, std::vector<std::string>{"setLocalDescription"});

  peer->onSignal(description("answer"));
  peer->onRemoteDescriptionSet("answer");
  EXPECT_EQ(connection->calls,
            (std::vector<std::string>{"setLocalDescription", "setRemoteDescription answer",
                                      R"(addIceCandidate {"candidate":"c1","sdpMid":"0"})",
                                      R"(addIceCandidate {"candidate":"c2","sdpMid":"0"})"}));
}

TEST_F(PeerTest, HeldCandidatesAreTriedOnlyOnce) {
  open(false);
  peer->onNegotiationNeeded();
  peer->onSignal(description("offer"));
  peer->onSignal(candidate("c1"));
  peer->onSignal(description("answer"));
  peer->onRemoteDescriptionSet("answer");
  peer->onRemoteDescriptionSet("answer");
  EXPECT_EQ(std::count(connection->calls.begin(), connection->calls.end(),
                       R"(addIceCandidate {"candidate":"c1","sdpMid":"0"})"),
            1);
}

TEST_F(PeerTest, ANewAcceptedOfferDropsCandidatesHeldFromTheIgnoredOne) {
  open(false);
  peer->onNegotiationNeeded();
  peer->onSignal(description("offer"));
  peer->onSignal(candidate("stale"));
  peer->onLocalDescriptionFailed();  // our offer went nowhere: stable again
  peer->onSignal(description("offer"));
  peer->onRemoteDescriptionSet("offer");
  peer->onSignal(description("answer"));
  peer->onRemoteDescriptionSet("answer");
  for (const auto& call : connection->calls) EXPECT_EQ(call.find("stale"), std::string::npos);
}

TEST_F(PeerTest, HeldCandidatesAreBounded) {
  open(false);
  peer->onNegotiationNeeded();
  peer->onSignal(description("offer"));
  for (int i = 0; i < 1000; ++i) peer->onSignal(candidate("c" + std::to_string(i)));
  peer->onSignal(description("answer"));
  peer->onRemoteDescriptionSet("answer");
  const auto added = std::count_if(connection->calls.begin(), connection->calls.end(),
                                   [](const std::string& c) { return c.starts_with("addIce"); });
  EXPECT_EQ(added, 64);
}

TEST_F(PeerTest, LocalCandidatesAreSignalled) {
  open(true);
  peer->onIceCandidate(R"({"candidate":"c2","sdpMLineIndex":0})");
  ASSERT_EQ(sent.size(), 1U);
  EXPECT_EQ(sent[0]["candidate"]["candidate"], "c2");
}

TEST_F(PeerTest, MalformedSignalsAreDropped) {
  open(true);
  for (const char* data : {"", "[]", "{}", R"({"description":{"type":"bogus"}})",
                           R"({"description":"offer"})", R"({"candidate":7})", "{not json"}) {
    peer->onSignal(data);
  }
  EXPECT_TRUE(connection->calls.empty());
}

// Impolite: the side that restarts. Only its restart offers go out, so both never restart at once.
TEST_F(PeerTest, AFailedConnectionOfTheImpoliteSideRestartsIceOnce) {
  open(false);
  peer->onConnectionStateChanged(ConnectionState::kFailed);
  peer->onConnectionStateChanged(ConnectionState::kFailed);
  EXPECT_EQ(connection->calls, std::vector<std::string>{"restartIce"});
}

TEST_F(PeerTest, ThePoliteSideWaitsForTheOthersRestartAndAnswersIt) {
  open(true);
  peer->onConnectionStateChanged(ConnectionState::kFailed);
  platform.advance(IceRecovery::kAttemptMillis);
  EXPECT_TRUE(connection->calls.empty());
  peer->onSignal(description("offer"));
  peer->onRemoteDescriptionSet("offer");
  EXPECT_EQ(connection->calls,
            (std::vector<std::string>{"setRemoteDescription offer", "setLocalDescription"}));
}

TEST_F(PeerTest, ARestartThatReconnectsKeepsThePeer) {
  open(false);
  peer->onConnectionStateChanged(ConnectionState::kFailed);
  peer->onConnectionStateChanged(ConnectionState::kConnected);
  platform.advance(IceRecovery::kAttemptMillis * IceRecovery::kMaxAttempts);
  EXPECT_EQ(lost, 0);
  EXPECT_EQ(connection->calls, std::vector<std::string>{"restartIce"});
}

TEST_F(PeerTest, EachAttemptWithoutReconnectingRestartsAgainThenThePeerIsLost) {
  open(false);
  peer->onConnectionStateChanged(ConnectionState::kFailed);
  platform.advance(IceRecovery::kAttemptMillis * (IceRecovery::kMaxAttempts - 1));
  EXPECT_EQ(std::count(connection->calls.begin(), connection->calls.end(), "restartIce"),
            IceRecovery::kMaxAttempts);
  EXPECT_EQ(lost, 0);
  platform.advance(IceRecovery::kAttemptMillis);
  EXPECT_EQ(lost, 1);
}

TEST_F(PeerTest, ARetryWhileTheLastRestartOfferIsUnansweredOffersAgain) {
  open(false);
  peer->onConnectionStateChanged(ConnectionState::kFailed);
  peer->onNegotiationNeeded();
  peer->onLocalDescription({"offer", "restart-1"});  // lost with the signaling socket
  connection->state = SignalingState::kHaveLocalOffer;
  connection->calls.clear();
  platform.advance(IceRecovery::kAttemptMillis);
  EXPECT_EQ(connection->calls, (std::vector<std::string>{"restartIce", "setLocalDescription"}));
}

TEST_F(PeerTest, AConnectionThatNeverComesUpIsRestartedAtItsFirstConnectDeadline) {
  open(false);
  platform.advance(IceRecovery::kFirstConnectMillis - 1);
  EXPECT_TRUE(connection->calls.empty());
  platform.advance(1);
  EXPECT_EQ(connection->calls, std::vector<std::string>{"restartIce"});
}

TEST_F(PeerTest, AConnectionThatComesUpInTimeIsLeftAlone) {
  open(false);
  peer->onConnectionStateChanged(ConnectionState::kConnected);
  platform.advance(IceRecovery::kFirstConnectMillis * 10);
  EXPECT_TRUE(connection->calls.empty());
  EXPECT_EQ(lost, 0);
}

TEST_F(PeerTest, TheLostCallbackMayDestroyThePeer) {
  peer = std::make_unique<RemotePeer>(
      platform, PeerConfig{"bob", "[]"}, false, [](std::string) {}, [](double) {},
      [this] { peer.reset(); }, [](const Error&) {});
  peer->setRemoteInRoom(false);
  platform.peers.at("bob")->listener.onConnectionStateChanged(ConnectionState::kFailed);
  EXPECT_EQ(peer, nullptr);
  EXPECT_TRUE(platform.peers.empty());
}

TEST_F(PeerTest, DestroyingAPeerMidRecoveryCancelsItsTimer) {
  open(false);
  peer->onConnectionStateChanged(ConnectionState::kFailed);
  peer.reset();
  EXPECT_TRUE(platform.timers.pending.empty());
}

TEST_F(PeerTest, TheRemoteAudioLevelIsPassedOnUntouched) {
  open(true);
  connection->listener.onAudioLevel(0.5);
  EXPECT_EQ(levels, std::vector<double>{0.5});
  EXPECT_TRUE(sent.empty());
}

TEST_F(PeerTest, DestroyingThePeerClosesItsConnection) {
  open(true);
  peer.reset();
  EXPECT_TRUE(platform.peers.empty());
}

}  // namespace
}  // namespace callsession::client
