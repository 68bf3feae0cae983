#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "config.h"

// The ICE servers each joining client receives (CONTRACT.md §1 "Real networks"), and the checks
// that stop the start when their settings are malformed: a browser refuses a malformed list at
// the first call, far from whoever could fix it.
namespace callsession::server {

// CALLSESSION_ICE_SERVERS: a JSON array of RTCIceServer objects, each with `urls` (a URL or a
// non-empty list of them, every one stun:, stuns:, turn: or turns:) and, for TURN URLs, string
// `username` and `credential`. Returns it as compact JSON; ConfigError naming the variable if not.
std::string checkedIceServers(std::string_view json);

// CALLSESSION_TURN_URLS: turn: or turns: URLs separated by commas (blanks around them ignored).
std::vector<std::string> checkedTurnUrls(std::string_view text);

// The `iceServers` of one join answer: the configured list as given, then, with TURN URLs
// configured, one entry holding them all with credentials minted for `uid`.
std::string iceServersForJoin(const Config& config, std::string_view uid, int64_t now,
                              int64_t meetingExpiresAt);

}  // namespace callsession::server
