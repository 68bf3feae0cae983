#include "account.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "core/client/json_text.h"
#include "core/session_id.h"
#include "core/signaling/uid.h"
#include "core/token.h"

namespace callsession::client {
namespace {

using nlohmann::json;

std::optional<std::string> optionalString(const json& object, const char* key, bool& wrongType) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    wrongType = true;
    return std::nullopt;
  }
  return it->get<std::string>();
}

const json* objectField(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it != object.end() && it->is_object() ? &*it : nullptr;
}

std::string stringOr(const json& object, const char* key, std::string fallback = {}) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::move(fallback);
}

// "https://host:port/anything" → "https://host:port"; nullopt unless http(s) with a host.
std::optional<std::string> originOf(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (!url.starts_with(scheme)) continue;
    const size_t hostEnd = url.find_first_of("/?#", scheme.size());
    std::string_view origin = url.substr(0, hostEnd);
    if (origin.size() == scheme.size()) return std::nullopt;
    return std::string(origin);
  }
  return std::nullopt;
}

Error notInitialized() {
  return makeError(ErrorCode::kNotInitialized, "Call init({appId}) first.");
}

ErrorCode codeForStatus(int status) {
  switch (status) {
    case 0:
      return ErrorCode::kNetwork;
    case 401:
      return ErrorCode::kAuthFailed;
    case 403:
      return ErrorCode::kNotAuthorized;
    case 404:
      return ErrorCode::kSessionNotFound;
    case 410:
      return ErrorCode::kSessionExpired;
    default:
      return status >= 500 ? ErrorCode::kNetwork : ErrorCode::kAuthFailed;
  }
}

}  // namespace

Error apiError(const HttpResponse& response) {
  if (response.status == 0) {
    return makeError(ErrorCode::kNetwork, "The server could not be reached.");
  }
  const json body = parseJson(response.body);
  const json* error = objectField(body, "error");
  const std::string fallback = "The server answered " + std::to_string(response.status) + ".";
  if (error == nullptr) return makeError(codeForStatus(response.status), fallback);
  const auto code = errorCodeFromString(stringOr(*error, "code"));
  return makeError(code.value_or(codeForStatus(response.status)),
                   stringOr(*error, "message", fallback));
}

Status Account::init(std::string_view configJson, std::string_view pageOrigin) {
  const json config = parseJson(configJson);
  if (!config.is_object()) {
    return makeError(ErrorCode::kNotInitialized, "init expects an object {appId, ...}.");
  }
  bool wrongType = false;
  const auto appId = optionalString(config, "appId", wrongType);
  const auto authKey = optionalString(config, "authKey", wrongType);
  const auto serverUrl = optionalString(config, "serverUrl", wrongType);
  optionalString(config, "region", wrongType);
  if (wrongType) {
    return makeError(ErrorCode::kNotInitialized,
                     "appId, region, authKey and serverUrl must be strings.");
  }
  if (!appId || appId->empty())
    return makeError(ErrorCode::kNotInitialized, "init needs an appId.");
  const auto origin = originOf(serverUrl.value_or(std::string(pageOrigin)));
  if (!origin) {
    return makeError(ErrorCode::kNotInitialized, "serverUrl must be an http(s) URL.");
  }
  ++epoch_;
  serverUrl_ = *origin;
  authKey_ = authKey.value_or("");
  user_.reset();
  authToken_.clear();
  return okStatus();
}

void Account::login(std::string_view uid, std::string_view name, std::string_view avatar,
                    std::function<void(Result<User>)> done) {
  if (!initialized()) return done(notInitialized());
  if (!signaling::isValidUid(uid)) {
    return done(
        makeError(ErrorCode::kAuthFailed, "A uid is 1-64 characters of A-Z a-z 0-9 _ . @ -."));
  }
  if (authKey_.empty()) {
    return done(makeError(ErrorCode::kAuthFailed, "init was given no authKey to log in with."));
  }
  json body{{"uid", uid}};
  if (!name.empty()) body["name"] = name;
  if (!avatar.empty()) body["avatar"] = avatar;
  HttpRequest request{"POST",
                      serverUrl_ + "/api/users/login",
                      {{"Content-Type", "application/json"}, {"X-Auth-Key", authKey_}},
                      body.dump()};
  platform_.http().send(
      request, [this, epoch = epoch_, done = std::move(done)](HttpResponse response) {
        if (epoch != epoch_) {
          return done(makeError(ErrorCode::kAuthFailed, "Superseded by a later init or logout."));
        }
        if (response.status != 200) return done(apiError(response));
        const json answer = parseJson(response.body);
        const json* user = objectField(answer, "user");
        const std::string authToken = answer.is_object() ? stringOr(answer, "authToken") : "";
        if (user == nullptr || authToken.empty() || stringOr(*user, "uid").empty()) {
          return done(makeError(ErrorCode::kAuthFailed, "The server's login answer is malformed."));
        }
        user_ = User{stringOr(*user, "uid"), stringOr(*user, "name"), stringOr(*user, "avatar")};
        authToken_ = authToken;
        done(*user_);
      });
}

void Account::logout() {
  ++epoch_;
  user_.reset();
  authToken_.clear();
}

void Account::generateToken(std::string_view sessionId,
                            std::function<void(Result<IssuedToken>)> done) const {
  if (!initialized()) return done(notInitialized());
  if (!user_) {
    return done(makeError(ErrorCode::kAuthTokenMissing, "Call login(uid) before generateToken."));
  }
  if (!isValidSessionId(sessionId)) {
    return done(makeError(ErrorCode::kSessionNotFound, "That is not a sessionId."));
  }
  HttpRequest request{"POST",
                      serverUrl_ + "/api/meetings/" + std::string(sessionId) + "/token",
                      {{"Authorization", "Bearer " + authToken_}},
                      ""};
  platform_.http().send(request, [this, done = std::move(done)](HttpResponse response) {
    if (response.status != 200) return done(apiError(response));
    const json body = parseJson(response.body);
    const std::string token = body.is_object() ? stringOr(body, "token") : "";
    auto decoded = decodeToken(token);
    if (!decoded.ok()) {
      return done(makeError(ErrorCode::kNetwork, "The server's token answer is malformed."));
    }
    // A token is minted at iat on the server's clock, a moment ago on ours.
    skew_.observe(decoded.value().claims.iat * 1000, platform_.clock().nowMillis());
    done(IssuedToken{token, decoded.value().claims.exp});
  });
}

std::string Account::webSocketUrl() const {
  const bool secure = serverUrl_.starts_with("https://");
  return (secure ? "wss://" : "ws://") + serverUrl_.substr(secure ? 8 : 7) + "/ws";
}

}  // namespace callsession::client
