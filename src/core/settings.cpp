#include "settings.h"

#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include "json_text.h"

namespace callsession {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<CallLayout, std::string_view>, 3> kLayoutNames{{
    {CallLayout::kTile, "TILE"},
    {CallLayout::kSidebar, "SIDEBAR"},
    {CallLayout::kSpotlight, "SPOTLIGHT"},
}};

Error invalid(const std::string& key, std::string_view expected) {
  return makeError(ErrorCode::kSettingsInvalid,
                   "Setting '" + key + "' must be " + std::string(expected) + ".");
}

// The boolean settings, by key, with where each is stored.
struct BoolSetting {
  std::string_view key;
  bool SessionSettings::*field;
};
constexpr std::array<BoolSetting, 6> kBoolSettings{{
    {"startAudioMuted", &SessionSettings::startAudioMuted},
    {"startVideoPaused", &SessionSettings::startVideoPaused},
    {"hideControlPanel", &SessionSettings::hideControlPanel},
    {"hideLeaveSessionButton", &SessionSettings::hideLeaveSessionButton},
    {"hideToggleAudioButton", &SessionSettings::hideToggleAudioButton},
    {"hideToggleVideoButton", &SessionSettings::hideToggleVideoButton},
}};

constexpr std::array<std::pair<SessionType, std::string_view>, 2> kSessionTypeNames{{
    {SessionType::kVideo, "VIDEO"},
    {SessionType::kVoice, "VOICE"},
}};

constexpr std::array<std::pair<IceTransportPolicy, std::string_view>, 2> kIcePolicyNames{{
    {IceTransportPolicy::kAll, "all"},
    {IceTransportPolicy::kRelay, "relay"},
}};

// A setting whose value is one of a few names: `"A" or "B"`, `"A", "B" or "C"`.
template <class Choice, size_t N>
std::string alternatives(const std::array<std::pair<Choice, std::string_view>, N>& names) {
  std::string text;
  for (size_t i = 0; i < N; ++i) {
    if (i > 0) text += i + 1 == N ? " or " : ", ";
    text += "\"" + std::string(names[i].second) + "\"";
  }
  return text;
}

template <class Choice, size_t N>
std::optional<Error> applyChoice(const std::string& key, const json& value,
                                 const std::array<std::pair<Choice, std::string_view>, N>& names,
                                 Choice& out) {
  // A string comparison, not `value == name`: json's operator== is a deep comparison of any two
  // values, which the SDK would otherwise carry only for this and token.cpp (0.4 KB gzip).
  if (!value.is_string()) return invalid(key, alternatives(names));
  for (const auto& [choice, name] : names) {
    if (value.get_ref<const std::string&>() == name) {
      out = choice;
      return std::nullopt;
    }
  }
  return invalid(key, alternatives(names));
}

// Applies one key; an Error if the key is unknown or its value has the wrong type.
std::optional<Error> applySetting(const std::string& key, const json& value, SessionSettings& out) {
  if (key == "sessionType") return applyChoice(key, value, kSessionTypeNames, out.sessionType);
  if (key == "layout") return applyChoice(key, value, kLayoutNames, out.layout);
  if (key == "iceTransportPolicy") {
    return applyChoice(key, value, kIcePolicyNames, out.iceTransportPolicy);
  }
  for (const auto& setting : kBoolSettings) {
    if (setting.key != key) continue;
    if (!value.is_boolean()) return invalid(key, "true or false");
    out.*setting.field = value.get<bool>();
    return std::nullopt;
  }
  return makeError(ErrorCode::kSettingsInvalid, "Unknown setting '" + key + "'.");
}

}  // namespace

std::string_view toString(CallLayout layout) {
  return kLayoutNames.at(static_cast<size_t>(layout)).second;
}

std::optional<CallLayout> callLayoutFromString(std::string_view text) {
  for (const auto& [layout, name] : kLayoutNames) {
    if (name == text) return layout;
  }
  return std::nullopt;
}

Result<SessionSettings> parseSettings(std::string_view text) {
  SessionSettings settings;
  if (text.empty()) return settings;
  const json parsed = parseJson(text);
  if (parsed.is_null()) return settings;
  if (parsed.is_discarded() || !parsed.is_object()) {
    return makeError(ErrorCode::kSettingsInvalid, "Settings must be an object.");
  }
  for (const auto& [key, value] : parsed.items()) {
    if (auto error = applySetting(key, value, settings)) return *error;
  }
  return settings;
}

}  // namespace callsession
