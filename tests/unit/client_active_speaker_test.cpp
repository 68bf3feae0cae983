#include <gtest/gtest.h>

#include "core/client/active_speaker.h"

namespace callsession::client {
namespace {

constexpr double kLoud = 0.2;
constexpr double kQuiet = 0.001;
constexpr int64_t kPoll = 250;  // ms between levels, as the browser bindings poll

class Speaker : public ::testing::Test {
 protected:
  // `uid` at `level` for `millis`, everyone else quiet, polled every kPoll; true if the speaker
  // changed on the way.
  bool talk(const std::string& uid, double level, int64_t millis,
            const std::vector<std::string>& others = {}) {
    bool changed = false;
    for (int64_t end = now + millis; now < end; now += kPoll) {
      changed |= speaker.observe(uid, level, now);
      for (const auto& other : others) changed |= speaker.observe(other, kQuiet, now);
    }
    return changed;
  }

  ActiveSpeaker speaker;
  int64_t now = 0;
};

TEST_F(Speaker, NobodyIsTheSpeakerBeforeAnyoneSpeaks) {
  talk("bob", kQuiet, 5000);
  EXPECT_EQ(speaker.speaker(), "");
}

TEST_F(Speaker, SustainedSpeechMakesTheSpeaker) {
  EXPECT_TRUE(talk("bob", kLoud, ActiveSpeaker::kTakeOverMillis + kPoll));
  EXPECT_EQ(speaker.speaker(), "bob");
}

TEST_F(Speaker, ABriefSoundIsNotSpeech) {
  talk("bob", kLoud, ActiveSpeaker::kTakeOverMillis - kPoll);
  talk("bob", kQuiet, 2000);
  EXPECT_EQ(speaker.speaker(), "");
}

TEST_F(Speaker, AShortPauseDoesNotRestartTheRun) {
  talk("bob", kLoud, 2 * kPoll);
  talk("bob", kQuiet, kPoll);  // shorter than kPauseMillis
  talk("bob", kLoud, 2 * kPoll);
  EXPECT_EQ(speaker.speaker(), "bob");
}

TEST_F(Speaker, ANewVoiceWaitsUntilTheSpeakerHasBeenQuietAWhile) {
  talk("bob", kLoud, 1000);
  // carol talks over bob, who keeps talking: bob keeps the slot.
  for (int i = 0; i < 8; ++i, now += kPoll) {
    speaker.observe("bob", kLoud, now);
    speaker.observe("carol", kLoud, now);
  }
  EXPECT_EQ(speaker.speaker(), "bob");
  // bob stops; carol takes over only once bob has been quiet for kHoldMillis.
  talk("carol", kLoud, ActiveSpeaker::kHoldMillis - kPoll, {"bob"});
  EXPECT_EQ(speaker.speaker(), "bob");
  EXPECT_TRUE(talk("carol", kLoud, 2 * kPoll, {"bob"}));
  EXPECT_EQ(speaker.speaker(), "carol");
}

TEST_F(Speaker, TheSpeakerStaysAfterFallingSilent) {
  talk("bob", kLoud, 1000);
  EXPECT_FALSE(talk("bob", kQuiet, 10000, {"carol"}));
  EXPECT_EQ(speaker.speaker(), "bob");
}

TEST_F(Speaker, LevelsThatAlternateEveryPollNeverFlipTheSpeaker) {
  talk("bob", kLoud, 1000);
  int changes = 0;
  for (int i = 0; i < 40; ++i, now += kPoll) {
    changes += speaker.observe("bob", i % 2 == 0 ? kLoud : kQuiet, now) ? 1 : 0;
    changes += speaker.observe("carol", i % 2 == 1 ? kLoud : kQuiet, now) ? 1 : 0;
  }
  EXPECT_EQ(changes, 0);
  EXPECT_EQ(speaker.speaker(), "bob");
}

TEST_F(Speaker, ASpeakerWhoLeavesIsForgotten) {
  talk("bob", kLoud, 1000);
  EXPECT_FALSE(speaker.forget("carol"));
  EXPECT_TRUE(speaker.forget("bob"));
  EXPECT_EQ(speaker.speaker(), "");
  EXPECT_TRUE(talk("carol", kLoud, 1000));
  EXPECT_EQ(speaker.speaker(), "carol");
}

}  // namespace
}  // namespace callsession::client
