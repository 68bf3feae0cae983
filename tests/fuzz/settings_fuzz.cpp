// Settings arrive as JSON text from the page: any text gets settings or ERROR_SETTINGS_INVALID.
#include <cstdint>
#include <string_view>

#include "core/settings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto parsed =
      callsession::parseSettings(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!parsed.ok() && parsed.error().code != callsession::ErrorCode::kSettingsInvalid)
    __builtin_trap();
  return 0;
}
