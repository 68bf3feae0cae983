#include <algorithm>

#include "client_session_fixture.h"

namespace callsession::client {
namespace {

using callsession::testing::makeJwt;
using callsession::testing::validClaims;
using nlohmann::json;
using testing::FakePlatform;
using testing::FakeView;
using testing::Outcome;
using testing::person;
using testing::Session;
using testing::ViewLog;
using State = SessionState;

// ---- Joining -------------------------------------------------------------------------------

TEST_F(Session, AJoinOpensMediaAndSignalingAtOnce) {
  auto outcome = join();
  EXPECT_FALSE(outcome->has_value());
  ASSERT_NE(platform.media, nullptr);
  ASSERT_NE(platform.socket, nullptr);
  EXPECT_EQ(platform.socket->url, "ws://127.0.0.1:8080/ws");
  EXPECT_TRUE(platform.media->request.video);
  EXPECT_EQ(view.states, std::vector<State>{State::kJoining});
  EXPECT_TRUE(view.opened);
  EXPECT_TRUE(view.presented);
}

TEST_F(Session, TheTokenAndNameGoToTheServerOnceTheSocketOpens) {
  join();
  EXPECT_TRUE(platform.socket->sent.empty());
  platform.socket->listener.onSignalingOpen();
  ASSERT_EQ(platform.socket->sent.size(), 1U);
  EXPECT_EQ(platform.socket->sentMessages()[0],
            signaling::ClientMessage(signaling::Join{token, "Ada"}));
}

TEST_F(Session, TheNewcomerOffersAndTheOnesAlreadyThereWaitForItsOffer) {
  joinFully({person("bob")});
  EXPECT_EQ(platform.peers.at("bob")->calls, std::vector<std::string>{"setLocalDescription"})
      << "ada, the newcomer, offers to bob, who was there, at once";
  platform.socket->receive(signaling::ParticipantJoined{person("carol")});
  platform.peers.at("carol")->listener.onNegotiationNeeded();
  EXPECT_TRUE(platform.peers.at("carol")->calls.empty()) << "carol, the newcomer, offers to ada";
}

TEST_F(Session, AJoinCompletesOnlyWithBothMediaAndTheRoster) {
  auto outcome = join();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer());
  EXPECT_FALSE(outcome->has_value());
  platform.media->listener.onMediaReady();
  ASSERT_TRUE(outcome->has_value());
  EXPECT_EQ(outcome->value().value(), (JoinInfo{"team-42", "ada"}));
  EXPECT_EQ(client.session().state(), State::kJoined);
  EXPECT_EQ(view.states.back(), State::kJoined);
  EXPECT_EQ(platform.fakeEvents.names(),
            (std::vector<std::string>{"onSessionJoined", "onParticipantListChanged"}));
}

// A camera may take as long to start as the whole handshake: the offers do not wait for it.
TEST_F(Session, ConnectionsOpenOnTheRosterWithoutWaitingForTheCamera) {
  auto outcome = join();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer({person("bob")}));
  ASSERT_EQ(platform.peers.count("bob"), 1U);
  EXPECT_EQ(platform.peers.at("bob")->calls, std::vector<std::string>{"setLocalDescription"});
  EXPECT_EQ(tileUids(), (std::vector<std::string>{"", "bob"}));
  EXPECT_FALSE(outcome->has_value()) << "the join still completes only with the camera";
  EXPECT_EQ(client.session().state(), State::kJoining);
  platform.media->listener.onMediaReady();
  ASSERT_TRUE(outcome->has_value());
  EXPECT_TRUE(outcome->value().ok());
  EXPECT_EQ(platform.peers.size(), 1U);
}

TEST_F(Session, WhileTheCameraIsAwaitedTheRosterChangesAreAnnouncedOnlyWithTheJoin) {
  auto outcome = join();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer({person("bob"), person("dan")}));
  platform.socket->receive(signaling::ParticipantJoined{person("carol")});
  platform.socket->receive(signaling::ParticipantLeft{"dan", signaling::LeaveReason::kLeft});
  EXPECT_TRUE(platform.fakeEvents.emitted.empty());
  EXPECT_EQ(platform.peers.count("carol"), 1U);
  EXPECT_EQ(platform.peers.count("dan"), 0U);
  platform.media->listener.onMediaReady();
  EXPECT_EQ(platform.fakeEvents.names(),
            (std::vector<std::string>{"onSessionJoined", "onParticipantListChanged"}));
  const auto list = platform.fakeEvents.last("onParticipantListChanged")->at("participants");
  ASSERT_EQ(list.size(), 3U);
  EXPECT_EQ(list[1]["uid"], "bob");
  EXPECT_EQ(list[2]["uid"], "carol");
}

TEST_F(Session, ACameraRefusedAfterTheRosterClosesTheConnectionsItOpened) {
  auto outcome = join();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer({person("bob")}));
  ASSERT_EQ(platform.peers.size(), 1U);
  platform.media->listener.onMediaFailed(
      makeError(ErrorCode::kMediaPermissionDenied, "Permission denied."));
  ASSERT_TRUE(outcome->has_value());
  EXPECT_EQ(codeOf(outcome), ErrorCode::kMediaPermissionDenied);
  EXPECT_TRUE(platform.peers.empty());
  EXPECT_EQ(platform.socket, nullptr);
  EXPECT_EQ(view.states.back(), State::kError);
}

TEST_F(Session, MediaMayArriveBeforeTheRoster) {
  auto outcome = join();
  platform.media->listener.onMediaReady();
  EXPECT_FALSE(outcome->has_value());
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer());
  EXPECT_TRUE(outcome->value().ok());
}

TEST_F(Session, RelayOnlyIceReachesEveryPeerWhenTheJoinAsksForIt) {
  join(token, R"({"iceTransportPolicy":"relay"})");
  platform.media->listener.onMediaReady();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer({person("bob"), person("carol")}));
  ASSERT_EQ(platform.peers.size(), 2U);
  for (const auto& [uid, peer] : platform.peers) {
    EXPECT_EQ(peer->config.iceTransportPolicy, IceTransportPolicy::kRelay) << uid;
  }
}

TEST_F(Session, ATurnRefusalWhileTheCameraIsAwaitedIsToldAfterTheJoin) {
  auto outcome = join();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer({person("bob")}));
  platform.peers.at("bob")->listener.onIceCandidateError({"turn:t:3478", 401, "Unauthorized"});
  EXPECT_TRUE(platform.fakeEvents.emitted.empty());
  platform.media->listener.onMediaReady();
  EXPECT_EQ(platform.fakeEvents.names(),
            (std::vector<std::string>{"onSessionJoined", "onParticipantListChanged", "onError"}));
  EXPECT_EQ(platform.fakeEvents.last("onError")->at("error")["code"], "ERROR_RELAY_REFUSED");
}

TEST_F(Session, ATurnRefusalOfAJoinThatFailsIsNeverTold) {
  auto outcome = join();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer({person("bob")}));
  platform.peers.at("bob")->listener.onIceCandidateError({"turn:t:3478", 401, "Unauthorized"});
  platform.media->listener.onMediaFailed(makeError(ErrorCode::kMediaPermissionDenied, "denied"));
  EXPECT_EQ(codeOf(outcome), ErrorCode::kMediaPermissionDenied);
  EXPECT_FALSE(platform.fakeEvents.last("onError"));
}

TEST_F(Session, ARefusingTurnServerIsOneErrorEventForTheWholeCall) {
  joinFully({person("bob"), person("carol")});
  for (const std::string uid : {"bob", "carol"}) {
    platform.peers.at(uid)->listener.onIceCandidateError({"turn:t:3478", 401, "Unauthorized"});
  }
  const auto errors =
      std::count_if(platform.fakeEvents.emitted.begin(), platform.fakeEvents.emitted.end(),
                    [](const auto& event) { return event.first == "onError"; });
  EXPECT_EQ(errors, 1);
  EXPECT_EQ(platform.fakeEvents.last("onError")->at("error")["code"], "ERROR_RELAY_REFUSED");
  EXPECT_EQ(client.session().state(), State::kJoined);
}

TEST_F(Session, OnePeerPerRemoteParticipantWithTheServersIceServers) {
  joinFully({person("bob"), person("carol")});
  ASSERT_EQ(platform.peers.size(), 2U);
  EXPECT_EQ(platform.peers.at("bob")->config.iceServersJson, R"([{"urls":"stun:s"}])");
  EXPECT_EQ(platform.peers.at("bob")->config.iceTransportPolicy, IceTransportPolicy::kAll);
  EXPECT_EQ(tileUids(), (std::vector<std::string>{"", "bob", "carol"}));
  auto list = platform.fakeEvents.last("onParticipantListChanged")->at("participants");
  ASSERT_EQ(list.size(), 3U);
  EXPECT_EQ(list[0]["uid"], "ada");
  EXPECT_EQ(list[0]["isLocal"], true);
  EXPECT_EQ(list[1]["name"], "bob's name");
}

// The page is built while the socket and the camera are awaited, not when the first offer is made.
TEST_F(Session, TheLocalTileAndControlsShowWhileJoining) {
  view.openResult = Size{1000, 500};
  join();
  ASSERT_TRUE(view.scene.has_value());
  EXPECT_EQ(tileUids(), (std::vector<std::string>{""}));
  EXPECT_EQ(view.scene->tiles[0].name, "Ada");
  EXPECT_EQ(view.scene->tiles[0].rect, layoutTiles({CallLayout::kTile, {1000, 500}, 1})[0]);
  EXPECT_EQ(client.session().state(), State::kJoining);
  platform.media->listener.onMediaReady();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer({person("bob")}));
  EXPECT_EQ(tileUids(), (std::vector<std::string>{"", "bob"}));
}

// Playing the preview is steady work for the page; it waits until a remote video plays.
TEST_F(Session, TheLocalPreviewPlaysOnceARemoteVideoDoes) {
  joinFully({person("bob")});
  ASSERT_EQ(tileUids(), (std::vector<std::string>{"", "bob"}));
  EXPECT_TRUE(view.scene->tiles[0].videoHeld);
  EXPECT_FALSE(view.scene->tiles[1].videoHeld);
  platform.peers.at("bob")->listener.onLocalDescription({"offer", "v=0"});
  platform.peers.at("bob")->listener.onConnectionStateChanged(ConnectionState::kConnected);
  EXPECT_TRUE(view.scene->tiles[0].videoHeld) << "connected, but nothing on screen yet";
  view.listener->onRemoteVideoPlaying();
  EXPECT_FALSE(view.scene->tiles[0].videoHeld);
}

TEST_F(Session, TheLocalPreviewWaitsForARemoteVideoOneSecondAtMost) {
  joinFully({person("bob")});
  platform.advance(999);
  EXPECT_TRUE(view.scene->tiles[0].videoHeld);
  platform.advance(1);
  EXPECT_FALSE(view.scene->tiles[0].videoHeld);
}

TEST_F(Session, AloneInTheRoomTheLocalPreviewPlaysOnJoining) {
  join();
  EXPECT_TRUE(view.scene->tiles[0].videoHeld);  // while joining
  platform.media->listener.onMediaReady();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer());
  EXPECT_FALSE(view.scene->tiles[0].videoHeld);
}

TEST_F(Session, TilesAreLaidOutInTheMeasuredContainer) {
  view.openResult = Size{1000, 500};
  joinFully({person("bob")});
  ASSERT_EQ(view.scene->tiles.size(), 2U);
  auto expected = layoutTiles({CallLayout::kTile, {1000, 500}, 2});
  EXPECT_EQ(view.scene->tiles[0].rect, expected[0]);
  EXPECT_EQ(view.scene->tiles[1].rect, expected[1]);
  view.listener->onResized({500, 1000});
  EXPECT_EQ(view.scene->tiles[1].rect, layoutTiles({CallLayout::kTile, {500, 1000}, 2})[1]);
}

TEST_F(Session, ATokenIsJudgedByTheServersClockNotTheLaptops) {
  platform.fakeClock.now = 90'000 * 1000;  // local clock a day ahead
  Client skewed{platform};
  skewed.account().init(R"({"appId":"demo","authKey":"k"})", "http://h");
  skewed.account().login("ada", "", "", [](const Result<User>&) {});
  platform.fakeHttp.answer(200, R"({"user":{"uid":"ada"},"authToken":"t"})");
  skewed.account().generateToken("team-42", [](const Result<IssuedToken>&) {});
  platform.fakeHttp.answer(200, json{{"token", token}}.dump());  // iat 1000: the server's now
  std::optional<Result<JoinInfo>> outcome;
  skewed.session().join({token, "{}", std::make_unique<FakeView>(view)},
                        [&](Result<JoinInfo> r) { outcome = std::move(r); });
  EXPECT_FALSE(outcome.has_value());  // accepted, in flight
  EXPECT_NE(platform.socket, nullptr);
}

TEST_F(Session, AVoiceSessionAsksForNoCamera) {
  join(token, R"({"sessionType":"VOICE"})");
  EXPECT_FALSE(platform.media->request.video);
  EXPECT_TRUE(platform.media->request.audio);
}

TEST_F(Session, StartMutedAndPausedApplyToMediaAndAreAnnouncedToTheRoom) {
  join(token, R"({"startAudioMuted":true,"startVideoPaused":true})");
  platform.media->listener.onMediaReady();
  EXPECT_FALSE(platform.media->audioEnabled);
  EXPECT_FALSE(platform.media->videoEnabled);
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer());
  EXPECT_EQ(platform.socket->sentMessages().back(),
            signaling::ClientMessage(signaling::State{true, true}));
}

TEST_F(Session, ControlsFollowTheHideSettings) {
  join(token, R"({"hideLeaveSessionButton":true,"hideToggleVideoButton":true})");
  EXPECT_TRUE(view.opened->hideLeave);
  EXPECT_TRUE(view.opened->hideToggleVideo);
  EXPECT_FALSE(view.opened->hideToggleAudio);
  EXPECT_FALSE(view.opened->hidePanel);
}

// ---- Refused before the network ------------------------------------------------------------

TEST_F(Session, LocalRefusalsOpenNothingAndLeaveTheTokenUnspent) {
  auto expired = validClaims();
  expired["exp"] = 1010;
  auto otherUser = validClaims();
  otherUser["sub"] = "bob";
  const std::vector<std::pair<std::pair<std::string, std::string>, ErrorCode>> cases{
      {{token, R"({"layout":"GRID"})"}, ErrorCode::kSettingsInvalid},
      {{token, "[1]"}, ErrorCode::kSettingsInvalid},
      {{"abc", "{}"}, ErrorCode::kTokenInvalid},
      {{makeJwt(expired), "{}"}, ErrorCode::kTokenExpired},
      {{makeJwt(otherUser), "{}"}, ErrorCode::kTokenUserMismatch},
  };
  for (const auto& [request, code] : cases) {
    ViewLog log;
    auto outcome = join(request.first, request.second, &log);
    ASSERT_TRUE(outcome->has_value());
    EXPECT_EQ(codeOf(outcome), code);
    EXPECT_EQ(log.states, (std::vector<State>{State::kJoining, State::kError}));
    EXPECT_FALSE(log.opened);
  }
  EXPECT_EQ(platform.mediaOpened, 0);
  EXPECT_EQ(platform.socketsOpened, 0);
  EXPECT_FALSE(join()->has_value());  // the token itself is still good: this join is in flight
}

TEST_F(Session, AJoinBeforeLoginNeedsALogin) {
  client.account().logout();
  auto outcome = join();
  EXPECT_EQ(codeOf(outcome), ErrorCode::kAuthTokenMissing);
}

TEST_F(Session, AnUnusableContainerFailsTheJoinBeforeMedia) {
  for (ErrorCode code : {ErrorCode::kContainerMissing, ErrorCode::kContainerZeroSize}) {
    view.openResult = makeError(code, "no room");
    auto outcome = join();
    EXPECT_EQ(codeOf(outcome), code);
    EXPECT_EQ(view.states.back(), State::kError);
  }
  EXPECT_EQ(platform.mediaOpened, 0);
  EXPECT_FALSE(view.presented);
  view.openResult = Size{10, 10};
  EXPECT_FALSE(join()->has_value());  // the token was not spent
}

// ---- The gate ------------------------------------------------------------------------------

TEST_F(Session, ASecondJoinInFlightIsRefusedAndTouchesNeitherJoin) {
  auto first = join();
  ViewLog second;
  auto refused = join(makeJwt(validClaims()), "{}", &second);
  EXPECT_EQ(codeOf(refused), ErrorCode::kJoinInProgress);
  EXPECT_TRUE(second.states.empty());
  EXPECT_FALSE(first->has_value());
  EXPECT_EQ(platform.mediaOpened, 1);
}

TEST_F(Session, AJoinWhileJoinedIsAlreadyJoined) {
  joinFully();
  EXPECT_EQ(codeOf(join()), ErrorCode::kAlreadyJoined);
}

TEST_F(Session, ALeaveDuringAJoinCancelsItAndClosesWhatItOpened) {
  auto outcome = join();
  platform.media->listener.onMediaReady();
  client.session().leave();
  EXPECT_EQ(codeOf(outcome), ErrorCode::kJoinCancelled);
  EXPECT_EQ(platform.media, nullptr);
  EXPECT_EQ(platform.socket, nullptr);
  EXPECT_TRUE(view.closed);
  EXPECT_EQ(view.states.back(), State::kLeft);
  EXPECT_TRUE(platform.fakeEvents.emitted.empty());  // nothing was joined, so nothing ended
}

TEST_F(Session, LeaveIsIdempotent) {
  client.session().leave();
  joinFully();
  client.session().leave();
  client.session().leave();
  EXPECT_EQ(platform.fakeEvents.names(),
            (std::vector<std::string>{"onSessionJoined", "onParticipantListChanged",
                                      "onSessionLeft", "onConnectionClosed"}));
}

TEST_F(Session, AReplayedTokenIsRefusedAfterALeave) {
  joinFully();
  client.session().leave();
  EXPECT_EQ(codeOf(join()), ErrorCode::kTokenAlreadyUsed);
}

TEST_F(Session, ARejoinWithAFreshTokenWorks) {
  joinFully({person("bob")});
  client.session().leave();
  auto claims = validClaims();
  claims["jti"] = "j-2";
  token = makeJwt(claims);
  auto outcome = joinFully({person("bob")});
  EXPECT_TRUE(outcome->value().ok());
  EXPECT_EQ(platform.peers.size(), 1U);
}

// ---- Failing joins -------------------------------------------------------------------------

TEST_F(Session, DeniedMediaFailsTheJoinAndClosesTheSocket) {
  auto outcome = join();
  platform.media->listener.onMediaFailed(makeError(ErrorCode::kMediaPermissionDenied, "denied"));
  EXPECT_EQ(codeOf(outcome), ErrorCode::kMediaPermissionDenied);
  EXPECT_EQ(platform.socket, nullptr);
  EXPECT_EQ(view.states.back(), State::kError);
  EXPECT_TRUE(view.closed);
}

TEST_F(Session, AServerRefusalFailsTheJoinWithTheServersCode) {
  auto outcome = join();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(signaling::Failure{makeError(ErrorCode::kTokenInvalid, "signature")});
  EXPECT_EQ(outcome->value().error(), makeError(ErrorCode::kTokenInvalid, "signature"));
  EXPECT_EQ(platform.media, nullptr);
}

TEST_F(Session, AnUnreachableServerIsANetworkError) {
  auto outcome = join();
  platform.socket->listener.onSignalingClosed();
  EXPECT_EQ(codeOf(outcome), ErrorCode::kNetwork);
}

TEST_F(Session, AServerThatClosesWithoutAnswerIsASignalingFailure) {
  auto outcome = join();
  platform.socket->listener.onSignalingOpen();
  platform.socket->listener.onSignalingClosed();
  EXPECT_EQ(codeOf(outcome), ErrorCode::kSignalingFailed);
}

TEST_F(Session, AnAnswerForAnotherSessionIsASessionMismatch) {
  auto outcome = join();
  platform.socket->listener.onSignalingOpen();
  auto answer = joinedAnswer();
  answer.sessionId = "team-43";
  platform.socket->receive(answer);
  EXPECT_EQ(codeOf(outcome), ErrorCode::kTokenSessionMismatch);
}

TEST_F(Session, UnreadableServerMessagesAreIgnored) {
  auto outcome = join();
  platform.socket->listener.onSignalingMessage(R"({"type":"from-the-future"})");
  platform.socket->listener.onSignalingMessage("{");
  EXPECT_FALSE(outcome->has_value());
}

// ---- In the call ---------------------------------------------------------------------------

TEST_F(Session, LeavingTellsTheServerAndClosesEverything) {
  joinFully({person("bob")});
  client.session().leave();
  EXPECT_EQ(signaling::parseClientMessage(platform.closedSocketSent.back()).value(),
            signaling::ClientMessage(signaling::Leave{}));
  EXPECT_EQ(platform.media, nullptr);
  EXPECT_EQ(platform.socket, nullptr);
  EXPECT_TRUE(platform.peers.empty());
  EXPECT_TRUE(view.closed);
  EXPECT_EQ(view.states.back(), State::kLeft);
  EXPECT_EQ(platform.fakeEvents.last("onConnectionClosed")->at("reason"), "left");
  EXPECT_EQ(*platform.fakeEvents.last("onSessionLeft"),
            (json{{"sessionId", "team-42"}, {"uid", "ada"}}));
}

TEST_F(Session, AServerCloseEndsTheCallWithoutASessionLeft) {
  joinFully();
  platform.socket->receive(signaling::Failure{makeError(ErrorCode::kSignalingFailed, "replaced")});
  EXPECT_EQ(platform.fakeEvents.last("onError")->at("error")["message"], "replaced");
  EXPECT_EQ(client.session().state(), State::kJoined);  // until the close arrives
  platform.socket->listener.onSignalingClosed();
  EXPECT_EQ(client.session().state(), State::kLeft);
  auto closed = *platform.fakeEvents.last("onConnectionClosed");
  EXPECT_EQ(closed["reason"], "closed");
  EXPECT_EQ(closed["error"]["code"], "ERROR_SIGNALING_FAILED");
  EXPECT_FALSE(platform.fakeEvents.last("onSessionLeft"));
  EXPECT_EQ(platform.media, nullptr);
}

TEST_F(Session, TheMeetingsEndIsAnnouncedAsExpired) {
  joinFully();
  platform.socket->receive(signaling::SessionEnded{});
  EXPECT_EQ(platform.fakeEvents.last("onError")->at("error")["code"], "ERROR_SESSION_EXPIRED");
}

TEST_F(Session, ANewcomerGetsAPeerATileAndEvents) {
  joinFully();
  platform.socket->receive(signaling::ParticipantJoined{person("bob")});
  EXPECT_EQ(platform.peers.count("bob"), 1U);
  EXPECT_EQ(tileUids(), (std::vector<std::string>{"", "bob"}));
  EXPECT_EQ(platform.fakeEvents.last("onParticipantJoined")->at("uid"), "bob");
  EXPECT_EQ(platform.fakeEvents.last("onParticipantListChanged")->at("participants").size(), 2U);
}

TEST_F(Session, ADepartureClosesThePeerAndRemovesTheTile) {
  joinFully({person("bob")});
  platform.socket->receive(signaling::ParticipantLeft{"bob", signaling::LeaveReason::kVanished});
  EXPECT_TRUE(platform.peers.empty());
  EXPECT_EQ(tileUids(), std::vector<std::string>{""});
  EXPECT_EQ(*platform.fakeEvents.last("onParticipantLeft"),
            (json{{"uid", "bob"}, {"reason", "vanished"}}));
}

TEST_F(Session, ARemoteMediaStateShowsOnItsTileAndInTheList) {
  joinFully({person("bob")});
  platform.socket->receive(signaling::ParticipantState{"bob", true, false});
  EXPECT_TRUE(view.scene->tiles[1].audioMuted);
  EXPECT_EQ(
      platform.fakeEvents.last("onParticipantListChanged")->at("participants")[1]["audioMuted"],
      true);
}

TEST_F(Session, SignalsReachThePeerOfTheirSender) {
  joinFully({person("bob")});
  platform.socket->receive(
      signaling::RelayedSignal{"bob", R"({"description":{"type":"offer","sdp":"x"}})"});
  EXPECT_EQ(platform.peers.at("bob")->calls.back(), "setRemoteDescription offer");
  platform.peers.at("bob")->listener.onIceCandidate(R"({"candidate":"c"})");
  EXPECT_EQ(
      platform.socket->sentMessages().back(),
      signaling::ClientMessage(signaling::Signal{"bob", R"({"candidate":{"candidate":"c"}})"}));
}

TEST_F(Session, AnOfferArrivingBeforeTheCameraIsAnsweredAtOnce) {
  auto outcome = join();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer({person("bob")}));
  platform.socket->receive(signaling::ParticipantJoined{person("carol")});
  platform.socket->receive(
      signaling::RelayedSignal{"carol", R"({"description":{"type":"offer","sdp":"x"}})"});
  EXPECT_EQ(platform.peers.size(), 2U);
  EXPECT_EQ(platform.peers.at("carol")->calls.back(), "setRemoteDescription offer");
  platform.peers.at("carol")->state = SignalingState::kHaveRemoteOffer;
  platform.peers.at("carol")->listener.onRemoteDescriptionSet("offer");
  EXPECT_EQ(platform.peers.at("carol")->calls.back(), "setLocalDescription") << "the answer";
  platform.media->listener.onMediaReady();
  EXPECT_TRUE(outcome->value().ok());
  EXPECT_FALSE(platform.fakeEvents.last("onParticipantJoined"));  // part of the first list
}

TEST_F(Session, MutingDisablesTheTrackTellsTheRoomAndTheApp) {
  joinFully();
  ASSERT_TRUE(client.session().setAudioMuted(true).ok());
  EXPECT_FALSE(platform.media->audioEnabled);
  EXPECT_EQ(platform.socket->sentMessages().back(),
            signaling::ClientMessage(signaling::State{true, false}));
  EXPECT_EQ(*platform.fakeEvents.last("onAudioMuted"),
            (json{{"uid", "ada"}, {"muted", true}, {"isLocal", true}}));
  EXPECT_TRUE(view.scene->audioMuted);
}

TEST_F(Session, PausingVideoDisablesTheCamera) {
  joinFully();
  ASSERT_TRUE(client.session().setVideoPaused(true).ok());
  EXPECT_FALSE(platform.media->videoEnabled);
  EXPECT_EQ(*platform.fakeEvents.last("onVideoPaused"),
            (json{{"uid", "ada"}, {"paused", true}, {"isLocal", true}}));
  ASSERT_TRUE(client.session().setVideoPaused(false).ok());
  EXPECT_TRUE(platform.media->videoEnabled);
}

TEST_F(Session, ARemoteMuteOrPauseIsAnEventNamingWhoChanged) {
  joinFully({person("bob")});
  platform.socket->receive(signaling::ParticipantState{"bob", true, false});
  EXPECT_EQ(*platform.fakeEvents.last("onAudioMuted"),
            (json{{"uid", "bob"}, {"muted", true}, {"isLocal", false}}));
  EXPECT_FALSE(platform.fakeEvents.last("onVideoPaused"));  // only what changed is told

  platform.socket->receive(signaling::ParticipantState{"bob", true, true});
  EXPECT_EQ(*platform.fakeEvents.last("onVideoPaused"),
            (json{{"uid", "bob"}, {"paused", true}, {"isLocal", false}}));
  EXPECT_EQ(platform.fakeEvents.count("onAudioMuted"), 1U);
}

TEST_F(Session, AStateForSomeoneNotInTheCallIsNoEvent) {
  joinFully({person("bob")});
  platform.socket->receive(signaling::ParticipantState{"zed", true, true});
  EXPECT_FALSE(platform.fakeEvents.last("onAudioMuted"));
  EXPECT_FALSE(platform.fakeEvents.last("onVideoPaused"));
}

TEST_F(Session, MediaControlsNeedAJoinedSession) {
  EXPECT_EQ(client.session().setAudioMuted(true).error().code, ErrorCode::kNotInitialized);
  EXPECT_EQ(client.session().setLayout(CallLayout::kSpotlight).error().code,
            ErrorCode::kNotInitialized);
}

TEST_F(Session, AFeaturedLayoutPutsTheFirstRemoteInTheLargeTile) {
  joinFully({person("bob"), person("carol")});
  ASSERT_TRUE(client.session().setLayout(CallLayout::kSpotlight).ok());
  EXPECT_EQ(tileUids(), (std::vector<std::string>{"bob", "carol", ""}));
  EXPECT_EQ(*platform.fakeEvents.last("onCallLayoutChanged"), (json{{"layout", "SPOTLIGHT"}}));
}

TEST_F(Session, TheContainersControlsDriveTheSession) {
  joinFully();
  view.listener->onControl(Control::kToggleAudio);
  EXPECT_FALSE(platform.media->audioEnabled);
  view.listener->onControl(Control::kToggleVideo);
  EXPECT_FALSE(platform.media->videoEnabled);
  view.listener->onControl(Control::kLayout);
  EXPECT_EQ(view.scene->layout, CallLayout::kSidebar);
  view.listener->onControl(Control::kLeave);
  EXPECT_EQ(client.session().state(), State::kLeft);
  EXPECT_TRUE(platform.fakeEvents.last("onSessionLeft"));
}

}  // namespace
}  // namespace callsession::client
