#pragma once

// The client's JSON parsing is the core's: one parser instantiation in the SDK.
#include "core/json_text.h"

namespace callsession::client {
using callsession::parseJson;
}  // namespace callsession::client
