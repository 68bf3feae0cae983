// The core's JSON parser against nlohmann::json as an oracle: any text is accepted by both or
// refused by both, and what the core writes back reads, in nlohmann, as the same value. The two
// intended differences are allowed for: nlohmann skips a leading UTF-8 byte order mark, and it has
// no nesting bound.
#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/json/value.h"

namespace {

// How many containers enclose the most deeply nested value of `value`.
int nesting(const nlohmann::json& value) {
  int deepest = 0;
  if (value.is_structured()) {
    for (const auto& item : value) deepest = std::max(deepest, 1 + nesting(item));
  }
  return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") return 0;
  const auto ours = callsession::json::parse(text);
  const auto theirs = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!ours) {
    if (!theirs.is_discarded() && nesting(theirs) <= callsession::json::kMaxDepth) __builtin_trap();
    return 0;
  }
  if (theirs.is_discarded()) __builtin_trap();
  if (nlohmann::json::parse(callsession::json::toText(*ours), nullptr, false) != theirs) {
    __builtin_trap();
  }
  return 0;
}
