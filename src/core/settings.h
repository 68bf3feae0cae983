#pragma once

#include <optional>
#include <string_view>

#include "result.h"

namespace callsession {

enum class SessionType { kVideo, kVoice };
enum class CallLayout { kTile, kSidebar, kSpotlight };

std::string_view toString(CallLayout layout);
std::optional<CallLayout> callLayoutFromString(std::string_view text);

// The join settings of CONTRACT.md §4; every field optional, defaults below.
struct SessionSettings {
  SessionType sessionType = SessionType::kVideo;
  CallLayout layout = CallLayout::kTile;
  bool startAudioMuted = false;
  bool startVideoPaused = false;
  bool hideControlPanel = false;
  bool hideLeaveSessionButton = false;
  bool hideToggleAudioButton = false;
  bool hideToggleVideoButton = false;

  friend bool operator==(const SessionSettings&, const SessionSettings&) = default;
};

// Parses settings given as JSON text (the binding passes JSON.stringify of the JS object). Empty
// text, `null` and `{}` give the defaults. Anything else that is not an object, an unknown key or a
// wrong type gives ERROR_SETTINGS_INVALID with a message naming the key.
Result<SessionSettings> parseSettings(std::string_view json);

}  // namespace callsession
