#include "settings.h"

#include <array>
#include <string>

#include "json/value.h"

namespace callsession {
namespace {

using json::Value;

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
std::optional<Error> applyChoice(const std::string& key, const Value& value,
                                 const std::array<std::pair<Choice, std::string_view>, N>& names,
                                 Choice& out) {
  if (!value.isString()) return invalid(key, alternatives(names));
  for (const auto& [choice, name] : names) {
    if (value.text() == name) {
      out = choice;
      return std::nullopt;
    }
  }
  return invalid(key, alternatives(names));
}

// Applies one key; an Error if the key is unknown or its value has the wrong type.
std::optional<Error> applySetting(const std::string& key, const Value& value,
                                  SessionSettings& out) {
  if (key == "sessionType") return applyChoice(key, value, kSessionTypeNames, out.sessionType);
  if (key == "layout") return applyChoice(key, value, kLayoutNames, out.layout);
  if (key == "iceTransportPolicy") {
    return applyChoice(key, value, kIcePolicyNames, out.iceTransportPolicy);
  }
  for (const auto& setting : kBoolSettings) {
    if (setting.key != key) continue;
    if (!value.isBool()) return invalid(key, "true or false");
    out.*setting.field = value.asBool();
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
  const auto parsed = json::parse(text);
  if (parsed && parsed->isNull()) return settings;
  if (!parsed || !parsed->isObject()) {
    return makeError(ErrorCode::kSettingsInvalid, "Settings must be an object.");
  }
  for (size_t i = 0; i < parsed->keys().size(); ++i) {
    if (auto error = applySetting(parsed->keys()[i], parsed->items()[i], settings)) return *error;
  }
  return settings;
}

}  // namespace callsession
