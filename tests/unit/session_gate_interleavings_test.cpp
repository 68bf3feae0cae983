// Every interleaving of what a page and the network can do to a gate, up to depth 8, checked
// against a small reference model and the properties users rely on: at most one live connection,
// every join answered exactly once, and never "joined, then left" unless a leave was asked for.
// React StrictMode's mount → unmount → mount is among the sequences.
#include <gtest/gtest.h>

#include <array>
#include <deque>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/session_gate.h"

namespace callsession {
namespace {

enum class Action { kJoin, kLeave, kComplete, kFail, kClose };
constexpr std::array<Action, 5> kActions{Action::kJoin, Action::kLeave, Action::kComplete,
                                         Action::kFail, Action::kClose};
constexpr int kDepth = 8;

const char* name(Action action) {
  static constexpr std::array<const char*, 5> kNames{"join", "leave", "complete", "fail", "close"};
  return kNames.at(static_cast<size_t>(action));
}

// What a join call ends with: nothing yet, success, or an error code.
struct Answer {
  bool answered = false;
  std::optional<ErrorCode> error;
  friend bool operator==(const Answer&, const Answer&) = default;
};

// The reference: the same contract told as plainly as possible, with no effects and no transient
// leaving state. `connected` stands for "a join succeeded and nothing ended it".
struct Reference {
  enum class Phase { kIdle, kPending, kConnected, kEnded, kFailed };
  Phase phase = Phase::kIdle;
  uint64_t generation = 0;
  std::vector<Answer> answers;  // one per join call, in call order
  size_t pendingCall = 0;

  void join() {
    answers.emplace_back();
    if (phase == Phase::kPending) return answer(answers.size() - 1, ErrorCode::kJoinInProgress);
    if (phase == Phase::kConnected) return answer(answers.size() - 1, ErrorCode::kAlreadyJoined);
    ++generation;
    phase = Phase::kPending;
    pendingCall = answers.size() - 1;
  }
  void leave() {
    if (phase == Phase::kPending) answer(pendingCall, ErrorCode::kJoinCancelled);
    if (phase != Phase::kIdle) phase = Phase::kEnded;
  }
  void complete(uint64_t g) {
    if (phase != Phase::kPending || g != generation) return;
    phase = Phase::kConnected;
    answers[pendingCall] = Answer{true, std::nullopt};
  }
  void fail(uint64_t g, ErrorCode code) {
    if (phase == Phase::kPending && g == generation) {
      answer(pendingCall, code);
      phase = Phase::kFailed;
    }
  }
  void close(uint64_t g) {
    if (phase == Phase::kPending) return fail(g, ErrorCode::kSignalingFailed);
    if (phase == Phase::kConnected && g == generation) phase = Phase::kEnded;
  }
  void answer(size_t call, ErrorCode code) { answers[call] = Answer{true, code}; }

  [[nodiscard]] SessionState state() const {
    static constexpr std::array<SessionState, 5> kStates{
        SessionState::kIdle, SessionState::kJoining, SessionState::kJoined, SessionState::kLeft,
        SessionState::kError};
    return kStates.at(static_cast<size_t>(phase));
  }
};

// The gate's owner as the browser binding is: it performs effects, counts what is open, and
// records what it tells the page.
struct Owner {
  SessionGate gate;
  std::vector<Answer> answers;
  size_t pendingCall = 0;
  std::deque<uint64_t> inFlight;           // joins whose network work has not reported yet
  std::optional<uint64_t> liveGeneration;  // the generation whose connection is open
  int liveConnections = 0;
  int leavesAsked = 0;
  int sessionLeftEvents = 0;
  int sessionJoinedEvents = 0;
  int connectionClosedEvents = 0;
  std::string failure;  // first property violated, if any

  void apply(const GateEvent& event) {
    const GateStep s = step(gate, event);
    gate = s.gate;
    for (GateEffect effect : s.effects) perform(effect, s);
  }

  void perform(GateEffect effect, const GateStep& s) {
    switch (effect) {
      case GateEffect::kStartJoin:
        pendingCall = answers.size() - 1;
        inFlight.push_back(gate.generation);
        liveGeneration = gate.generation;
        ++liveConnections;
        break;
      case GateEffect::kRejectJoin:
        answerCall(answers.size() - 1, s.error ? std::optional(s.error->code) : std::nullopt);
        break;
      case GateEffect::kResolveJoined:
        answerCall(pendingCall, std::nullopt);
        break;
      case GateEffect::kResolveJoinFailed:
        answerCall(pendingCall, s.error ? std::optional(s.error->code) : std::nullopt);
        break;
      case GateEffect::kTeardown:
        if (liveConnections > 0) --liveConnections;
        liveGeneration.reset();
        apply(GateEvent{GateEvent::Kind::kTeardownDone, gate.generation, {}});
        break;
      case GateEffect::kEmitSessionJoined:
        ++sessionJoinedEvents;
        break;
      case GateEffect::kEmitSessionLeft:
        ++sessionLeftEvents;
        if (sessionLeftEvents > leavesAsked) fail("onSessionLeft without a leave");
        break;
      case GateEffect::kEmitConnectionClosed:
        ++connectionClosedEvents;
        if (connectionClosedEvents > sessionJoinedEvents) fail("closed more often than joined");
        break;
    }
  }

  void answerCall(size_t call, std::optional<ErrorCode> error) {
    if (call >= answers.size()) return fail("answer without a call");
    if (answers[call].answered) return fail("a join answered twice");
    if (!error && answers[call].error) return fail("success after an error");
    answers[call] = Answer{true, error};
  }
  void fail(const std::string& what) {
    if (failure.empty()) failure = what;
  }
};

struct World {
  Owner owner;
  Reference reference;

  void act(Action action) {
    switch (action) {
      case Action::kJoin:
        owner.answers.emplace_back();
        owner.apply(GateEvent{GateEvent::Kind::kJoinRequested, 0, {}});
        reference.join();
        break;
      case Action::kLeave:
        ++owner.leavesAsked;
        owner.apply(GateEvent{GateEvent::Kind::kLeaveRequested, 0, {}});
        reference.leave();
        break;
      case Action::kComplete:
      case Action::kFail: {
        // The oldest join still at work reports: possibly one that was cancelled long ago.
        if (owner.inFlight.empty()) break;
        const uint64_t g = owner.inFlight.front();
        owner.inFlight.pop_front();
        if (action == Action::kComplete) {
          owner.apply(GateEvent{GateEvent::Kind::kJoinSucceeded, g, {}});
          reference.complete(g);
        } else {
          owner.apply(
              GateEvent{GateEvent::Kind::kJoinFailed, g, makeError(ErrorCode::kNetwork, "down")});
          reference.fail(g, ErrorCode::kNetwork);
        }
        break;
      }
      case Action::kClose:
        // The server drops the connection of whatever generation is open.
        if (!owner.liveGeneration) break;
        const uint64_t g = *owner.liveGeneration;
        owner.apply(GateEvent{GateEvent::Kind::kConnectionClosed, g, {}});
        reference.close(g);
        break;
    }
  }

  // Empty when every property holds after a step.
  [[nodiscard]] std::string check() const {
    if (!owner.failure.empty()) return owner.failure;
    const SessionState state = owner.gate.state;
    if (state == SessionState::kLeaving) return "left in leaving after teardown";
    if (state != reference.state()) {
      return std::string("state ") + std::string(toString(state)) + ", reference " +
             std::string(toString(reference.state()));
    }
    if (owner.liveConnections > 1) return "more than one live connection";
    const bool shouldBeLive = state == SessionState::kJoining || state == SessionState::kJoined;
    if ((owner.liveConnections == 1) != shouldBeLive) return "live connection in wrong state";
    if (owner.answers != reference.answers) return "join answers differ from the reference";
    for (size_t call = 0; call < owner.answers.size(); ++call) {
      const bool mayWait = state == SessionState::kJoining && call == owner.pendingCall;
      if (!owner.answers[call].answered && !mayWait) return "a join call never answered";
    }
    return {};
  }
};

std::string describe(const std::vector<Action>& path) {
  std::ostringstream out;
  for (Action action : path) out << name(action) << ' ';
  return out.str();
}

// Depth-first over all 5^1 + … + 5^8 prefixes, checking after every step.
void explore(const World& world, std::vector<Action>& path, size_t& explored,
             std::string& failure) {
  if (!failure.empty() || static_cast<int>(path.size()) == kDepth) return;
  for (Action action : kActions) {
    World next = world;
    next.act(action);
    path.push_back(action);
    ++explored;
    if (std::string problem = next.check(); !problem.empty()) {
      failure = problem + " after: " + describe(path);
    } else {
      explore(next, path, explored, failure);
    }
    path.pop_back();
    if (!failure.empty()) return;
  }
}

TEST(SessionGateInterleavings, EverySequenceUpToDepthEightAgreesWithTheReference) {
  std::vector<Action> path;
  size_t explored = 0;
  std::string failure;
  explore(World{}, path, explored, failure);
  EXPECT_EQ(failure, "");
  EXPECT_EQ(explored, 488280U);  // 5 + 25 + … + 5^8: every prefix was visited
}

// The StrictMode shape, spelled out: mount (join), unmount (leave), mount (join), then both
// network operations report. One connection, joined, and the first join was cancelled.
TEST(SessionGateInterleavings, StrictModeMountUnmountMountEndsWithOneJoinedConnection) {
  World world;
  for (Action action :
       {Action::kJoin, Action::kLeave, Action::kJoin, Action::kComplete, Action::kComplete}) {
    world.act(action);
    ASSERT_EQ(world.check(), "");
  }
  EXPECT_EQ(world.owner.gate.state, SessionState::kJoined);
  EXPECT_EQ(world.owner.liveConnections, 1);
  EXPECT_EQ(world.owner.answers[0], (Answer{true, ErrorCode::kJoinCancelled}));
  EXPECT_EQ(world.owner.answers[1], (Answer{true, std::nullopt}));
  EXPECT_EQ(world.owner.sessionLeftEvents, 0);
}

}  // namespace
}  // namespace callsession
