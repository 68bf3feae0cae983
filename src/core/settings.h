#pragma once

#include <optional>
#include <string_view>

#include "result.h"

namespace callsession {

enum class SessionType { kVideo, kVoice };
enum class CallLayout { kTile, kSidebar, kSpotlight };
// RTCConfiguration.iceTransportPolicy: kRelay sends media only through the TURN servers the
// server hands out, so the other side never learns this machine's addresses.
enum class IceTransportPolicy { kAll, kRelay };

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
  IceTransportPolicy iceTransportPolicy = IceTransportPolicy::kAll;

  friend bool operator==(const SessionSettings&, const SessionSettings&) = default;
};

// Parses settings given as JSON text (the binding passes JSON.stringify of the JS object). Empty
// text, `null` and `{}` give the defaults. Anything else that is not an object, an unknown key or a
// wrong type gives ERROR_SETTINGS_INVALID with a message naming the key.
Result<SessionSettings> parseSettings(std::string_view json);

}  // namespace callsession
