// Signaling frames come from any WebSocket client (server side) and from the server (SDK side).
// Both parsers must answer any bytes without crashing, fail only as ERROR_SIGNALING_FAILED, and
// whatever they accept must survive a serialise → parse round trip unchanged.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/signaling/messages.h"

namespace {

template <class Parse>
void checkRoundTrip(std::string_view input, Parse parse) {
  auto parsed = parse(input);
  if (!parsed.ok()) {
    if (parsed.error().code != callsession::ErrorCode::kSignalingFailed) __builtin_trap();
    return;
  }
  const std::string once = callsession::signaling::serialize(parsed.value());
  auto reparsed = parse(once);
  if (!reparsed.ok() || callsession::signaling::serialize(reparsed.value()) != once) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  checkRoundTrip(input, [](std::string_view text) {
    return callsession::signaling::parseClientMessage(text);
  });
  checkRoundTrip(input, [](std::string_view text) {
    return callsession::signaling::parseServerMessage(text);
  });
  return 0;
}
