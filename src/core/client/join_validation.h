#pragma once

#include <cstdint>
#include <string_view>

#include "core/result.h"
#include "core/settings.h"
#include "core/token.h"
#include "core/used_tokens.h"

namespace callsession::client {

// What a join needs that the client can check before touching the network or the container.
struct JoinInputs {
  bool initialized = false;
  std::string_view uid;  // the logged-in user; empty when nobody is
  std::string_view token;
  std::string_view settingsJson;
  int64_t serverNowSeconds = 0;  // local clock corrected by the skew estimate
  const UsedTokens* usedTokens = nullptr;
};

struct JoinPlan {
  TokenClaims claims;
  SessionSettings settings;
};

// In order: init (ERROR_NOT_INITIALIZED), login (ERROR_AUTH_TOKEN_MISSING), settings
// (ERROR_SETTINGS_INVALID), token: decodes and names a well-formed session (ERROR_TOKEN_INVALID),
// this user, fresh (checkClaims), never used before (ERROR_TOKEN_ALREADY_USED).
Result<JoinPlan> validateJoin(const JoinInputs& inputs);

}  // namespace callsession::client
