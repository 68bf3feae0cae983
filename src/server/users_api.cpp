#include "users_api.h"

#include "core/signaling/uid.h"
#include "crypto.h"
#include "http_error.h"
#include "request_body.h"

namespace callsession::server {
namespace {

constexpr size_t kMaxAvatarLength = 2048;

User readUser(const json::Value& body) {
  User user;
  signaling::FieldReader reader(body);
  reader.requireString("uid", user.uid);
  reader.optionalString("name", user.name);
  reader.optionalString("avatar", user.avatar);
  requireWellFormed(reader);
  if (!signaling::isValidUid(user.uid)) {
    throw HttpError::badRequest("'uid' must be 1 to 64 characters of A-Z a-z 0-9 _ . @ -");
  }
  if (signaling::codePointCount(user.name) > signaling::kMaxNameLength) {
    throw HttpError::badRequest("'name' must be at most 64 characters.");
  }
  if (user.avatar.size() > kMaxAvatarLength) {
    throw HttpError::badRequest("'avatar' must be at most 2048 characters.");
  }
  if (user.name.empty()) user.name = user.uid;
  return user;
}

}  // namespace

HttpResponse login(const HttpRequest& request, const ServerContext& context) {
  // Before the key is checked, so that guesses at it count.
  if (auto wait = context.limits.takeLogin(request.clientAddress, context.clock.nowMillis())) {
    throw HttpError::rateLimited(*wait, "Too many logins from this address; try again later.");
  }
  if (!constantTimeEquals(request.header("x-auth-key"), context.keys.authKey)) {
    throw HttpError::authFailed("The X-Auth-Key header is missing or wrong.");
  }
  const User user = readUser(jsonObjectBody(request));
  return jsonResponse(
      200,
      {{"user", {{"uid", user.uid}, {"name", user.name}, {"avatar", user.avatar}}},
       {"authToken", mintAuthToken(user, context.keys.signingKey, context.clock.nowSeconds())}});
}

}  // namespace callsession::server
