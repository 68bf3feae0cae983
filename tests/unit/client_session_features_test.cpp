// The in-call features over fake ports: voice sessions, device switches, screen sharing, the
// active speaker and pinning.
#include "client_session_fixture.h"

namespace callsession::client {
namespace {

using nlohmann::json;
using testing::person;
using testing::Session;

using Answers = std::vector<Status>;
MediaDone recordInto(Answers& answers) {
  return [&answers](Status status) { answers.push_back(std::move(status)); };
}

class Features : public Session {
 protected:
  [[nodiscard]] const Tile& tile(const std::string& uid) const {
    for (const Tile& each : view.scene->tiles) {
      if (each.uid == uid) return each;
    }
    throw std::out_of_range("no tile for " + uid);
  }
  // The rectangle of the large slot of the current featured layout.
  [[nodiscard]] Rect largeSlot() const {
    return layoutTiles({view.scene->layout, {1280, 720}, view.scene->tiles.size()})[0];
  }
  // `uid` speaks loudly for a second, everyone else quiet.
  void speaks(const std::string& uid) {
    for (int i = 0; i < 5; ++i) {
      platform.fakeClock.now += 250;
      for (const auto& [remote, peer] : platform.peers) {
        peer->listener.onAudioLevel(remote == uid ? 0.3 : 0.0);
      }
    }
  }
  static ErrorCode codeOf(const Answers& answers) { return answers.at(0).error().code; }

  Answers answers;
};

// ---- Voice sessions ----------------------------------------------------------------------------

TEST_F(Features, AVoiceSessionShowsOneselfWithoutVideoAndTellsTheRoomThereIsNone) {
  join(token, R"({"sessionType":"VOICE"})");
  EXPECT_TRUE(view.opened->hideToggleVideo);
  EXPECT_TRUE(view.opened->hideShareScreen);
  platform.media->listener.onMediaReady();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer({person("bob")}));
  EXPECT_FALSE(tile("").hasVideo);
  EXPECT_TRUE(tile("bob").hasVideo);
  EXPECT_EQ(platform.socket->sentMessages().back(),
            signaling::ClientMessage(signaling::State{false, true}));
}

TEST_F(Features, AVoiceSessionRefusesEveryVideoRequest) {
  join(token, R"({"sessionType":"VOICE"})");
  platform.media->listener.onMediaReady();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer());
  EXPECT_TRUE(client.session().setVideoPaused(true).ok());  // it is
  EXPECT_EQ(client.session().setVideoPaused(false).error().code, ErrorCode::kSettingsInvalid);
  client.session().useDevice(MediaKind::kVideo, "cam", recordInto(answers));
  client.session().startScreenShare(recordInto(answers));
  ASSERT_EQ(answers.size(), 2U);
  EXPECT_EQ(answers[0].error().code, ErrorCode::kSettingsInvalid);
  EXPECT_EQ(answers[1].error().code, ErrorCode::kSettingsInvalid);
  EXPECT_TRUE(platform.media->deviceRequests.empty());
  EXPECT_TRUE(platform.media->shareRequests.empty());
}

TEST_F(Features, StartingPausedShowsThePauseFromTheFirstScene) {
  join(token, R"({"startVideoPaused":true,"startAudioMuted":true})");
  platform.media->listener.onMediaReady();
  platform.socket->listener.onSignalingOpen();
  platform.socket->receive(joinedAnswer({person("bob")}));
  EXPECT_TRUE(tile("").videoPaused);
  EXPECT_TRUE(tile("").audioMuted);
  EXPECT_TRUE(view.scene->videoPaused);
}

// ---- Devices ---------------------------------------------------------------------------------

TEST_F(Features, ADeviceSwitchGoesToTheMediaAndAnswersWhenItHasSwitched) {
  joinFully({person("bob")});
  client.session().useDevice(MediaKind::kAudio, "mic-2", recordInto(answers));
  ASSERT_EQ(platform.media->deviceRequests.size(), 1U);
  EXPECT_EQ(platform.media->deviceRequests[0].kind, MediaKind::kAudio);
  EXPECT_EQ(platform.media->deviceRequests[0].deviceId, "mic-2");
  EXPECT_TRUE(answers.empty());
  platform.media->deviceRequests[0].done(okStatus());
  ASSERT_EQ(answers.size(), 1U);
  EXPECT_TRUE(answers[0].ok());
  EXPECT_EQ(platform.peers.size(), 1U);  // the same connection: no renegotiation
}

TEST_F(Features, AFailedDeviceSwitchAnswersTheMediasError) {
  joinFully();
  client.session().useDevice(MediaKind::kVideo, "gone", recordInto(answers));
  platform.media->deviceRequests[0].done(
      makeError(ErrorCode::kMediaPermissionDenied, "No camera or microphone was found."));
  EXPECT_EQ(codeOf(answers), ErrorCode::kMediaPermissionDenied);
}

TEST_F(Features, ADeviceSwitchNeedsAJoinedSession) {
  client.session().useDevice(MediaKind::kAudio, "mic-2", recordInto(answers));
  EXPECT_EQ(codeOf(answers), ErrorCode::kNotInitialized);
}

TEST_F(Features, ALeaveAnswersASwitchStillInFlight) {
  joinFully();
  client.session().useDevice(MediaKind::kAudio, "mic-2", recordInto(answers));
  client.session().leave();
  EXPECT_EQ(codeOf(answers), ErrorCode::kNotInitialized);
  EXPECT_EQ(answers.size(), 1U);
}

// ---- Screen sharing --------------------------------------------------------------------------

TEST_F(Features, SharingAsksForAScreenAndShowsItIsOn) {
  joinFully({person("bob")});
  client.session().startScreenShare(recordInto(answers));
  ASSERT_EQ(platform.media->shareRequests.size(), 1U);
  EXPECT_TRUE(view.scene->screenSharing);
  platform.media->shareRequests[0](okStatus());
  ASSERT_EQ(answers.size(), 1U);
  EXPECT_TRUE(answers[0].ok());
  EXPECT_TRUE(view.scene->screenSharing);
}

TEST_F(Features, ARefusedShareIsAnErrorAndNotShown) {
  joinFully();
  client.session().startScreenShare(recordInto(answers));
  platform.media->shareRequests[0](makeError(ErrorCode::kMediaPermissionDenied, "denied"));
  EXPECT_EQ(codeOf(answers), ErrorCode::kMediaPermissionDenied);
  EXPECT_FALSE(view.scene->screenSharing);
}

TEST_F(Features, SharingResumesAPausedVideo) {
  joinFully();
  ASSERT_TRUE(client.session().setVideoPaused(true).ok());
  client.session().startScreenShare(recordInto(answers));
  platform.media->shareRequests[0](okStatus());
  EXPECT_TRUE(platform.media->videoEnabled);
  EXPECT_EQ(*platform.fakeEvents.last("onVideoPaused"),
            (json{{"uid", "ada"}, {"paused", false}, {"isLocal", true}}));
}

TEST_F(Features, StoppingSendsTheCameraAgain) {
  joinFully();
  client.session().startScreenShare(recordInto(answers));
  platform.media->shareRequests[0](okStatus());
  ASSERT_TRUE(client.session().stopScreenShare().ok());
  EXPECT_EQ(platform.media->shareStops, 1);
  EXPECT_FALSE(view.scene->screenSharing);
  ASSERT_TRUE(client.session().stopScreenShare().ok());  // idempotent
  EXPECT_EQ(platform.media->shareStops, 1);
}

TEST_F(Features, AShareEndedInTheBrowserRestoresTheCamera) {
  joinFully();
  client.session().startScreenShare(recordInto(answers));
  platform.media->shareRequests[0](okStatus());
  platform.media->listener.onScreenShareEnded();
  EXPECT_EQ(platform.media->shareStops, 1);
  EXPECT_FALSE(view.scene->screenSharing);
}

TEST_F(Features, AStopWhileTheBrowserStillAsksEndsTheShareOnArrival) {
  joinFully();
  client.session().startScreenShare(recordInto(answers));
  ASSERT_TRUE(client.session().stopScreenShare().ok());
  EXPECT_EQ(platform.media->shareStops, 0);  // nothing to stop yet
  platform.media->shareRequests[0](okStatus());
  EXPECT_EQ(platform.media->shareStops, 1);
  EXPECT_FALSE(view.scene->screenSharing);
}

TEST_F(Features, StartingTwiceAsksOnce) {
  joinFully();
  client.session().startScreenShare(recordInto(answers));
  client.session().startScreenShare(recordInto(answers));
  EXPECT_EQ(platform.media->shareRequests.size(), 1U);
  ASSERT_EQ(answers.size(), 1U);
  EXPECT_TRUE(answers[0].ok());
}

TEST_F(Features, TheShareControlTogglesSharing) {
  joinFully();
  view.listener->onControl(Control::kShareScreen);
  ASSERT_EQ(platform.media->shareRequests.size(), 1U);
  platform.media->shareRequests[0](okStatus());
  view.listener->onControl(Control::kShareScreen);
  EXPECT_EQ(platform.media->shareStops, 1);
}

// ---- Active speaker and pinning ----------------------------------------------------------------

TEST_F(Features, TheActiveSpeakerTakesTheSpotlight) {
  joinFully({person("bob"), person("carol")});
  ASSERT_TRUE(client.session().setLayout(CallLayout::kSpotlight).ok());
  EXPECT_EQ(tile("bob").rect, largeSlot());
  speaks("carol");
  EXPECT_TRUE(tile("carol").speaking);
  EXPECT_FALSE(tile("bob").speaking);
  EXPECT_EQ(tile("carol").rect, largeSlot());
}

TEST_F(Features, APinnedTileStaysLargeWhoeverSpeaks) {
  joinFully({person("bob"), person("carol")});
  ASSERT_TRUE(client.session().setLayout(CallLayout::kSidebar).ok());
  view.listener->onTileClicked("bob");
  EXPECT_TRUE(tile("bob").pinned);
  speaks("carol");
  EXPECT_EQ(tile("bob").rect, largeSlot());
  view.listener->onTileClicked("bob");  // unpins
  EXPECT_FALSE(tile("bob").pinned);
  EXPECT_EQ(tile("carol").rect, largeSlot());
}

TEST_F(Features, OneselfCanBePinned) {
  joinFully({person("bob")});
  ASSERT_TRUE(client.session().setLayout(CallLayout::kSpotlight).ok());
  view.listener->onTileClicked("");
  EXPECT_EQ(tile("").rect, largeSlot());
}

TEST_F(Features, APinnedParticipantWhoLeavesIsUnpinned) {
  joinFully({person("bob"), person("carol")});
  ASSERT_TRUE(client.session().setLayout(CallLayout::kSpotlight).ok());
  view.listener->onTileClicked("carol");
  platform.socket->receive(signaling::ParticipantLeft{"carol", signaling::LeaveReason::kLeft});
  EXPECT_EQ(tile("bob").rect, largeSlot());
}

}  // namespace
}  // namespace callsession::client
