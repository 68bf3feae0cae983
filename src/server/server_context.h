#pragma once

#include "config.h"
#include "core/clock.h"
#include "keys.h"
#include "rooms.h"
#include "store.h"
#include "usage_limits.h"

namespace callsession::server {

// What request handlers and connections share: one per server process, owned by main.
struct ServerContext {
  const Config& config;
  const Keys& keys;
  const Clock& clock;
  Store& store;
  Rooms& rooms;
  Limits& limits;
};

}  // namespace callsession::server
