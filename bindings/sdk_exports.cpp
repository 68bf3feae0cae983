// The raw embind API of the SDK module: what web/sdk/ wraps as CallSession. Every function answers
// JSON text in the contract's {data, error} shapes (synchronously, or through the `resolve`
// function it is given); nothing here throws, so no exception reaches JS.
#include <emscripten/bind.h>

#include "browser_platform.h"
#include "callbacks.h"
#include "core/client/client.h"
#include "core/client/events.h"
#include "core/client/warm_up.h"
#include "core/json/value.h"
#include "core/json/writer.h"
#include "view_warm_up.h"

namespace callsession::bindings {
namespace {

using json::objectText;
using json::Writer;

BrowserPlatform& platform() {
  static auto* instance = new BrowserPlatform();  // one per page, alive as long as the page
  return *instance;
}

client::Client& sdk() {
  static auto* instance = new client::Client(platform());
  return *instance;
}

// Arguments come as `val` so that a wrong JS type is an error value, not an embind exception.
std::string text(const val& value) {
  return value.isString() ? value.as<std::string>() : "";
}

// {data, error: null}; `data` is JSON text.
std::string answer(std::string_view data) {
  return objectText([&](Writer& w) { w.key("data").raw(data).key("error").null(); });
}

// {data: null, error: {code, message}}
std::string answer(const Error& error) {
  return objectText([&](Writer& w) {
    w.key("data").null().key("error");
    client::events::writeError(w, error);
  });
}

std::string answer(const Status& status) {
  return status.ok() ? answer("null") : answer(status.error());
}

std::string userJson(const client::User& user) {
  return objectText([&](Writer& w) {
    w.key("uid").string(user.uid).key("name").string(user.name).key("avatar").string(user.avatar);
  });
}

std::string init(val configJson, val pageOrigin) {
  return answer(sdk().account().init(text(configJson), text(pageOrigin)));
}

void login(val uid, val profileJson, val resolve) {
  const auto profile = json::parse(text(profileJson)).value_or(json::Value());
  sdk().account().login(
      text(uid), profile.stringOr("name"), profile.stringOr("avatar"),
      [resolve](const Result<client::User>& result) {
        resolve(result.ok() ? answer(userJson(result.value())) : answer(result.error()));
      });
}

std::string logout() {
  sdk().account().logout();
  return answer("null");
}

std::string getLoggedInUser() {
  const auto& user = sdk().account().user();
  return user ? userJson(*user) : "null";
}

// {token, expiresAt, error}: the contract's one result without `data`.
void generateToken(val sessionId, val resolve) {
  sdk().account().generateToken(
      text(sessionId), [resolve](const Result<client::IssuedToken>& result) {
        resolve(objectText([&](Writer& w) {
          if (result.ok()) {
            w.key("token").string(result.value().token);
            w.key("expiresAt").integer(result.value().expiresAt).key("error").null();
          } else {
            w.key("error");
            client::events::writeError(w, result.error());
          }
        }));
      });
}

void joinSession(val token, val settingsJson, val container, val resolve) {
  client::JoinRequest request{text(token), text(settingsJson),
                              platform().openView(std::move(container))};
  sdk().session().join(std::move(request), [resolve](const Result<client::JoinInfo>& result) {
    resolve(result.ok()
                ? answer(client::events::session(result.value().sessionId, result.value().uid))
                : answer(result.error()));
  });
}

std::string leaveSession() {
  sdk().session().leave();
  return answer("null");
}

std::string setAudioMuted(bool muted) {
  return answer(sdk().session().setAudioMuted(muted));
}
std::string setVideoPaused(bool paused) {
  return answer(sdk().session().setVideoPaused(paused));
}

// Answers a media completion through the wrapper's `resolve`.
client::MediaDone resolveWith(val resolve) {
  return [resolve](const Status& status) { resolve(answer(status)); };
}

void setInput(client::MediaKind kind, const val& deviceId, const val& resolve) {
  if (!deviceId.isString()) {
    resolve(answer(makeError(ErrorCode::kSettingsInvalid, "deviceId must be a string.")));
    return;
  }
  sdk().session().useDevice(kind, deviceId.as<std::string>(), resolveWith(resolve));
}

void setAudioInput(val deviceId, val resolve) {
  setInput(client::MediaKind::kAudio, deviceId, resolve);
}
void setVideoInput(val deviceId, val resolve) {
  setInput(client::MediaKind::kVideo, deviceId, resolve);
}

void startScreenSharing(val resolve) {
  sdk().session().startScreenShare(resolveWith(std::move(resolve)));
}
std::string stopScreenSharing() {
  return answer(sdk().session().stopScreenShare());
}

std::string setLayout(val name) {
  const auto layout = callLayoutFromString(text(name));
  if (!layout) {
    return answer(makeError(ErrorCode::kSettingsInvalid,
                            "layout must be \"TILE\", \"SIDEBAR\" or \"SPOTLIGHT\"."));
  }
  return answer(sdk().session().setLayout(*layout));
}

// See core/client/warm_up.h: the wrapper calls it once, when the page is idle.
void warmUp() {
  client::warmUpJoinPath();
}

}  // namespace

EMSCRIPTEN_BINDINGS(callsession) {
  using emscripten::function;
  function("dispatch", &dispatchCallback);
  function("init", &init);
  function("login", &login);
  function("logout", &logout);
  function("getLoggedInUser", &getLoggedInUser);
  function("generateToken", &generateToken);
  function("warmUp", &warmUp);
  function("warmUpView", &warmUpView);
  function("joinSession", &joinSession);
  function("leaveSession", &leaveSession);
  function("setAudioMuted", &setAudioMuted);
  function("setVideoPaused", &setVideoPaused);
  function("setLayout", &setLayout);
  function("setAudioInput", &setAudioInput);
  function("setVideoInput", &setVideoInput);
  function("startScreenSharing", &startScreenSharing);
  function("stopScreenSharing", &stopScreenSharing);
}

}  // namespace callsession::bindings
