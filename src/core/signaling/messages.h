#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/json/writer.h"
#include "core/result.h"

// The WebSocket signaling protocol of docs/signaling.md as values: one struct per message, a parser
// per direction and one serialiser per direction. The server and the browser SDK share this code,
// so the two ends cannot disagree on the wire format.
namespace callsession::signaling {

// Every frame is one JSON text message of at most this size.
inline constexpr size_t kMaxMessageBytes = size_t{64} * 1024;
// A display name, counted in Unicode code points.
inline constexpr size_t kMaxNameLength = 64;

struct Participant {
  std::string uid;
  std::string name;
  int64_t joinedAt = 0;  // milliseconds since the epoch, server clock
  bool audioMuted = false;
  bool videoPaused = false;

  friend bool operator==(const Participant&, const Participant&) = default;
};

// ---- Client → server -------------------------------------------------------------------------

struct Join {
  std::string token;
  std::string name;  // empty when not given

  friend bool operator==(const Join&, const Join&) = default;
};

// `dataJson` is a JSON object in compact text, as json::Writer makes it: serialize() splices it in
// as is (checking it would parse every offer again); the server parses it, refuses anything but
// an object, and relays it.
struct Signal {
  std::string to;
  std::string dataJson;

  friend bool operator==(const Signal&, const Signal&) = default;
};

struct State {
  bool audioMuted = false;
  bool videoPaused = false;

  friend bool operator==(const State&, const State&) = default;
};

struct Leave {
  friend bool operator==(const Leave&, const Leave&) = default;
};

struct Ping {
  friend bool operator==(const Ping&, const Ping&) = default;
};

using ClientMessage = std::variant<Join, Signal, State, Leave, Ping>;

// ---- Server → client -------------------------------------------------------------------------

struct Joined {
  std::string sessionId;
  std::string uid;
  std::vector<Participant> participants;  // the others already in the room
  std::string iceServersJson = "[]";      // a JSON array in compact text
  int64_t serverTime = 0;                 // milliseconds
  int64_t expiresAt = 0;                  // seconds: when the meeting ends

  friend bool operator==(const Joined&, const Joined&) = default;
};

struct ParticipantJoined {
  Participant participant;

  friend bool operator==(const ParticipantJoined&, const ParticipantJoined&) = default;
};

enum class LeaveReason { kLeft, kVanished, kReplaced };
std::string_view toString(LeaveReason reason);

struct ParticipantLeft {
  std::string uid;
  LeaveReason reason = LeaveReason::kLeft;

  friend bool operator==(const ParticipantLeft&, const ParticipantLeft&) = default;
};

struct ParticipantState {
  std::string uid;
  bool audioMuted = false;
  bool videoPaused = false;

  friend bool operator==(const ParticipantState&, const ParticipantState&) = default;
};

struct RelayedSignal {
  std::string from;
  // Compact JSON object text, as parsing a client's signal leaves it: serialize() splices it in
  // as is.
  std::string dataJson;

  friend bool operator==(const RelayedSignal&, const RelayedSignal&) = default;
};

struct Pong {
  int64_t serverTime = 0;  // milliseconds

  friend bool operator==(const Pong&, const Pong&) = default;
};

// A refusal or protocol fault; the server closes the connection after it.
struct Failure {
  Error error;

  friend bool operator==(const Failure&, const Failure&) = default;
};

// The meeting reached its expiresAt ("expired" is the only reason so far).
struct SessionEnded {
  friend bool operator==(const SessionEnded&, const SessionEnded&) = default;
};

using ServerMessage = std::variant<Joined, ParticipantJoined, ParticipantLeft, ParticipantState,
                                   RelayedSignal, Pong, Failure, SessionEnded>;

// Client messages are parsed strictly: unknown `type`, unknown fields, wrong types, a malformed
// value or a frame over kMaxMessageBytes give ERROR_SIGNALING_FAILED with a message that names the
// fault. Server messages are parsed the same way except that unknown fields are ignored, so a newer
// server can add fields without breaking an older SDK.
Result<ClientMessage> parseClientMessage(std::string_view text);
Result<ServerMessage> parseServerMessage(std::string_view text);

// Compact JSON text, one message per frame. Strings that are not valid UTF-8 are repaired (U+FFFD)
// rather than refused, so serialising never fails.
std::string serialize(const ClientMessage& message);
std::string serialize(const ServerMessage& message);

// A participant's fields {uid, name, joinedAt, audioMuted, videoPaused} into an object the caller
// has opened: the wire's shape, which the SDK's events pass on.
void writeParticipantFields(json::Writer& w, const Participant& p);

}  // namespace callsession::signaling
