#pragma once

#include "http_types.h"
#include "server_context.h"

namespace callsession::server {

// POST /api/users/login: `X-Auth-Key` must be the app's auth key; the body names the user.
HttpResponse login(const HttpRequest& request, const ServerContext& context);

}  // namespace callsession::server
