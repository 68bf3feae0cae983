#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// How POST /api/meetings mints a sessionId, per strategy. Every id passes core's isValidSessionId.
namespace callsession::server {

enum class Strategy { kUuid, kResource, kTime };
std::optional<Strategy> strategyFromString(std::string_view text);

// A fresh random id: an RFC 4122 v4 UUID.
std::string uuidSessionId();

// The same resource always gives the same id. A resource that is a valid sessionId once its runs of
// other characters become '-' ("Team 42" → "Team-42") is its own id; any other (empty after that,
// or too long) maps to "r-" + 32 hex digits of its SHA-256.
std::string resourceSessionId(std::string_view resource);

// `<resource id>-<YYYYMMDD>` for the UTC day of `nowSeconds`: one meeting per resource per day. The
// resource part is shortened (to its hash form) when the whole would be too long.
std::string timeSessionId(std::string_view resource, int64_t nowSeconds);

}  // namespace callsession::server
