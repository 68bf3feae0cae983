// A joined call whose signaling socket drops: lost, backoff, a fresh token, restored — or, past the
// bound, closed. Peers and media live on throughout.
#include "client_session_fixture.h"
#include "core/client/reconnect_policy.h"

namespace callsession::client {
namespace {

using callsession::testing::makeJwt;
using callsession::testing::validClaims;
using nlohmann::json;
using testing::person;
using State = SessionState;

class Reconnect : public testing::Session {
 protected:
  // ada is in a call with `others`, and the server goes away.
  void joinAndDrop(std::vector<signaling::Participant> others = {}) {
    joinFully(std::move(others));
    platform.socket->listener.onSignalingClosed();
  }
  // A token the server would mint for attempt `n`.
  static std::string freshToken(int n) {
    auto claims = validClaims();
    claims["jti"] = "r-" + std::to_string(n);
    return makeJwt(claims);
  }
  // Waits out the backoff and answers the token request the attempt makes.
  void nextAttempt(int64_t waitMillis, int n) {
    platform.advance(waitMillis);
    ASSERT_EQ(platform.fakeHttp.pending.size(), 1U);
    platform.fakeHttp.answer(200, json{{"token", freshToken(n)}}.dump());
  }
  // An attempt whose socket opens and gets the server's roster.
  void restoreWith(std::vector<signaling::Participant> others, int n = 1) {
    nextAttempt(ReconnectPolicy::kFirstDelayMillis, n);
    platform.socket->listener.onSignalingOpen();
    platform.socket->receive(joinedAnswer(std::move(others)));
  }
  [[nodiscard]] int count(const std::string& name) const {
    const auto names = platform.fakeEvents.names();
    return static_cast<int>(std::count(names.begin(), names.end(), name));
  }
};

TEST_F(Reconnect, ADropWhileJoinedIsLostNotClosedAndKeepsThePeersAndMedia) {
  joinFully({person("bob")});
  const testing::FakePeer* bob = platform.peers.at("bob");
  platform.socket->listener.onSignalingClosed();
  EXPECT_EQ(*platform.fakeEvents.last("onConnectionLost"),
            (json{{"sessionId", "team-42"}, {"uid", "ada"}}));
  EXPECT_EQ(count("onConnectionClosed"), 0);
  EXPECT_EQ(client.session().state(), State::kJoined);
  EXPECT_EQ(view.states.back(), State::kJoined);
  EXPECT_EQ(platform.peers.at("bob"), bob);
  EXPECT_NE(platform.media, nullptr);
  EXPECT_FALSE(view.closed);
}

TEST_F(Reconnect, TheFirstAttemptWaitsItsDelayThenMintsAFreshToken) {
  joinAndDrop();
  platform.advance(ReconnectPolicy::kFirstDelayMillis - 1);
  EXPECT_TRUE(platform.fakeHttp.pending.empty());
  EXPECT_EQ(platform.socket, nullptr);
  platform.advance(1);
  ASSERT_EQ(platform.fakeHttp.pending.size(), 1U);
  const HttpRequest& request = platform.fakeHttp.pending.front().request;
  EXPECT_EQ(request.url, "http://127.0.0.1:8080/api/meetings/team-42/token");
  EXPECT_EQ(request.headers, (decltype(request.headers){{"Authorization", "Bearer t"}}));
}

TEST_F(Reconnect, TheNewSocketJoinsWithTheFreshToken) {
  joinAndDrop();
  nextAttempt(ReconnectPolicy::kFirstDelayMillis, 1);
  ASSERT_NE(platform.socket, nullptr);
  EXPECT_EQ(platform.socketsOpened, 2);
  platform.socket->listener.onSignalingOpen();
  EXPECT_EQ(platform.socket->sentMessages(),
            (std::vector<signaling::ClientMessage>{signaling::Join{freshToken(1), "Ada"}}));
}

TEST_F(Reconnect, TheServersAnswerRestoresTheCallWithThePeersItHad) {
  joinAndDrop({person("bob")});
  const testing::FakePeer* bob = platform.peers.at("bob");
  restoreWith({person("bob")});
  EXPECT_EQ(*platform.fakeEvents.last("onConnectionRestored"),
            (json{{"sessionId", "team-42"}, {"uid", "ada"}}));
  EXPECT_EQ(platform.peers.at("bob"), bob);
  EXPECT_EQ(count("onParticipantJoined"), 0);
  EXPECT_EQ(count("onParticipantLeft"), 0);
  EXPECT_EQ(client.session().state(), State::kJoined);
}

TEST_F(Reconnect, EachFailedAttemptWaitsTwiceAsLong) {
  joinAndDrop();
  nextAttempt(250, 1);
  platform.socket->listener.onSignalingClosed();  // still down
  platform.advance(499);
  EXPECT_TRUE(platform.fakeHttp.pending.empty());
  nextAttempt(1, 2);
  platform.socket->listener.onSignalingOpen();
  platform.socket->listener.onSignalingClosed();
  platform.advance(999);
  EXPECT_TRUE(platform.fakeHttp.pending.empty());
  nextAttempt(1, 3);
  EXPECT_EQ(count("onConnectionLost"), 1);
}

TEST_F(Reconnect, AnUnreachableServerForTheTokenIsTriedAgain) {
  joinAndDrop();
  platform.advance(250);
  platform.fakeHttp.answer(0, "");
  EXPECT_EQ(client.session().state(), State::kJoined);
  nextAttempt(500, 2);
  EXPECT_NE(platform.socket, nullptr);
}

TEST_F(Reconnect, PastTheBoundTheCallIsClosedWithANetworkError) {
  joinFully({person("bob")});
  const int64_t dropped = platform.fakeClock.now;
  platform.socket->listener.onSignalingClosed();
  while (client.session().state() == State::kJoined) {
    ASSERT_LE(platform.fakeClock.now - dropped, ReconnectPolicy::kGiveUpAfterMillis);
    platform.advance(50);
    if (!platform.fakeHttp.pending.empty()) platform.fakeHttp.answer(0, "");
  }
  EXPECT_EQ(client.session().state(), State::kLeft);
  EXPECT_EQ(view.states.back(), State::kLeft);
  const auto closed = *platform.fakeEvents.last("onConnectionClosed");
  EXPECT_EQ(closed["reason"], "closed");
  EXPECT_EQ(closed["error"]["code"], "ERROR_NETWORK");
  EXPECT_EQ(count("onConnectionRestored"), 0);
  EXPECT_TRUE(platform.peers.empty());
  EXPECT_EQ(platform.media, nullptr);
  EXPECT_TRUE(platform.timers.pending.empty());
}

TEST_F(Reconnect, ARefusedTokenEndsTheCallAtOnceWithItsError) {
  joinAndDrop();
  platform.advance(250);
  platform.fakeHttp.answer(410, R"({"error":{"code":"ERROR_SESSION_EXPIRED","message":"over"}})");
  EXPECT_EQ(client.session().state(), State::kLeft);
  EXPECT_EQ(platform.fakeEvents.last("onConnectionClosed")->at("error")["code"],
            "ERROR_SESSION_EXPIRED");
}

TEST_F(Reconnect, AServerRefusalOfTheRejoinEndsTheCallWithItsError) {
  joinAndDrop();
  nextAttempt(250, 1);
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(signaling::Failure{makeError(ErrorCode::kNotAuthorized, "no")});
  platform.socket->listener.onSignalingClosed();
  EXPECT_EQ(client.session().state(), State::kLeft);
  EXPECT_EQ(platform.fakeEvents.last("onConnectionClosed")->at("error")["code"],
            "ERROR_NOT_AUTHORIZED");
}

TEST_F(Reconnect, ARateLimitedTokenRequestIsTriedAgain) {
  joinAndDrop();
  platform.advance(250);
  platform.fakeHttp.answer(429, R"({"error":{"code":"ERROR_RATE_LIMITED","message":"wait"}})");
  EXPECT_EQ(client.session().state(), State::kJoined);
  nextAttempt(500, 2);
  EXPECT_NE(platform.socket, nullptr);
}

TEST_F(Reconnect, ARejoinTheServerPutsOffIsTriedAgainWithoutAnError) {
  joinAndDrop();
  nextAttempt(250, 1);
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(signaling::Failure{makeError(ErrorCode::kRateLimited, "later")});
  platform.socket->listener.onSignalingClosed();
  EXPECT_EQ(client.session().state(), State::kJoined);
  EXPECT_EQ(count("onError"), 0);
  nextAttempt(500, 2);
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer({}));
  EXPECT_EQ(count("onConnectionRestored"), 1);
}

TEST_F(Reconnect, ALeaveDuringTheBackoffStopsIt) {
  joinAndDrop({person("bob")});
  client.session().leave();
  EXPECT_EQ(client.session().state(), State::kLeft);
  EXPECT_TRUE(platform.timers.pending.empty());
  platform.advance(60'000);
  EXPECT_TRUE(platform.fakeHttp.pending.empty());
  EXPECT_EQ(platform.socketsOpened, 1);
  EXPECT_EQ(platform.fakeEvents.last("onConnectionClosed")->at("reason"), "left");
  EXPECT_EQ(count("onConnectionClosed"), 1);
  EXPECT_TRUE(platform.peers.empty());
}

TEST_F(Reconnect, ATokenThatArrivesAfterALeaveOpensNothing) {
  joinAndDrop();
  platform.advance(250);
  client.session().leave();
  platform.fakeHttp.answer(200, json{{"token", freshToken(1)}}.dump());
  EXPECT_EQ(platform.socketsOpened, 1);
  EXPECT_EQ(platform.socket, nullptr);
}

TEST_F(Reconnect, ALeaveWhileTheNewSocketJoinsClosesIt) {
  joinAndDrop();
  nextAttempt(250, 1);
  platform.socket->listener.onSignalingOpen();
  client.session().leave();
  EXPECT_EQ(platform.socket, nullptr);
  EXPECT_EQ(client.session().state(), State::kLeft);
  EXPECT_EQ(count("onConnectionRestored"), 0);
}

TEST_F(Reconnect, NewcomersInTheRestoredRosterGetAPeerAndAreAnnounced) {
  joinAndDrop({person("bob")});
  restoreWith({person("bob"), person("dave")});
  EXPECT_EQ(platform.peers.count("dave"), 1U);
  // Dave, who came while ada was away, was told nothing of ada: ada's offer opens the connection.
  EXPECT_EQ(platform.peers.at("dave")->calls, std::vector<std::string>{"setLocalDescription"});
  EXPECT_EQ(platform.fakeEvents.last("onParticipantJoined")->at("uid"), "dave");
  EXPECT_EQ(tileUids(), (std::vector<std::string>{"", "bob", "dave"}));
}

TEST_F(Reconnect, TheRejoinsIceServersReachOpenPeersAndNewcomers) {
  joinAndDrop({person("bob")});
  nextAttempt(ReconnectPolicy::kFirstDelayMillis, 1);
  platform.socket->listener.onSignalingOpen();
  // The TURN credentials minted for the first join may have expired: the rejoin brings fresh ones.
  signaling::Joined rejoined = joinedAnswer({person("bob"), person("dave")});
  rejoined.iceServersJson = R"([{"credential":"fresh","urls":"turn:t","username":"9999:ada"}])";
  platform.socket->receive(rejoined);
  EXPECT_EQ(platform.peers.at("bob")->config.iceServersJson, rejoined.iceServersJson);
  EXPECT_EQ(platform.peers.at("dave")->config.iceServersJson, rejoined.iceServersJson);
}

TEST_F(Reconnect, ARemoteTheRosterLacksIsDroppedAfterTheGracePeriod) {
  joinAndDrop({person("bob"), person("carol")});
  restoreWith({person("bob")});
  EXPECT_EQ(platform.peers.count("carol"), 1U);  // may be reconnecting too
  platform.advance(ReconnectPolicy::kMissingGraceMillis);
  EXPECT_EQ(platform.peers.count("carol"), 0U);
  EXPECT_EQ(*platform.fakeEvents.last("onParticipantLeft"),
            (json{{"uid", "carol"}, {"reason", "vanished"}}));
  EXPECT_EQ(tileUids(), (std::vector<std::string>{"", "bob"}));
}

TEST_F(Reconnect, AMissingRemoteWhoseConnectionFailsIsDroppedWithoutARestart) {
  joinAndDrop({person("abe"), person("bob")});  // ada restarts toward abe
  restoreWith({person("bob")});
  testing::FakePeer* abe = platform.peers.at("abe");
  abe->listener.onConnectionStateChanged(ConnectionState::kFailed);
  EXPECT_EQ(platform.peers.count("abe"), 0U);
  EXPECT_EQ(*platform.fakeEvents.last("onParticipantLeft"),
            (json{{"uid", "abe"}, {"reason", "vanished"}}));
  platform.advance(ReconnectPolicy::kMissingGraceMillis);
  EXPECT_EQ(count("onParticipantLeft"), 1);
}

TEST_F(Reconnect, AMissingRemoteThatComesBackIsRestartedAgainOnFailure) {
  joinAndDrop({person("abe")});
  restoreWith({});
  platform.socket->receive(signaling::ParticipantJoined{person("abe")});
  platform.peers.at("abe")->listener.onConnectionStateChanged(ConnectionState::kFailed);
  EXPECT_EQ(platform.peers.at("abe")->calls.back(), "restartIce");
}

TEST_F(Reconnect, AMissingRemoteThatComesBackKeepsItsPeer) {
  joinAndDrop({person("carol")});
  const testing::FakePeer* carol = platform.peers.at("carol");
  restoreWith({});
  platform.socket->receive(signaling::ParticipantJoined{person("carol")});
  platform.advance(ReconnectPolicy::kMissingGraceMillis);
  EXPECT_EQ(platform.peers.at("carol"), carol);
  EXPECT_EQ(count("onParticipantLeft"), 0);
  EXPECT_EQ(count("onParticipantJoined"), 0);
}

TEST_F(Reconnect, TheRestoredRosterUpdatesMediaStates) {
  joinAndDrop({person("bob")});
  auto bob = person("bob");
  bob.audioMuted = true;
  restoreWith({bob});
  EXPECT_TRUE(view.scene->tiles[1].audioMuted);
  EXPECT_EQ(
      platform.fakeEvents.last("onParticipantListChanged")->at("participants")[1]["audioMuted"],
      true);
}

TEST_F(Reconnect, OwnMediaStateIsToldToTheServerAgain) {
  joinFully();
  ASSERT_TRUE(client.session().setAudioMuted(true).ok());
  platform.socket->listener.onSignalingClosed();
  restoreWith({});
  EXPECT_EQ(platform.socket->sentMessages().back(),
            signaling::ClientMessage(signaling::State{true, false}));
}

TEST_F(Reconnect, ControlsAndSignalsDuringTheOutageAreHarmless) {
  joinAndDrop({person("bob")});
  EXPECT_TRUE(client.session().setVideoPaused(true).ok());
  platform.peers.at("bob")->listener.onIceCandidate(R"({"candidate":"c"})");
  restoreWith({person("bob")});
  EXPECT_EQ(platform.socket->sentMessages().back(),
            signaling::ClientMessage(signaling::State{false, true}));
}

TEST_F(Reconnect, ADropBeforeTheJoinCompletesStillFailsTheJoin) {
  auto outcome = join();
  platform.socket->listener.onSignalingOpen();
  platform.socket->listener.onSignalingClosed();
  EXPECT_EQ(codeOf(outcome), ErrorCode::kSignalingFailed);
  EXPECT_EQ(count("onConnectionLost"), 0);
}

}  // namespace
}  // namespace callsession::client
