#pragma once

#include <cstddef>
#include <string_view>

namespace callsession::signaling {

// One rule for what a uid may be: the server refuses a login with another (400), and a signal
// addressed to one that cannot exist is a protocol fault. Safe in a URL, a log line and a JWT.
inline constexpr size_t kMaxUidLength = 64;

// 1–64 characters of [A-Za-z0-9_.@-].
bool isValidUid(std::string_view uid);

}  // namespace callsession::signaling
