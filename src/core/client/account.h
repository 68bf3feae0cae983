#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/callback.h"
#include "core/client/ports.h"
#include "core/clock_skew.h"
#include "core/result.h"

namespace callsession::client {

struct User {
  std::string uid;
  std::string name;
  std::string avatar;

  friend bool operator==(const User&, const User&) = default;
};

struct IssuedToken {
  std::string token;
  int64_t expiresAt = 0;  // seconds, server clock
};

// init, login, logout and generateToken: the app's identity towards the server's HTTP API
// (CONTRACT.md §2 and §4). Every failure is a value; nothing is sent that the client can already
// tell the server would refuse.
class Account {
 public:
  // `skew` learns the server's clock from each token's iat.
  Account(Platform& platform, ClockSkew& skew) : platform_(platform), skew_(skew) {}

  // `configJson` is {appId, region?, authKey?, serverUrl?}; `pageOrigin` is the default serverUrl.
  // Re-initialising forgets the logged-in user.
  Status init(std::string_view configJson, std::string_view pageOrigin);
  // `name` and `avatar` are optional (empty: the server keeps or derives them).
  void login(std::string_view uid, std::string_view name, std::string_view avatar,
             Callback<void(Result<User>)> done);
  void logout();
  // const: it changes nothing of the account, so a session may mint its own reconnection tokens.
  void generateToken(std::string_view sessionId, Callback<void(Result<IssuedToken>)> done) const;

  [[nodiscard]] bool initialized() const { return !serverUrl_.empty(); }
  [[nodiscard]] const std::optional<User>& user() const { return user_; }
  // ws:// or wss:// as the server's scheme is http or https.
  [[nodiscard]] std::string webSocketUrl() const;

 private:
  Platform& platform_;
  ClockSkew& skew_;
  std::string serverUrl_;  // origin, no trailing slash; empty until init
  std::string authKey_;
  std::optional<User> user_;
  std::string authToken_;
  uint64_t epoch_ = 0;  // bumped by init and logout, so that an older login's answer is dropped
};

// The contract's error for a failed API answer: the body's {"error":{code,message}} when it names a
// known code, else one derived from the HTTP status; status 0 is ERROR_NETWORK.
Error apiError(const HttpResponse& response);

}  // namespace callsession::client
