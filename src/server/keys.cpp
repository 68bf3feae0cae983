#include "keys.h"

#include "crypto.h"

namespace callsession::server {
namespace {

// 32 random bytes: the full strength of HMAC-SHA256.
constexpr size_t kKeyBytes = 32;

std::string storedKey(Store& store, const char* name) {
  return store.loadOrStoreKey(name, randomText(kKeyBytes));
}

}  // namespace

Keys resolveKeys(const Config& config, Store& store) {
  Keys keys;
  keys.signingKey = config.secret ? *config.secret : storedKey(store, "signing_key");
  keys.demoMode = !config.authKey;
  keys.authKey = config.authKey ? *config.authKey : storedKey(store, "demo_auth_key");
  return keys;
}

}  // namespace callsession::server
