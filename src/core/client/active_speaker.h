#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace callsession::client {

// Who is speaking, from the remote audio levels the browser reports a few times a second. Levels
// flicker with every syllable and breath, so the speaker changes only with hysteresis: someone
// new must speak for a while, and the current speaker must have been quiet for longer, before the
// large tile moves. Once someone has spoken they stay the speaker until another takes over.
class ActiveSpeaker {
 public:
  // RFC 6464 level, linear 0..1 (1 = 0 dBov), as RTCRtpSynchronizationSource.audioLevel gives it.
  static constexpr double kSpeakingLevel = 0.03;   // about -30 dBov: a voice, not a room
  static constexpr int64_t kTakeOverMillis = 600;  // a newcomer's speech before it takes over
  static constexpr int64_t kHoldMillis = 1500;     // the speaker's silence before it lets go
  static constexpr int64_t kPauseMillis = 500;     // a pause shorter than this is still speech

  // One level of one remote participant at `nowMillis`; true if the speaker changed.
  bool observe(const std::string& uid, double level, int64_t nowMillis);
  // A participant left; true if it was the speaker (then nobody is, until someone speaks).
  bool forget(std::string_view uid);
  // Empty until someone has spoken.
  [[nodiscard]] const std::string& speaker() const { return speaker_; }

 private:
  struct Voice {
    int64_t speakingSince = 0;
    int64_t lastSpoke = -1;  // never
  };

  std::map<std::string, Voice, std::less<>> voices_;
  std::string speaker_;
};

}  // namespace callsession::client
