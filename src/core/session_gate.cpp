#include "session_gate.h"

#include <array>

namespace callsession {
namespace {

using Kind = GateEvent::Kind;
using State = SessionState;

GateStep stay(const SessionGate& gate) {
  return GateStep{gate, {}, std::nullopt};
}

GateStep reject(const SessionGate& gate, ErrorCode code, std::string message) {
  return GateStep{gate, {GateEffect::kRejectJoin}, makeError(code, std::move(message))};
}

GateStep onJoinRequested(const SessionGate& gate) {
  switch (gate.state) {
    case State::kJoining:
      return reject(gate, ErrorCode::kJoinInProgress, "A join is already in progress.");
    case State::kLeaving:
      return reject(gate, ErrorCode::kJoinInProgress, "A leave is still in progress.");
    case State::kJoined:
      return reject(gate, ErrorCode::kAlreadyJoined, "Already joined; leave first.");
    case State::kIdle:
    case State::kLeft:
    case State::kError:
      return GateStep{{State::kJoining, gate.generation + 1}, {GateEffect::kStartJoin}, {}};
  }
  return stay(gate);
}

GateStep onLeaveRequested(const SessionGate& gate) {
  switch (gate.state) {
    case State::kJoining:
      return GateStep{{State::kLeaving, gate.generation},
                      {GateEffect::kResolveJoinFailed, GateEffect::kTeardown},
                      makeError(ErrorCode::kJoinCancelled, "The join was cancelled by a leave.")};
    case State::kJoined:
      return GateStep{
          {State::kLeaving, gate.generation},
          {GateEffect::kTeardown, GateEffect::kEmitSessionLeft, GateEffect::kEmitConnectionClosed},
          {}};
    case State::kError:
      return GateStep{{State::kLeft, gate.generation}, {}, {}};
    case State::kIdle:
    case State::kLeaving:
    case State::kLeft:
      return stay(gate);
  }
  return stay(gate);
}

// Completions of the current join; anything else was decided already.
bool isCurrent(const SessionGate& gate, const GateEvent& event, State expected) {
  return gate.state == expected && event.generation == gate.generation;
}

GateStep onJoinFailed(const SessionGate& gate, Error error) {
  return GateStep{{State::kError, gate.generation},
                  {GateEffect::kResolveJoinFailed, GateEffect::kTeardown},
                  std::move(error)};
}

}  // namespace

std::string_view toString(SessionState state) {
  static constexpr std::array<std::string_view, 6> kNames{"idle",    "joining", "joined",
                                                          "leaving", "left",    "error"};
  return kNames.at(static_cast<size_t>(state));
}

GateStep step(const SessionGate& gate, const GateEvent& event) {
  switch (event.kind) {
    case Kind::kJoinRequested:
      return onJoinRequested(gate);
    case Kind::kLeaveRequested:
      return onLeaveRequested(gate);
    case Kind::kJoinSucceeded:
      if (!isCurrent(gate, event, State::kJoining)) return stay(gate);
      return GateStep{{State::kJoined, gate.generation},
                      {GateEffect::kResolveJoined, GateEffect::kEmitSessionJoined},
                      {}};
    case Kind::kJoinFailed:
      if (!isCurrent(gate, event, State::kJoining)) return stay(gate);
      return onJoinFailed(gate,
                          event.error.value_or(makeError(ErrorCode::kNetwork, "Join failed.")));
    case Kind::kConnectionClosed:
      if (isCurrent(gate, event, State::kJoining)) {
        return onJoinFailed(
            gate, event.error.value_or(
                      makeError(ErrorCode::kSignalingFailed, "The server closed the connection.")));
      }
      if (!isCurrent(gate, event, State::kJoined)) return stay(gate);
      return GateStep{{State::kLeaving, gate.generation},
                      {GateEffect::kTeardown, GateEffect::kEmitConnectionClosed},
                      event.error};
    case Kind::kTeardownDone:
      if (gate.state != State::kLeaving) return stay(gate);
      return GateStep{{State::kLeft, gate.generation}, {}, {}};
  }
  return stay(gate);
}

}  // namespace callsession
