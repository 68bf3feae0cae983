#include "active_speaker.h"

namespace callsession::client {

bool ActiveSpeaker::observe(const std::string& uid, double level, int64_t nowMillis) {
  Voice& voice = voices_[uid];
  if (level >= kSpeakingLevel) {
    if (voice.lastSpoke < 0 || nowMillis - voice.lastSpoke > kPauseMillis) {
      voice.speakingSince = nowMillis;
    }
    voice.lastSpoke = nowMillis;
  }
  if (uid == speaker_) return false;
  const bool speaking = voice.lastSpoke == nowMillis;
  if (!speaking || nowMillis - voice.speakingSince < kTakeOverMillis) return false;
  if (auto current = voices_.find(speaker_); current != voices_.end()) {
    if (nowMillis - current->second.lastSpoke < kHoldMillis) return false;
  }
  speaker_ = uid;
  return true;
}

bool ActiveSpeaker::forget(std::string_view uid) {
  if (auto it = voices_.find(uid); it != voices_.end()) voices_.erase(it);
  if (speaker_.empty() || uid != speaker_) return false;
  speaker_.clear();
  return true;
}

}  // namespace callsession::client
