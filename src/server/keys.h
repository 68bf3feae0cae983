#pragma once

#include <string>

#include "config.h"
#include "store.h"

namespace callsession::server {

// The two secrets the server works with. Either comes from the environment, or is made once from
// OpenSSL randomness and kept in the store, so tokens and the demo key survive a restart.
struct Keys {
  std::string signingKey;  // HMAC key of every JWT the server issues
  std::string authKey;     // what X-Auth-Key must equal at login
  // No CALLSESSION_AUTH_KEY: the stored key is handed to the demo pages (and only to them).
  bool demoMode = false;
};

Keys resolveKeys(const Config& config, Store& store);

}  // namespace callsession::server
