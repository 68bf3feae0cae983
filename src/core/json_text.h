#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace callsession {

// Parses JSON text without exceptions: malformed text gives a discarded value (is_discarded(),
// never an object). Always through a string_view, so the SDK carries one instantiation of
// nlohmann's parser rather than one per string type — it is the largest part of the wasm.
//
// It drives nlohmann's own DOM builder (the one json::parse uses when given no callback) through
// sax_parse, rather than calling json::parse(text, nullptr, false): json::parse takes its filter
// callback as a run-time std::function, so it also compiles a second builder, for callbacks, that
// is never used (1.5 KB gzip of the SDK). The result is the same as json::parse's.
inline nlohmann::json parseJson(std::string_view text) {
  nlohmann::json result;
  nlohmann::detail::json_sax_dom_parser<nlohmann::json> builder(result, /*allow_exceptions=*/false);
  if (!nlohmann::json::sax_parse(text, &builder)) return nlohmann::json::value_t::discarded;
  return result;
}

}  // namespace callsession
