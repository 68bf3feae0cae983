#pragma once

#include <cstdint>
#include <optional>

#include "core/client/ports.h"

namespace callsession::client {

// What one peer does when its connection breaks: ask for an ICE restart a bounded number of times
// and drop the peer only if none brings the connection back. A restart is a new offer, so only one
// side makes it — the impolite one, as in perfect negotiation (peer.h) — and the polite side
// answers it, keeping the same deadlines so that both give up together. "failed" starts recovery
// at once; "disconnected" often heals by itself, so it starts recovery only if it lasts the grace.
// A remote the server no longer lists (reconnecting or gone) gets no restart: a failure drops it.
// A new connection that never comes up at all (a candidate exchange lost in an offer collision, a
// path that never worked) is treated as broken once its first-connect deadline passes, so it gets
// the same restarts instead of leaving a black tile for the rest of the call.
//
// Pure: it sees states and the time, and answers what to do; its owner keeps one timer at
// wakeAt() and calls onWake() when it fires.
class IceRecovery {
 public:
  static constexpr int64_t kDisconnectedGraceMillis = 3000;
  // How long each restart has to bring the connection back; on loopback or a LAN one takes well
  // under a second, over a relay a few.
  static constexpr int64_t kAttemptMillis = 5000;
  static constexpr int kMaxAttempts = 3;
  // How long a new connection has to come up before it counts as broken: loopback and LAN take
  // well under a second, a first connection over TURN a few.
  static constexpr int64_t kFirstConnectMillis = 10000;

  enum class Action { kNone, kRestartIce, kDrop };

  // `restarts`: this side makes the restart offers (the impolite one).
  explicit IceRecovery(bool restarts) : restarts_(restarts) {}

  // The connection was opened at `nowMillis`: from here it has kFirstConnectMillis to connect.
  void opened(int64_t nowMillis);
  Action onState(ConnectionState state, int64_t nowMillis);
  Action onWake(int64_t nowMillis);
  // Whether the server's roster lists the remote; a remote gone from it while recovering is
  // dropped at once.
  Action setRemoteInRoom(bool inRoom);

  // When onWake() is due, if anything is awaited.
  [[nodiscard]] std::optional<int64_t> wakeAt() const { return wakeAt_; }

 private:
  enum class Phase { kHealthy, kFirstConnect, kDisconnected, kRecovering, kDropped };

  Action nextAttempt(int64_t nowMillis);
  Action drop();

  bool restarts_;
  bool inRoom_ = true;
  Phase phase_ = Phase::kHealthy;
  int attempts_ = 0;
  std::optional<int64_t> wakeAt_;
};

}  // namespace callsession::client
