#include "ice_recovery.h"

namespace callsession::client {

void IceRecovery::opened(int64_t nowMillis) {
  phase_ = Phase::kFirstConnect;
  wakeAt_ = nowMillis + kFirstConnectMillis;
}

IceRecovery::Action IceRecovery::onState(ConnectionState state, int64_t nowMillis) {
  if (phase_ == Phase::kDropped) return Action::kNone;
  switch (state) {
    case ConnectionState::kConnected:
      phase_ = Phase::kHealthy;
      attempts_ = 0;
      wakeAt_.reset();
      return Action::kNone;
    case ConnectionState::kDisconnected:
      // Only a connection that was up can be "disconnected", even if its "connected" went unseen.
      if (phase_ == Phase::kHealthy || phase_ == Phase::kFirstConnect) {
        phase_ = Phase::kDisconnected;
        wakeAt_ = nowMillis + kDisconnectedGraceMillis;
      }
      return Action::kNone;
    case ConnectionState::kFailed:
      // While recovering, a failure belongs to the attempt under way: its deadline decides.
      return phase_ == Phase::kRecovering ? Action::kNone : nextAttempt(nowMillis);
    case ConnectionState::kConnecting:
      return Action::kNone;
  }
  return Action::kNone;
}

IceRecovery::Action IceRecovery::onWake(int64_t nowMillis) {
  if (phase_ == Phase::kHealthy || phase_ == Phase::kDropped) return Action::kNone;
  return nextAttempt(nowMillis);
}

IceRecovery::Action IceRecovery::setRemoteInRoom(bool inRoom) {
  inRoom_ = inRoom;
  const bool broken = phase_ == Phase::kDisconnected || phase_ == Phase::kRecovering;
  return !inRoom && broken ? drop() : Action::kNone;
}

IceRecovery::Action IceRecovery::nextAttempt(int64_t nowMillis) {
  if (!inRoom_ || attempts_ == kMaxAttempts) return drop();
  ++attempts_;
  phase_ = Phase::kRecovering;
  wakeAt_ = nowMillis + kAttemptMillis;
  return restarts_ ? Action::kRestartIce : Action::kNone;
}

IceRecovery::Action IceRecovery::drop() {
  phase_ = Phase::kDropped;
  wakeAt_.reset();
  return Action::kDrop;
}

}  // namespace callsession::client
