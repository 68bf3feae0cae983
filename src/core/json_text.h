#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace callsession {

// Parses JSON text without exceptions: malformed text gives a discarded value (is_discarded(),
// never an object). Always through a string_view, so the SDK carries one instantiation of
// nlohmann's parser rather than one per string type — it is the largest part of the wasm.
inline nlohmann::json parseJson(std::string_view text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace callsession
