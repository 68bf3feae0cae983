#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/callback.h"
#include "core/client/account.h"
#include "core/client/join_validation.h"
#include "core/client/mesh.h"
#include "core/client/ports.h"
#include "core/clock_skew.h"
#include "core/session_gate.h"
#include "core/signaling/messages.h"
#include "core/used_tokens.h"

namespace callsession::client {

struct JoinRequest {
  std::string token;
  std::string settingsJson;
  std::unique_ptr<View> view;  // the container this join shows itself in
};

struct JoinInfo {
  std::string sessionId;
  std::string uid;

  friend bool operator==(const JoinInfo&, const JoinInfo&) = default;
};

using JoinDone = Callback<void(Result<JoinInfo>)>;

// joinSession and leaveSession: runs each join through the SessionGate and performs its effects.
// A join validates everything it can locally (validateJoin, then the container), then opens media
// and signaling at once; it is joined when both are ready and the server's roster is in, with one
// peer per remote participant. Every late answer of an ended join is ignored, by the gate's
// generation and because ending a join destroys the ports that could answer.
class SessionController final : private MediaListener,
                                private SignalingListener,
                                private ViewListener {
 public:
  SessionController(Platform& platform, const Account& account, ClockSkew& skew,
                    UsedTokens& usedTokens);
  ~SessionController() override;
  SessionController(const SessionController&) = delete;
  SessionController& operator=(const SessionController&) = delete;

  // `done` is called exactly once: at once for a refused request, else when the join ends.
  void join(JoinRequest request, JoinDone done);
  // Idempotent; cancels a join in flight (it ends with ERROR_JOIN_CANCELLED).
  void leave();

  // The local user's media and the layout; ERROR_NOT_INITIALIZED unless joined. A voice session
  // has no video: resuming it, choosing a camera or sharing a screen give ERROR_SETTINGS_INVALID.
  Status setAudioMuted(bool muted);
  Status setVideoPaused(bool paused);
  Status setLayout(CallLayout layout);
  // `done` is called exactly once, later; a leave first answers ERROR_NOT_INITIALIZED.
  void useDevice(MediaKind kind, const std::string& deviceId, MediaDone done);
  // Sharing also resumes a paused video: whoever shares means to be seen. Starting while sharing
  // or stopping while not are no-ops; a stop while the browser still asks ends the share at once.
  void startScreenShare(MediaDone done);
  Status stopScreenShare();

  [[nodiscard]] SessionState state() const { return gate_.state; }

 private:
  struct Call;
  struct NewJoin {
    JoinRequest& request;
    JoinDone& done;
  };

  void advance(const GateEvent& event, NewJoin* newJoin = nullptr);
  std::optional<Error> start(NewJoin& newJoin);
  void teardown();
  void emitFor(GateEffect effect, const GateEvent& event, const std::optional<Error>& error);

  void maybeComplete();
  // One peer connection per participant of the roster.
  void startMesh();
  void onServerMessage(signaling::ServerMessage message);
  // Reconnection (session_reconnect.cpp): a joined call whose socket drops without a server error
  // keeps its peers, tries again with a fresh token each time, and ends only past the bound.
  void onSignalingLost();
  void reconnect();
  void onReconnectToken(Result<IssuedToken> token);
  void restore(signaling::Joined joined);
  void dropMissing();
  // A peer whose connection no ICE restart brought back.
  void onPeerLost(std::string uid);
  void onEndOfCall(Error error);
  // Roster changes; true if something changed. `announce` emits the app events for it (once the
  // join has completed; before, onSessionJoined's list tells the app who is there). A newcomer
  // announced by the server offers to us (FirstOffer::kTheirs); one found in a roster we were
  // given (a rejoin's) is ours to offer to.
  bool apply(const signaling::ServerMessage& message, bool announce,
             FirstOffer firstOffer = FirstOffer::kTheirs);
  void sendState();
  void releasePreview();
  void render();
  Status requireVideo() const;
  // Wraps a caller's completion so that a leave answers it if the media port cannot any more.
  MediaDone awaitMedia(MediaDone done);
  void onAudioLevel(const std::string& uid, double level);
  // onError once per call: every peer meets the same refusing TURN server.
  void reportRelayRefusal(Error refusal);
  void emit(const char* name, const std::string& payload);
  Status requireJoined() const;
  [[nodiscard]] signaling::Participant self() const;
  [[nodiscard]] std::vector<signaling::Participant> remotes() const;

  // MediaListener
  void onMediaReady() override;
  void onMediaFailed(Error error) override;
  void onScreenShareEnded() override;
  // SignalingListener
  void onSignalingOpen() override;
  void onSignalingMessage(std::string_view text) override;
  void onSignalingClosed() override;
  // ViewListener
  void onControl(Control control) override;
  void onResized(Size size) override;
  void onTileClicked(const std::string& uid) override;
  void onRemoteVideoPlaying() override;

  Platform& platform_;
  const Account& account_;
  ClockSkew& skew_;
  UsedTokens& usedTokens_;
  SessionGate gate_;
  JoinInfo session_;  // of the latest join the server accepted; events name it after the end
  JoinDone pending_;
  std::unique_ptr<View> view_;  // kept after a join ends: its container shows "left" or "error"
  std::unique_ptr<Call> call_;  // what the current join opened; destroyed by teardown
  std::map<int, MediaDone> awaiting_;  // completions in flight, by request number
  int requests_ = 0;
  uint64_t tokenRequests_ = 0;  // numbers reconnection token requests, to recognise a stale answer
};

}  // namespace callsession::client
