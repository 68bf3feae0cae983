#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "result.h"

namespace callsession {

// The join/leave state machine. States are the contract's `data-callsession-state` values.
enum class SessionState { kIdle, kJoining, kJoined, kLeaving, kLeft, kError };
std::string_view toString(SessionState state);

// What happens to a gate. Completions name the generation of the join they belong to, so a late
// answer for a join that was cancelled (or superseded) is recognised and ignored.
struct GateEvent {
  enum class Kind {
    kJoinRequested,
    kLeaveRequested,
    kJoinSucceeded,     // media, signaling and roster are in place for `generation`
    kJoinFailed,        // `error` says why
    kConnectionClosed,  // the server or network ended the connection of `generation`
    kTeardownDone,      // the owner finished a kTeardown effect
  };
  Kind kind = Kind::kJoinRequested;
  uint64_t generation = 0;
  std::optional<Error> error;
};

// What the owner of the gate must do after a step, in order. The gate itself does nothing: it is a
// pure function, so tests read its effects and the browser binding performs them.
enum class GateEffect {
  kStartJoin,          // open media and signaling for the gate's (new) generation
  kRejectJoin,         // resolve only the join just requested, with `error`; nothing else changes
  kResolveJoined,      // resolve the pending join with data
  kResolveJoinFailed,  // resolve the pending join with `error`
  kTeardown,           // close all the previous generation opened, then send kTeardownDone
  kEmitSessionJoined,
  kEmitSessionLeft,
  kEmitConnectionClosed,
};

struct SessionGate {
  SessionState state = SessionState::kIdle;
  uint64_t generation = 0;  // counts accepted joins; the current join's number

  friend bool operator==(const SessionGate&, const SessionGate&) = default;
};

struct GateStep {
  SessionGate gate;
  std::vector<GateEffect> effects;
  std::optional<Error> error;  // for kRejectJoin and kResolveJoinFailed
};

// The one transition function. Rules, in short:
// - a join from idle/left/error starts generation+1; while joining it is rejected with
//   ERROR_JOIN_IN_PROGRESS (also while a leave is tearing down), while joined ERROR_ALREADY_JOINED;
// - a leave while joining cancels that join (ERROR_JOIN_CANCELLED) and tears down what it opened;
//   a leave while joined tears down and announces the end; otherwise a leave does nothing;
// - a completion whose generation is not the current one, or that arrives in a state that is not
//   waiting for it, does nothing.
// Owners should dispatch kEmit* effects only after performing kTeardown and feeding kTeardownDone,
// so that an event handler that joins again sees a settled gate.
GateStep step(const SessionGate& gate, const GateEvent& event);

}  // namespace callsession
