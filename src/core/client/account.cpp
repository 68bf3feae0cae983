#include "account.h"

#include <utility>

#include "core/decimal.h"
#include "core/json/value.h"
#include "core/json/writer.h"
#include "core/session_id.h"
#include "core/signaling/uid.h"
#include "core/token.h"

namespace callsession::client {
namespace {

using json::Value;

std::optional<std::string> optionalString(const Value& object, const char* key, bool& wrongType) {
  const Value* value = object.find(key);
  if (value == nullptr || value->isNull()) return std::nullopt;
  if (!value->isString()) {
    wrongType = true;
    return std::nullopt;
  }
  return value->text();
}

// The object at `key` of a parsed answer; nullptr if the answer did not parse, is not an object,
// or has no object there.
const Value* objectField(const std::optional<Value>& parsed, const char* key) {
  const Value* value = parsed ? parsed->find(key) : nullptr;
  return value != nullptr && value->isObject() ? value : nullptr;
}

// A string field of a parsed answer, or "".
std::string stringField(const std::optional<Value>& parsed, const char* key) {
  return parsed ? parsed->stringOr(key) : std::string();
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
  const auto body = json::parse(response.body);
  const Value* error = objectField(body, "error");
  const std::string fallback = "The server answered " + decimal(response.status) + ".";
  if (error == nullptr) return makeError(codeForStatus(response.status), fallback);
  const auto code = errorCodeFromString(error->stringOr("code"));
  return makeError(code.value_or(codeForStatus(response.status)),
                   error->stringOr("message", fallback));
}

Status Account::init(std::string_view configJson, std::string_view pageOrigin) {
  const auto parsed = json::parse(configJson);
  if (!parsed || !parsed->isObject()) {
    return makeError(ErrorCode::kNotInitialized, "init expects an object {appId, ...}.");
  }
  const Value& config = *parsed;
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
                    Callback<void(Result<User>)> done) {
  if (!initialized()) return done(notInitialized());
  if (!signaling::isValidUid(uid)) {
    return done(
        makeError(ErrorCode::kAuthFailed, "A uid is 1-64 characters of A-Z a-z 0-9 _ . @ -."));
  }
  if (authKey_.empty()) {
    return done(makeError(ErrorCode::kAuthFailed, "init was given no authKey to log in with."));
  }
  std::string body = json::objectText([&](json::Writer& w) {
    w.key("uid").string(uid);
    if (!name.empty()) w.key("name").string(name);
    if (!avatar.empty()) w.key("avatar").string(avatar);
  });
  HttpRequest request{"POST",
                      serverUrl_ + "/api/users/login",
                      {{"Content-Type", "application/json"}, {"X-Auth-Key", authKey_}},
                      std::move(body)};
  platform_.http().send(
      request, [this, epoch = epoch_, done = std::move(done)](const HttpResponse& response) {
        if (epoch != epoch_) {
          return done(makeError(ErrorCode::kAuthFailed, "Superseded by a later init or logout."));
        }
        if (response.status != 200) return done(apiError(response));
        const auto answer = json::parse(response.body);
        const Value* user = objectField(answer, "user");
        const std::string authToken = stringField(answer, "authToken");
        if (user == nullptr || authToken.empty() || user->stringOr("uid").empty()) {
          return done(makeError(ErrorCode::kAuthFailed, "The server's login answer is malformed."));
        }
        user_ = User{user->stringOr("uid"), user->stringOr("name"), user->stringOr("avatar")};
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
                            Callback<void(Result<IssuedToken>)> done) const {
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
  platform_.http().send(request, [this, done = std::move(done)](const HttpResponse& response) {
    if (response.status != 200) return done(apiError(response));
    const std::string token = stringField(json::parse(response.body), "token");
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
