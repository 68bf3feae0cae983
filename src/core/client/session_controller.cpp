#include "session_controller.h"

#include <algorithm>
#include <utility>

#include "core/client/events.h"
#include "core/client/layout.h"
#include "core/client/reconnect_policy.h"
#include "core/client/session_call.h"

namespace callsession::client {

using Kind = GateEvent::Kind;

namespace {
// The latest the local preview waits for a remote video (Call::previewHeld).
constexpr int64_t kPreviewHoldMillis = 1000;
}  // namespace

SessionController::SessionController(Platform& platform, const Account& account, ClockSkew& skew,
                                     UsedTokens& usedTokens)
    : platform_(platform), account_(account), skew_(skew), usedTokens_(usedTokens) {}

// Ports close as they are destroyed; nothing is announced for a client that is going away.
SessionController::~SessionController() = default;

void SessionController::join(JoinRequest request, JoinDone done) {
  NewJoin newJoin{request, done};
  advance({Kind::kJoinRequested, 0, std::nullopt}, &newJoin);
}

void SessionController::leave() {
  advance({Kind::kLeaveRequested, gate_.generation, std::nullopt});
}

void SessionController::advance(const GateEvent& event, NewJoin* newJoin) {
  const GateStep next = step(gate_, event);
  gate_ = next.gate;
  std::optional<Error> startFailure;
  std::vector<GateEffect> announcements;
  for (GateEffect effect : next.effects) {
    switch (effect) {
      case GateEffect::kStartJoin:
        startFailure = start(*newJoin);
        break;
      case GateEffect::kRejectJoin:
        newJoin->done(*next.error);
        break;
      case GateEffect::kResolveJoined:
        std::exchange(pending_, nullptr)(session_);
        break;
      case GateEffect::kResolveJoinFailed:
        if (pending_) std::exchange(pending_, nullptr)(*next.error);
        break;
      case GateEffect::kTeardown:
        teardown();
        gate_ = step(gate_, {Kind::kTeardownDone, gate_.generation, std::nullopt}).gate;
        break;
      case GateEffect::kEmitSessionJoined:
      case GateEffect::kEmitSessionLeft:
      case GateEffect::kEmitConnectionClosed:
        announcements.push_back(effect);  // once the gate has settled
        break;
    }
  }
  if (view_) view_->setState(gate_.state);
  for (GateEffect effect : announcements) emitFor(effect, event, next.error);
  if (startFailure) advance({Kind::kJoinFailed, gate_.generation, startFailure});
}

std::optional<Error> SessionController::start(NewJoin& newJoin) {
  view_ = std::move(newJoin.request.view);
  pending_ = std::move(newJoin.done);
  const int64_t nowMillis = platform_.clock().nowMillis();
  const int64_t serverNowSeconds = skew_.serverNowMillis(nowMillis) / 1000;
  auto plan = validateJoin(
      {account_.initialized(), account_.user() ? std::string_view(account_.user()->uid) : "",
       newJoin.request.token, newJoin.request.settingsJson, serverNowSeconds, &usedTokens_});
  if (!plan.ok()) return plan.error();
  const SessionSettings& settings = plan.value().settings;
  const bool voice = settings.sessionType == SessionType::kVoice;
  auto size =
      view_->open({settings.hideControlPanel, settings.hideLeaveSessionButton,
                   settings.hideToggleAudioButton, settings.hideToggleVideoButton || voice, voice},
                  *this);
  if (!size.ok()) return size.error();

  // From here the token is spent, whatever happens to this join.
  usedTokens_.markUsed(plan.value().claims.jti, plan.value().claims.exp, serverNowSeconds);
  call_ = std::make_unique<Call>();
  call_->token = std::move(newJoin.request.token);
  call_->plan = std::move(plan.value());
  call_->voice = voice;
  call_->audioMuted = settings.startAudioMuted;
  // A voice session never has a camera: the others see a paused video, hence a name, not black.
  call_->videoPaused = settings.startVideoPaused || voice;
  call_->layout = settings.layout;
  call_->size = size.value();
  // Media and signaling at once: neither waits for the other, and both before the page is built.
  // The socket first: it is the cheaper call, and its round trips are the longer path.
  call_->signaling = platform_.openSignaling(account_.webSocketUrl(), *this);
  call_->media = platform_.openMedia({true, !voice}, *this);
  view_->present();
  // The local tile and the controls now, while the socket and the camera are awaited: the browser
  // lays them out in that idle time, not in the busy moment the first offer is made, and the
  // preview shows as soon as the camera does.
  render();
  return std::nullopt;
}

void SessionController::teardown() {
  if (call_ && call_->joined && call_->signaling) {
    call_->signaling->send(signaling::serialize(signaling::Leave{}));
  }
  call_.reset();
  if (view_) view_->close();
  for (auto& [request, done] : std::exchange(awaiting_, {})) {
    done(makeError(ErrorCode::kNotInitialized, "The session ended before this completed."));
  }
}

void SessionController::emitFor(GateEffect effect, const GateEvent& event,
                                const std::optional<Error>& error) {
  switch (effect) {
    case GateEffect::kEmitSessionJoined:
      emit(events::kSessionJoined, events::session(session_.sessionId, session_.uid));
      emit(events::kParticipantListChanged, events::participantList(self(), remotes()));
      if (call_->heldRefusal) emit(events::kError, events::error(*call_->heldRefusal));
      break;
    case GateEffect::kEmitSessionLeft:
      emit(events::kSessionLeft, events::session(session_.sessionId, session_.uid));
      break;
    case GateEffect::kEmitConnectionClosed:
      emit(events::kConnectionClosed,
           events::connectionClosed(session_.sessionId, event.kind == Kind::kLeaveRequested,
                                    error ? &*error : nullptr));
      break;
    default:
      break;
  }
}

// ---- Joining ---------------------------------------------------------------------------------

void SessionController::onMediaReady() {
  call_->mediaReady = true;
  call_->media->setAudioEnabled(!call_->audioMuted);
  call_->media->setVideoEnabled(!call_->videoPaused);
  maybeComplete();
}

void SessionController::onMediaFailed(Error error) {
  advance({Kind::kJoinFailed, gate_.generation, std::move(error)});
}

void SessionController::onSignalingOpen() {
  call_->socketOpened = true;
  const std::string name = account_.user() ? account_.user()->name : "";
  call_->signaling->send(signaling::serialize(signaling::Join{call_->token, name}));
}

void SessionController::onSignalingMessage(std::string_view text) {
  auto message = signaling::parseServerMessage(text);
  // A message this SDK cannot read (a newer server's) changes nothing.
  if (message.ok()) onServerMessage(std::move(message.value()));
}

void SessionController::onSignalingClosed() {
  // A live call outlives its socket unless the server ended it with an error first.
  if (gate_.state == SessionState::kJoined && !call_->closeError) return onSignalingLost();
  std::optional<Error> error = call_->closeError;
  if (!error && !call_->socketOpened) {
    error = makeError(ErrorCode::kNetwork, "The signaling server could not be reached.");
  }
  advance({Kind::kConnectionClosed, gate_.generation, error});
}

void SessionController::onServerMessage(signaling::ServerMessage message) {
  if (auto* joined = std::get_if<signaling::Joined>(&message)) {
    if (joined->sessionId != call_->plan.claims.sid) {
      return onEndOfCall(makeError(ErrorCode::kTokenSessionMismatch,
                                   "The server joined another session than the token's."));
    }
    if (call_->joined) {
      if (call_->reconnect) restore(std::move(*joined));
      return;
    }
    skew_.observe(joined->serverTime, platform_.clock().nowMillis());
    session_ = {joined->sessionId, joined->uid};
    call_->joined = std::move(*joined);
    if (call_->audioMuted || call_->videoPaused) sendState();
    return maybeComplete();
  }
  if (auto* pong = std::get_if<signaling::Pong>(&message)) {
    return skew_.observe(pong->serverTime, platform_.clock().nowMillis());
  }
  if (auto* failure = std::get_if<signaling::Failure>(&message)) {
    return onEndOfCall(failure->error);
  }
  if (std::holds_alternative<signaling::SessionEnded>(message)) {
    return onEndOfCall(makeError(ErrorCode::kSessionExpired, "The meeting has ended."));
  }
  // Before the roster there is no mesh, and nothing to change: the server sends the roster first.
  if (!call_->mesh) return;
  if (apply(message, /*announce=*/true)) render();
}

// The server follows an error with a close. A join in flight fails now; a live call tells the app
// and ends when the close arrives, so that every end goes through the same path.
void SessionController::onEndOfCall(Error error) {
  if (gate_.state == SessionState::kJoining) {
    return advance({Kind::kJoinFailed, gate_.generation, std::move(error)});
  }
  // A rejoin the server only put off (too many joins at once) is tried again when the close comes.
  if (call_->reconnect && isWorthRetrying(error.code)) return;
  emit(events::kError, events::error(error));
  call_->closeError = std::move(error);
}

// The connections start as soon as the roster is known, before the camera answers: offers and ICE
// need no tracks (each connection takes them when they come, see PeerConnection), and a camera can
// take as long to start as the whole handshake. The join completes once both are there.
void SessionController::maybeComplete() {
  if (!call_->joined) return;
  if (!call_->mesh) startMesh();
  if (call_->mediaReady && gate_.state == SessionState::kJoining) {
    advance({Kind::kJoinSucceeded, gate_.generation, std::nullopt});
  }
}

void SessionController::startMesh() {
  const signaling::Joined& joined = *call_->joined;
  // While reconnecting there is no socket: a signal then is lost, as it would be in flight.
  auto sendSignal = [this](const std::string& to, std::string dataJson) {
    if (!call_->signaling) return;
    call_->signaling->send(signaling::serialize(signaling::Signal{to, std::move(dataJson)}));
  };
  auto onLevel = [this](const std::string& uid, double level) { onAudioLevel(uid, level); };
  auto onLost = [this](std::string uid) { onPeerLost(std::move(uid)); };
  auto onRelayRefused = [this](Error refusal) { reportRelayRefusal(std::move(refusal)); };
  call_->mesh = std::make_unique<Mesh>(platform_, joined.uid, joined.iceServersJson,
                                       call_->plan.settings.iceTransportPolicy, sendSignal, onLevel,
                                       onLost, onRelayRefused);
  for (const auto& participant : joined.participants) call_->mesh->add(participant);
  if (call_->mesh->remotes().empty()) {
    call_->previewHeld = false;  // nobody else to see first
  } else if (call_->previewHeld) {
    call_->previewTimer = platform_.startTimer(kPreviewHoldMillis, [this] { releasePreview(); });
  }
  render();
}

// ---- In the call -----------------------------------------------------------------------------

bool SessionController::apply(const signaling::ServerMessage& message, bool announce,
                              FirstOffer firstOffer) {
  Mesh& mesh = *call_->mesh;
  // Until the join completes nothing is announced: onSessionJoined's participant list says who is
  // there then.
  announce = announce && gate_.state == SessionState::kJoined;
  bool changed = false;
  if (const auto* joined = std::get_if<signaling::ParticipantJoined>(&message)) {
    std::erase(call_->missing, joined->participant.uid);  // back: its peer lives on
    mesh.setInRoom(joined->participant.uid, true);
    changed = mesh.add(joined->participant, firstOffer);
    if (changed && announce) {
      emit(events::kParticipantJoined, events::participant(joined->participant));
    }
  } else if (const auto* left = std::get_if<signaling::ParticipantLeft>(&message)) {
    changed = mesh.remove(left->uid);
    call_->speaker.forget(left->uid);
    if (call_->pinned == left->uid) call_->pinned.reset();
    if (changed && announce) {
      emit(events::kParticipantLeft, events::participantLeft(left->uid, left->reason));
    }
  } else if (const auto* state = std::get_if<signaling::ParticipantState>(&message)) {
    const std::vector<signaling::Participant> before = remotes();
    const auto was = std::find_if(before.begin(), before.end(),
                                  [&](const auto& p) { return p.uid == state->uid; });
    changed = mesh.setMediaState(state->uid, state->audioMuted, state->videoPaused);
    if (changed && announce) {
      if (was->audioMuted != state->audioMuted) {
        emit(events::kAudioMuted, events::audioMuted(state->uid, state->audioMuted, false));
      }
      if (was->videoPaused != state->videoPaused) {
        emit(events::kVideoPaused, events::videoPaused(state->uid, state->videoPaused, false));
      }
    }
  } else if (const auto* signal = std::get_if<signaling::RelayedSignal>(&message)) {
    mesh.onSignal(signal->from, signal->dataJson);
  }
  if (changed && announce) {
    emit(events::kParticipantListChanged, events::participantList(self(), remotes()));
  }
  return changed;
}

Status SessionController::requireJoined() const {
  if (gate_.state == SessionState::kJoined) return okStatus();
  return makeError(ErrorCode::kNotInitialized, "Not in a session: join one first.");
}

Status SessionController::setAudioMuted(bool muted) {
  if (auto joined = requireJoined(); !joined.ok()) return joined;
  if (call_->audioMuted == muted) return okStatus();
  call_->audioMuted = muted;
  call_->media->setAudioEnabled(!muted);
  sendState();
  render();
  emit(events::kAudioMuted, events::audioMuted(self().uid, muted, true));
  return okStatus();
}

Status SessionController::requireVideo() const {
  if (auto joined = requireJoined(); !joined.ok()) return joined;
  if (!call_->voice) return okStatus();
  return makeError(ErrorCode::kSettingsInvalid, "A VOICE session has no video.");
}

Status SessionController::setVideoPaused(bool paused) {
  if (auto joined = requireJoined(); !joined.ok()) return joined;
  if (call_->videoPaused == paused) return okStatus();
  if (auto video = requireVideo(); !video.ok()) return video;
  call_->videoPaused = paused;
  call_->media->setVideoEnabled(!paused);
  sendState();
  render();
  emit(events::kVideoPaused, events::videoPaused(self().uid, paused, true));
  return okStatus();
}

Status SessionController::setLayout(CallLayout layout) {
  if (auto joined = requireJoined(); !joined.ok()) return joined;
  if (call_->layout == layout) return okStatus();
  call_->layout = layout;
  render();
  emit(events::kCallLayoutChanged, events::layoutChanged(layout));
  return okStatus();
}

void SessionController::onControl(Control control) {
  if (gate_.state != SessionState::kJoined) return;
  switch (control) {
    case Control::kLeave:
      return leave();
    case Control::kToggleAudio:
      setAudioMuted(!call_->audioMuted);
      return;
    case Control::kToggleVideo:
      setVideoPaused(!call_->videoPaused);
      return;
    case Control::kLayout: {
      // TILE → SIDEBAR → SPOTLIGHT → TILE
      const auto next = static_cast<CallLayout>((static_cast<int>(call_->layout) + 1) % 3);
      setLayout(next);
      return;
    }
    case Control::kShareScreen:
      if (call_->share == Call::Share::kOff) return startScreenShare([](const Status&) {});
      stopScreenShare();
      return;
  }
}

void SessionController::onRemoteVideoPlaying() {
  if (call_) releasePreview();
}

void SessionController::onTileClicked(const std::string& uid) {
  if (gate_.state != SessionState::kJoined) return;
  if (call_->pinned == uid) {
    call_->pinned.reset();
  } else {
    call_->pinned = uid;
  }
  render();
}

MediaDone SessionController::awaitMedia(MediaDone done) {
  const int request = ++requests_;
  awaiting_.emplace(request, std::move(done));
  return [this, request](Status status) {
    auto it = awaiting_.find(request);
    if (it == awaiting_.end()) return;
    MediaDone answer = std::move(it->second);
    awaiting_.erase(it);
    answer(std::move(status));
  };
}

void SessionController::useDevice(MediaKind kind, const std::string& deviceId, MediaDone done) {
  const Status usable = kind == MediaKind::kVideo ? requireVideo() : requireJoined();
  if (!usable.ok()) return done(usable);
  call_->media->useDevice(kind, deviceId, awaitMedia(std::move(done)));
}

void SessionController::startScreenShare(MediaDone done) {
  if (auto video = requireVideo(); !video.ok()) return done(video);
  if (call_->share != Call::Share::kOff) return done(okStatus());
  call_->share = Call::Share::kStarting;
  render();
  // The media port is destroyed with the call, so this runs only while the call lives.
  call_->media->startScreenShare([this, answer = awaitMedia(std::move(done))](Status status) {
    const bool stoppedMeanwhile = call_->share == Call::Share::kOff;
    call_->share = status.ok() && !stoppedMeanwhile ? Call::Share::kOn : Call::Share::kOff;
    if (status.ok() && stoppedMeanwhile) call_->media->stopScreenShare();
    if (call_->share == Call::Share::kOn && call_->videoPaused) setVideoPaused(false);
    render();
    answer(std::move(status));
  });
}

Status SessionController::stopScreenShare() {
  if (auto joined = requireJoined(); !joined.ok()) return joined;
  if (call_->share == Call::Share::kOn) call_->media->stopScreenShare();
  if (call_->share != Call::Share::kOff) {
    call_->share = Call::Share::kOff;
    render();
  }
  return okStatus();
}

void SessionController::onScreenShareEnded() {
  if (call_->share == Call::Share::kOn) stopScreenShare();
}

void SessionController::onAudioLevel(const std::string& uid, double level) {
  if (call_->speaker.observe(uid, level, platform_.clock().nowMillis())) render();
}

void SessionController::reportRelayRefusal(Error refusal) {
  if (std::exchange(call_->relayRefusalReported, true)) return;
  // Connections gather from the roster on, before the camera answers: the app hears of the call
  // (onSessionJoined) before it hears of its trouble, and nothing of a join that then fails.
  if (gate_.state != SessionState::kJoined) {
    call_->heldRefusal = std::move(refusal);
    return;
  }
  emit(events::kError, events::error(refusal));
}

void SessionController::onResized(Size size) {
  if (!call_ || call_->size == size) return;
  call_->size = size;
  render();
}

void SessionController::releasePreview() {
  if (!call_->previewHeld) return;
  call_->previewHeld = false;
  call_->previewTimer.reset();
  render();
}

// Without a socket the server learns the state when the call is restored.
void SessionController::sendState() {
  if (!call_->signaling) return;
  call_->signaling->send(
      signaling::serialize(signaling::State{call_->audioMuted, call_->videoPaused}));
}

// The large tile of the featured layouts goes to the pinned participant, else the one speaking,
// else the first remote one: oneself comes last there.
void SessionController::render() {
  Scene scene{
      {}, call_->audioMuted, call_->videoPaused, call_->share != Call::Share::kOff, call_->layout};
  const signaling::Participant me = self();
  const Tile local{
      "", me.name, {}, me.audioMuted, me.videoPaused, !call_->voice, call_->previewHeld};
  const std::vector<signaling::Participant> others = remotes();
  const bool localFirst = call_->layout == CallLayout::kTile || others.empty();
  if (localFirst) scene.tiles.push_back(local);
  for (const auto& p : others)
    scene.tiles.push_back({p.uid, p.name, {}, p.audioMuted, p.videoPaused});
  if (!localFirst) scene.tiles.push_back(local);
  LayoutInput input{call_->layout, call_->size, scene.tiles.size(), std::nullopt, std::nullopt};
  const std::string& speaker = call_->speaker.speaker();
  for (size_t i = 0; i < scene.tiles.size(); ++i) {
    Tile& tile = scene.tiles[i];
    tile.pinned = call_->pinned == tile.uid;
    tile.speaking = !speaker.empty() && speaker == tile.uid;
    if (tile.pinned) input.pinned = i;
    if (tile.speaking) input.speaking = i;
  }
  const auto rects = layoutTiles(input);
  for (size_t i = 0; i < rects.size(); ++i) scene.tiles[i].rect = rects[i];
  view_->render(scene);
}

signaling::Participant SessionController::self() const {
  signaling::Participant me{session_.uid, account_.user() ? account_.user()->name : "", 0, false,
                            false};
  if (call_) {
    if (call_->joined) me.joinedAt = call_->joined->serverTime;
    me.audioMuted = call_->audioMuted;
    me.videoPaused = call_->videoPaused;
  }
  return me;
}

std::vector<signaling::Participant> SessionController::remotes() const {
  std::vector<signaling::Participant> list;
  if (!call_ || !call_->mesh) return list;
  for (const auto& remote : call_->mesh->remotes()) list.push_back(remote.participant);
  return list;
}

void SessionController::emit(const char* name, const std::string& payload) {
  platform_.events().emit(name, payload);
}

}  // namespace callsession::client
