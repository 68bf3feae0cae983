// IceRecovery: when a broken peer connection gets an ICE restart, from which side, how often, and
// when it is given up.
#include <gtest/gtest.h>

#include "core/client/ice_recovery.h"

namespace callsession::client {
namespace {

using Action = IceRecovery::Action;
using State = ConnectionState;

constexpr int64_t kT0 = 1'000'000;
constexpr int64_t kAttempt = IceRecovery::kAttemptMillis;

TEST(IceRecovery, AHealthyConnectionAwaitsNothing) {
  IceRecovery recovery(true);
  EXPECT_EQ(recovery.onState(State::kConnecting, kT0), Action::kNone);
  EXPECT_EQ(recovery.onState(State::kConnected, kT0), Action::kNone);
  EXPECT_EQ(recovery.wakeAt(), std::nullopt);
  EXPECT_EQ(recovery.onWake(kT0), Action::kNone);
}

TEST(IceRecovery, ANewConnectionThatConnectsInTimeAwaitsNothing) {
  IceRecovery recovery(true);
  recovery.opened(kT0);
  EXPECT_EQ(recovery.wakeAt(), kT0 + IceRecovery::kFirstConnectMillis);
  EXPECT_EQ(recovery.onState(State::kConnecting, kT0 + 100), Action::kNone);
  EXPECT_EQ(recovery.onState(State::kConnected, kT0 + 200), Action::kNone);
  EXPECT_EQ(recovery.wakeAt(), std::nullopt);
}

TEST(IceRecovery, ANewConnectionThatNeverConnectsIsRestartedLikeABrokenOne) {
  IceRecovery recovery(true);
  recovery.opened(kT0);
  const int64_t due = kT0 + IceRecovery::kFirstConnectMillis;
  EXPECT_EQ(recovery.onWake(due), Action::kRestartIce);
  EXPECT_EQ(recovery.wakeAt(), due + kAttempt);
  for (int attempt = 2; attempt <= IceRecovery::kMaxAttempts; ++attempt) {
    EXPECT_EQ(recovery.onWake(*recovery.wakeAt()), Action::kRestartIce) << attempt;
  }
  EXPECT_EQ(recovery.onWake(*recovery.wakeAt()), Action::kDrop);
}

TEST(IceRecovery, TheAnsweringSideWaitsOutAFirstConnectionOnTheSameDeadlines) {
  IceRecovery answering(false);
  answering.opened(kT0);
  EXPECT_EQ(answering.onWake(kT0 + IceRecovery::kFirstConnectMillis), Action::kNone);
  EXPECT_EQ(answering.wakeAt(), kT0 + IceRecovery::kFirstConnectMillis + kAttempt);
}

TEST(IceRecovery, ANewConnectionThatFailsBeforeItsDeadlineRestartsAtOnce) {
  IceRecovery recovery(true);
  recovery.opened(kT0);
  EXPECT_EQ(recovery.onState(State::kFailed, kT0 + 500), Action::kRestartIce);
  EXPECT_EQ(recovery.wakeAt(), kT0 + 500 + kAttempt);
}

TEST(IceRecovery, TheRestartingSideRestartsAtOnceOnFailure) {
  IceRecovery recovery(true);
  EXPECT_EQ(recovery.onState(State::kFailed, kT0), Action::kRestartIce);
  EXPECT_EQ(recovery.wakeAt(), kT0 + kAttempt);
}

TEST(IceRecovery, TheOtherSideOnlyWaitsOnTheSameDeadline) {
  IceRecovery recovery(false);
  EXPECT_EQ(recovery.onState(State::kFailed, kT0), Action::kNone);
  EXPECT_EQ(recovery.wakeAt(), kT0 + kAttempt);
}

TEST(IceRecovery, MoreFailuresDuringAnAttemptDoNotRestartAgain) {
  IceRecovery recovery(true);
  recovery.onState(State::kFailed, kT0);
  EXPECT_EQ(recovery.onState(State::kDisconnected, kT0 + 10), Action::kNone);
  EXPECT_EQ(recovery.onState(State::kFailed, kT0 + 20), Action::kNone);
  EXPECT_EQ(recovery.wakeAt(), kT0 + kAttempt);
}

TEST(IceRecovery, ADisconnectionThatHealsWithinTheGraceCostsNothing) {
  IceRecovery recovery(true);
  EXPECT_EQ(recovery.onState(State::kDisconnected, kT0), Action::kNone);
  EXPECT_EQ(recovery.wakeAt(), kT0 + IceRecovery::kDisconnectedGraceMillis);
  EXPECT_EQ(recovery.onState(State::kConnected, kT0 + 1000), Action::kNone);
  EXPECT_EQ(recovery.wakeAt(), std::nullopt);
}

TEST(IceRecovery, ADisconnectionThatOutlastsTheGraceRestarts) {
  IceRecovery recovery(true);
  recovery.onState(State::kDisconnected, kT0);
  const int64_t due = kT0 + IceRecovery::kDisconnectedGraceMillis;
  EXPECT_EQ(recovery.onWake(due), Action::kRestartIce);
  EXPECT_EQ(recovery.wakeAt(), due + kAttempt);
}

TEST(IceRecovery, AFailureDuringTheGraceRestartsWithoutWaitingItOut) {
  IceRecovery recovery(true);
  recovery.onState(State::kDisconnected, kT0);
  EXPECT_EQ(recovery.onState(State::kFailed, kT0 + 500), Action::kRestartIce);
  EXPECT_EQ(recovery.wakeAt(), kT0 + 500 + kAttempt);
}

TEST(IceRecovery, EachAttemptThatRunsOutRestartsAgainUpToTheBoundThenDrops) {
  IceRecovery recovery(true);
  EXPECT_EQ(recovery.onState(State::kFailed, kT0), Action::kRestartIce);
  for (int attempt = 2; attempt <= IceRecovery::kMaxAttempts; ++attempt) {
    EXPECT_EQ(recovery.onWake(*recovery.wakeAt()), Action::kRestartIce) << attempt;
  }
  EXPECT_EQ(recovery.wakeAt(), kT0 + kAttempt * IceRecovery::kMaxAttempts);
  EXPECT_EQ(recovery.onWake(*recovery.wakeAt()), Action::kDrop);
  EXPECT_EQ(recovery.wakeAt(), std::nullopt);
}

TEST(IceRecovery, BothSidesGiveUpAtTheSameTime) {
  IceRecovery restarting(true);
  IceRecovery answering(false);
  restarting.onState(State::kFailed, kT0);
  answering.onState(State::kFailed, kT0);
  for (int attempt = 1; attempt < IceRecovery::kMaxAttempts; ++attempt) {
    EXPECT_EQ(answering.onWake(*answering.wakeAt()), Action::kNone);
    restarting.onWake(*restarting.wakeAt());
  }
  EXPECT_EQ(answering.wakeAt(), restarting.wakeAt());
  EXPECT_EQ(answering.onWake(*answering.wakeAt()), Action::kDrop);
}

TEST(IceRecovery, ReconnectingEndsRecoveryAndALaterFailureHasAllItsAttemptsAgain) {
  IceRecovery recovery(true);
  recovery.onState(State::kFailed, kT0);
  recovery.onWake(*recovery.wakeAt());
  EXPECT_EQ(recovery.onState(State::kConnected, kT0 + kAttempt + 100), Action::kNone);
  EXPECT_EQ(recovery.wakeAt(), std::nullopt);
  const int64_t later = kT0 + 60'000;
  EXPECT_EQ(recovery.onState(State::kFailed, later), Action::kRestartIce);
  for (int attempt = 2; attempt <= IceRecovery::kMaxAttempts; ++attempt) {
    EXPECT_EQ(recovery.onWake(*recovery.wakeAt()), Action::kRestartIce) << attempt;
  }
}

TEST(IceRecovery, ARemoteOutOfTheRoomIsDroppedOnFailureWithoutARestart) {
  IceRecovery recovery(true);
  EXPECT_EQ(recovery.setRemoteInRoom(false), Action::kNone);  // healthy: its media still flows
  EXPECT_EQ(recovery.onState(State::kFailed, kT0), Action::kDrop);
}

TEST(IceRecovery, ARemoteLeavingTheRoomDuringRecoveryIsDroppedAtOnce) {
  IceRecovery recovery(true);
  recovery.onState(State::kFailed, kT0);
  EXPECT_EQ(recovery.setRemoteInRoom(false), Action::kDrop);
  EXPECT_EQ(recovery.wakeAt(), std::nullopt);
}

TEST(IceRecovery, ARemoteBackInTheRoomIsRestartedAgain) {
  IceRecovery recovery(true);
  recovery.setRemoteInRoom(false);
  recovery.setRemoteInRoom(true);
  EXPECT_EQ(recovery.onState(State::kFailed, kT0), Action::kRestartIce);
}

TEST(IceRecovery, ADroppedPeerStaysDroppedWhateverComesLate) {
  IceRecovery recovery(true);
  recovery.setRemoteInRoom(false);
  recovery.onState(State::kFailed, kT0);
  EXPECT_EQ(recovery.onState(State::kConnected, kT0 + 1), Action::kNone);
  EXPECT_EQ(recovery.onState(State::kFailed, kT0 + 2), Action::kNone);
  EXPECT_EQ(recovery.onWake(kT0 + kAttempt), Action::kNone);
  EXPECT_EQ(recovery.setRemoteInRoom(false), Action::kNone);
  EXPECT_EQ(recovery.wakeAt(), std::nullopt);
}

}  // namespace
}  // namespace callsession::client
