// The core's JSON parser against nlohmann::json as an oracle: any text is accepted by both or
// refused by both, and what the core writes back reads, in nlohmann, as the same value. Four
// differences are intended and allowed for: nlohmann skips a leading UTF-8 byte order mark, it
// takes a NUL byte for the end of the input (so "1\0junk" is 1 to it; no JSON text holds a NUL
// byte, and the core refuses any), it refuses a number beyond a double's range (1e400), which the
// core keeps as text (read as an integer, it is out of range), and it has no nesting bound.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
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

// Whether `value` holds a number that overflows a double (nlohmann refuses those).
bool holdsHugeNumber(const callsession::json::Value& value) {
  if (value.kind() == callsession::json::Value::Kind::kNumber) {
    return std::isinf(std::strtod(value.text().c_str(), nullptr));
  }
  return std::any_of(value.items().begin(), value.items().end(), holdsHugeNumber);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") return 0;
  const auto ours = callsession::json::parse(text);
  if (text.find('\0') != std::string_view::npos) {
    if (ours) __builtin_trap();
    return 0;
  }
  const auto theirs = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!ours) {
    if (!theirs.is_discarded() && nesting(theirs) <= callsession::json::kMaxDepth) __builtin_trap();
    return 0;
  }
  if (theirs.is_discarded()) {
    if (!holdsHugeNumber(*ours)) __builtin_trap();
    return 0;
  }
  if (nlohmann::json::parse(callsession::json::toText(*ours), nullptr, false) != theirs) {
    __builtin_trap();
  }
  return 0;
}
