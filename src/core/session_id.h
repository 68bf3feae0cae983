#pragma once

#include <cstddef>
#include <string_view>

namespace callsession {

// One rule for what a sessionId may be, shared by the server (which mints them) and the client
// (which refuses a malformed one before the network). It fits in a URL path segment unescaped:
// `/meet/<sessionId>`. A uuid (36), a resource name (`team-42`) and a time bucket
// (`office-hours-20261123`) all fit.
inline constexpr size_t kMinSessionIdLength = 3;
inline constexpr size_t kMaxSessionIdLength = 64;

// ASCII letters, digits, '-' and '_', starting and ending with a letter or digit.
bool isValidSessionId(std::string_view id);

}  // namespace callsession
