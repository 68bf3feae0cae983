#pragma once

#include <string>

#include "http_types.h"
#include "server_context.h"

// The meeting endpoints of CONTRACT.md §2. `sessionId` is the path segment as received.
namespace callsession::server {

// POST /api/meetings. 201 with a new meeting; for the resource and time strategies a meeting that
// exists and has not expired is returned unchanged with 200 (creation is idempotent).
HttpResponse createMeeting(const HttpRequest& request, const ServerContext& context);

// GET /api/meetings/:sessionId
HttpResponse getMeeting(const std::string& sessionId, const ServerContext& context);

// GET /api/meetings/:sessionId/participants: who is connected now.
HttpResponse listParticipants(const std::string& sessionId, const ServerContext& context);

// POST /api/meetings/:sessionId/authorize and /token: 401, 404, 410, 403 in that order.
HttpResponse authorizeMeeting(const std::string& sessionId, const HttpRequest& request,
                              const ServerContext& context);
HttpResponse issueJoinToken(const std::string& sessionId, const HttpRequest& request,
                            const ServerContext& context);

}  // namespace callsession::server
