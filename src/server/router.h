#pragma once

#include "http_types.h"
#include "server_context.h"
#include "static_files.h"

namespace callsession::server {

// Answers one HTTP request: the API routes, then the pages and files. The WebSocket upgrade on
// /ws never gets here (http_session.cpp hands it to a WsSession). Never throws: a refusal is the
// contract's error JSON, a server fault a 500.
HttpResponse route(const HttpRequest& request, const ServerContext& context,
                   const StaticFiles& files);

}  // namespace callsession::server
