#pragma once

#include "core/client/account.h"
#include "core/client/session_controller.h"
#include "core/clock_skew.h"
#include "core/used_tokens.h"

namespace callsession::client {

// The SDK's state, one per page: who is logged in, what the server's clock says, which tokens are
// spent, and the session. The bindings expose it as the JS API.
class Client {
 public:
  explicit Client(Platform& platform)
      : account_(platform, skew_), session_(platform, account_, skew_, usedTokens_) {}

  Account& account() { return account_; }
  SessionController& session() { return session_; }

 private:
  ClockSkew skew_;
  UsedTokens usedTokens_;
  Account account_;
  SessionController session_;
};

}  // namespace callsession::client
