// SessionController's reconnection: the part of a joined call that survives its signaling socket.
#include <algorithm>
#include <utility>

#include "core/client/events.h"
#include "core/client/reconnect_policy.h"
#include "core/client/session_call.h"

namespace callsession::client {

using Kind = GateEvent::Kind;

// The first drop announces itself; every failed attempt comes back here for the next one.
void SessionController::onSignalingLost() {
  const int64_t now = platform_.clock().nowMillis();
  call_->signaling.reset();
  call_->socketOpened = false;
  if (call_->reconnect) {
    ++call_->reconnect->attempt;
  } else {
    call_->reconnect.emplace();
    call_->reconnect->since = now;
    emit(events::kConnectionLost, events::session(session_.sessionId, session_.uid));
  }
  Reconnection& state = *call_->reconnect;
  state.tokenAsked = 0;
  const auto delay =
      ReconnectPolicy::delayBefore(state.attempt, now - state.since, platform_.random());
  if (!delay) {
    return advance({Kind::kConnectionClosed, gate_.generation,
                    makeError(ErrorCode::kNetwork, "The signaling server could not be reached.")});
  }
  state.timer = platform_.startTimer(*delay, [this] { reconnect(); });
}

// Tokens are single use, so every attempt mints its own.
void SessionController::reconnect() {
  const uint64_t request = ++tokenRequests_;
  call_->reconnect->tokenAsked = request;
  // The account outlives the call: its answer may come after a leave, or for an older attempt.
  account_.generateToken(session_.sessionId, [this, request](Result<IssuedToken> token) {
    if (!call_ || !call_->reconnect || call_->reconnect->tokenAsked != request) return;
    onReconnectToken(std::move(token));
  });
}

void SessionController::onReconnectToken(Result<IssuedToken> token) {
  call_->reconnect->tokenAsked = 0;
  if (!token.ok()) {
    // An unreachable or busy server is worth another try; a refusal (meeting expired, logged out)
    // is not.
    if (isWorthRetrying(token.error().code)) return onSignalingLost();
    return advance({Kind::kConnectionClosed, gate_.generation, token.error()});
  }
  call_->token = std::move(token.value().token);
  call_->signaling = platform_.openSignaling(account_.webSocketUrl(), *this);
}

// The server's roster is the truth again: newcomers get a peer, known remotes keep theirs, and the
// ones it lacks get a grace period before they are dropped.
void SessionController::restore(signaling::Joined joined) {
  skew_.observe(joined.serverTime, platform_.clock().nowMillis());
  call_->reconnect.reset();
  Mesh& mesh = *call_->mesh;
  // Before any newcomer's peer opens, and before an ICE restart could use expired credentials.
  mesh.setIceServers(joined.iceServersJson);
  std::vector<std::string> missing;
  for (const auto& remote : mesh.remotes()) {
    const std::string& uid = remote.participant.uid;
    const bool listed = std::any_of(joined.participants.begin(), joined.participants.end(),
                                    [&uid](const auto& p) { return p.uid == uid; });
    if (!listed) missing.push_back(uid);
  }
  bool stateChanged = false;
  for (const auto& participant : joined.participants) {
    apply(signaling::ParticipantJoined{participant}, /*announce=*/true, FirstOffer::kOurs);
    stateChanged |=
        mesh.setMediaState(participant.uid, participant.audioMuted, participant.videoPaused);
  }
  call_->missing = missing;
  call_->missingTimer =
      call_->missing.empty()
          ? nullptr
          : platform_.startTimer(ReconnectPolicy::kMissingGraceMillis, [this] { dropMissing(); });
  for (const auto& uid : missing) mesh.setInRoom(uid, false);  // a broken one goes now
  call_->joined = std::move(joined);
  if (call_->audioMuted || call_->videoPaused) sendState();  // the server forgot it
  render();
  emit(events::kConnectionRestored, events::session(session_.sessionId, session_.uid));
  if (stateChanged) {
    emit(events::kParticipantListChanged, events::participantList(self(), remotes()));
  }
}

// Dropped as one that stopped answering: from here it is gone all the same.
void SessionController::onPeerLost(std::string uid) {
  std::erase(call_->missing, uid);
  const signaling::ParticipantLeft left{std::move(uid), signaling::LeaveReason::kVanished};
  if (apply(left, /*announce=*/true)) render();
}

void SessionController::dropMissing() {
  for (const auto& uid : std::exchange(call_->missing, {})) {
    apply(signaling::ParticipantLeft{uid, signaling::LeaveReason::kVanished}, /*announce=*/true);
  }
  render();
}

}  // namespace callsession::client
