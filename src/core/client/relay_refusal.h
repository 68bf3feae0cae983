#pragma once

#include <optional>
#include <string>

#include "core/result.h"

namespace callsession::client {

// An RTCPeerConnectionIceErrorEvent as the browser fires it while gathering candidates.
struct IceCandidateError {
  std::string url;  // the STUN or TURN server's URL
  int errorCode = 0;
  std::string errorText;

  friend bool operator==(const IceCandidateError&, const IceCandidateError&) = default;
};

// Whether a gathering error means a TURN server refused this call, and the app's error for it:
// a STUN error code (300–699) from a turn: or turns: URL, such as 401 for credentials minted under
// another secret. Without its relay a relay-only call has no path at all, and any call loses the
// path it needs behind strict NATs, so the app must hear of it rather than look at a black room.
// Unreachable servers (701) and STUN servers are not refusals: a machine with several networks
// reaches some servers from only some of them, and loses nothing by it.
std::optional<Error> relayRefusal(const IceCandidateError& error);

}  // namespace callsession::client
