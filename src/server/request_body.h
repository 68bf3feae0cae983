#pragma once

#include "auth_token.h"
#include "core/signaling/field_reader.h"
#include "http_types.h"
#include "server_context.h"

// What every API handler does with a request before its own work.
namespace callsession::server {

// The body as a JSON object; an empty body is `{}`. Anything else is a 400.
json::Value jsonObjectBody(const HttpRequest& request);

// Throws a 400 naming the first fault the reader recorded, or the first unknown field.
void requireWellFormed(const signaling::FieldReader& reader);

// The user of the request's `Authorization: Bearer <authToken>`; a 401 when it is missing or not
// a valid, unexpired auth token.
User requireUser(const HttpRequest& request, const ServerContext& context);

}  // namespace callsession::server
