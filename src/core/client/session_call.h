#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/client/active_speaker.h"
#include "core/client/session_controller.h"

namespace callsession::client {

// A joined call's attempts to get its signaling socket back.
struct Reconnection {
  int attempt = 0;
  int64_t since = 0;        // when the socket dropped
  uint64_t tokenAsked = 0;  // the token request whose answer is awaited; 0 for none
  std::unique_ptr<Timer> timer;
};

// Everything one join opened. Members are destroyed in reverse order: peers first, then the socket,
// then the camera.
struct SessionController::Call {
  enum class Share { kOff, kStarting, kOn };

  std::string token;
  JoinPlan plan;
  bool voice = false;
  bool audioMuted = false;
  bool videoPaused = false;
  Share share = Share::kOff;
  CallLayout layout = CallLayout::kTile;
  std::optional<std::string> pinned;  // a uid, "" for oneself
  ActiveSpeaker speaker;
  Size size;
  std::unique_ptr<LocalMedia> media;
  bool mediaReady = false;
  std::unique_ptr<SignalingChannel> signaling;
  bool socketOpened = false;
  std::optional<signaling::Joined> joined;
  // A server error that precedes its close; the close reports it.
  std::optional<Error> closeError;
  std::unique_ptr<Mesh> mesh;
  // The local preview starts playing once a remote video does, or a second after the roster at the
  // latest: playing a video is steady work for the page, and the others come first. Measured on a
  // 2-core machine (A/B, 14 joins each): with the preview playing from the first offer on, the
  // first remote frame came ~10% later (paired 0.88x holding it a second, 0.95x until connected).
  bool previewHeld = true;
  std::unique_ptr<Timer> previewTimer;
  bool relayRefusalReported = false;
  // A refusal reported while joining, told to the app once the join is announced.
  std::optional<Error> heldRefusal;
  // While the signaling socket is being reconnected; the call stays joined and its peers keep
  // their media meanwhile.
  std::optional<Reconnection> reconnect;
  // Remotes a restored roster lacked: they may be reconnecting too, so their peers stay until the
  // grace timer, and are dropped then unless they came back.
  std::vector<std::string> missing;
  std::unique_ptr<Timer> missingTimer;
};

}  // namespace callsession::client
