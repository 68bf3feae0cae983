#include "core/session_gate.h"

#include <gtest/gtest.h>

namespace callsession {
namespace {

using Effects = std::vector<GateEffect>;
using Kind = GateEvent::Kind;
using State = SessionState;

GateEvent event(Kind kind, uint64_t generation = 0) {
  return GateEvent{kind, generation, {}};
}
SessionGate at(State state, uint64_t generation = 1) {
  return SessionGate{state, generation};
}

TEST(SessionGate, AJoinFromIdleStartsTheFirstGeneration) {
  GateStep s = step(SessionGate{}, event(Kind::kJoinRequested));
  EXPECT_EQ(s.gate, at(State::kJoining, 1));
  EXPECT_EQ(s.effects, Effects{GateEffect::kStartJoin});
}

TEST(SessionGate, AJoinAfterLeftOrErrorStartsTheNextGeneration) {
  for (State from : {State::kLeft, State::kError}) {
    GateStep s = step(at(from, 3), event(Kind::kJoinRequested));
    EXPECT_EQ(s.gate, at(State::kJoining, 4));
    EXPECT_EQ(s.effects, Effects{GateEffect::kStartJoin});
  }
}

TEST(SessionGate, ASecondJoinWhileJoiningIsRejectedAndChangesNothing) {
  GateStep s = step(at(State::kJoining), event(Kind::kJoinRequested));
  EXPECT_EQ(s.gate, at(State::kJoining));
  EXPECT_EQ(s.effects, Effects{GateEffect::kRejectJoin});
  EXPECT_EQ(s.error->code, ErrorCode::kJoinInProgress);
}

TEST(SessionGate, AJoinWhileALeaveTearsDownIsRejectedAsInProgress) {
  GateStep s = step(at(State::kLeaving), event(Kind::kJoinRequested));
  EXPECT_EQ(s.gate, at(State::kLeaving));
  EXPECT_EQ(s.error->code, ErrorCode::kJoinInProgress);
}

TEST(SessionGate, AJoinWhileJoinedIsRejectedAsAlreadyJoined) {
  GateStep s = step(at(State::kJoined), event(Kind::kJoinRequested));
  EXPECT_EQ(s.gate, at(State::kJoined));
  EXPECT_EQ(s.effects, Effects{GateEffect::kRejectJoin});
  EXPECT_EQ(s.error->code, ErrorCode::kAlreadyJoined);
}

TEST(SessionGate, ALeaveWhileJoiningCancelsTheJoinAndTearsDown) {
  GateStep s = step(at(State::kJoining), event(Kind::kLeaveRequested));
  EXPECT_EQ(s.gate, at(State::kLeaving));
  EXPECT_EQ(s.effects, (Effects{GateEffect::kResolveJoinFailed, GateEffect::kTeardown}));
  EXPECT_EQ(s.error->code, ErrorCode::kJoinCancelled);
}

TEST(SessionGate, ALeaveWhileJoinedTearsDownAndAnnouncesTheEnd) {
  GateStep s = step(at(State::kJoined), event(Kind::kLeaveRequested));
  EXPECT_EQ(s.gate, at(State::kLeaving));
  EXPECT_EQ(s.effects, (Effects{GateEffect::kTeardown, GateEffect::kEmitSessionLeft,
                                GateEffect::kEmitConnectionClosed}));
}

TEST(SessionGate, TeardownDoneSettlesALeaveInLeft) {
  GateStep s = step(at(State::kLeaving), event(Kind::kTeardownDone));
  EXPECT_EQ(s.gate, at(State::kLeft));
  EXPECT_TRUE(s.effects.empty());
}

TEST(SessionGate, TeardownDoneOutsideALeaveChangesNothing) {
  for (State from : {State::kIdle, State::kJoining, State::kJoined, State::kLeft, State::kError}) {
    GateStep s = step(at(from), event(Kind::kTeardownDone));
    EXPECT_EQ(s.gate, at(from)) << toString(from);
  }
}

TEST(SessionGate, LeaveIsIdempotent) {
  for (State from : {State::kIdle, State::kLeaving, State::kLeft}) {
    GateStep s = step(at(from), event(Kind::kLeaveRequested));
    EXPECT_EQ(s.gate, at(from)) << toString(from);
    EXPECT_TRUE(s.effects.empty()) << toString(from);
  }
}

TEST(SessionGate, ALeaveAfterAnErrorSettlesInLeftWithNothingToTearDown) {
  GateStep s = step(at(State::kError), event(Kind::kLeaveRequested));
  EXPECT_EQ(s.gate, at(State::kLeft));
  EXPECT_TRUE(s.effects.empty());
}

TEST(SessionGate, SuccessOfTheCurrentJoinResolvesItAndAnnouncesIt) {
  GateStep s = step(at(State::kJoining, 2), event(Kind::kJoinSucceeded, 2));
  EXPECT_EQ(s.gate, at(State::kJoined, 2));
  EXPECT_EQ(s.effects, (Effects{GateEffect::kResolveJoined, GateEffect::kEmitSessionJoined}));
}

TEST(SessionGate, ALateSuccessOfASupersededJoinDoesNothing) {
  GateStep s = step(at(State::kJoining, 2), event(Kind::kJoinSucceeded, 1));
  EXPECT_EQ(s.gate, at(State::kJoining, 2));
  EXPECT_TRUE(s.effects.empty());
}

TEST(SessionGate, ALateSuccessOfACancelledJoinDoesNothing) {
  for (State from : {State::kLeaving, State::kLeft}) {
    GateStep s = step(at(from, 1), event(Kind::kJoinSucceeded, 1));
    EXPECT_EQ(s.gate, at(from, 1)) << toString(from);
    EXPECT_TRUE(s.effects.empty());
  }
}

TEST(SessionGate, AFailedJoinResolvesWithItsErrorAndTearsDown) {
  GateStep s = step(at(State::kJoining),
                    GateEvent{Kind::kJoinFailed, 1,
                              makeError(ErrorCode::kMediaPermissionDenied, "camera denied")});
  EXPECT_EQ(s.gate, at(State::kError));
  EXPECT_EQ(s.effects, (Effects{GateEffect::kResolveJoinFailed, GateEffect::kTeardown}));
  EXPECT_EQ(s.error->code, ErrorCode::kMediaPermissionDenied);
}

TEST(SessionGate, AFailureOfASupersededJoinDoesNothing) {
  GateStep s = step(at(State::kJoined, 2), GateEvent{Kind::kJoinFailed, 1, {}});
  EXPECT_EQ(s.gate, at(State::kJoined, 2));
  EXPECT_TRUE(s.effects.empty());
}

TEST(SessionGate, AConnectionClosedWhileJoinedTearsDownAndAnnouncesOnlyTheClose) {
  GateStep s = step(at(State::kJoined), event(Kind::kConnectionClosed, 1));
  EXPECT_EQ(s.gate, at(State::kLeaving));
  EXPECT_EQ(s.effects, (Effects{GateEffect::kTeardown, GateEffect::kEmitConnectionClosed}));
}

TEST(SessionGate, AConnectionClosedWhileJoiningFailsTheJoinAsSignaling) {
  GateStep s = step(at(State::kJoining), event(Kind::kConnectionClosed, 1));
  EXPECT_EQ(s.gate, at(State::kError));
  EXPECT_EQ(s.error->code, ErrorCode::kSignalingFailed);
}

TEST(SessionGate, AClosedConnectionOfAnOlderGenerationDoesNothing) {
  GateStep s = step(at(State::kJoined, 3), event(Kind::kConnectionClosed, 2));
  EXPECT_EQ(s.gate, at(State::kJoined, 3));
  EXPECT_TRUE(s.effects.empty());
}

TEST(SessionGate, StateNamesAreThoseOfTheContract) {
  EXPECT_EQ(toString(State::kIdle), "idle");
  EXPECT_EQ(toString(State::kJoining), "joining");
  EXPECT_EQ(toString(State::kJoined), "joined");
  EXPECT_EQ(toString(State::kLeaving), "leaving");
  EXPECT_EQ(toString(State::kLeft), "left");
  EXPECT_EQ(toString(State::kError), "error");
}

}  // namespace
}  // namespace callsession
