#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/result.h"
#include "meeting.h"

namespace callsession::server {

// Who may join a meeting, checked at /authorize, at /token and again at the WebSocket join, in this
// order: ERROR_SESSION_NOT_FOUND (no such meeting), ERROR_SESSION_EXPIRED (past its expiresAt),
// ERROR_NOT_AUTHORIZED (it has an allow list without `uid`).
Status authorizeJoin(const std::optional<Meeting>& meeting, std::string_view uid,
                     int64_t nowSeconds);

}  // namespace callsession::server
