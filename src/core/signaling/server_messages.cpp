// Server → client messages: serialisation (what the server sends) and parsing (what the SDK reads),
// tolerant of fields it does not know.
#include <array>
#include <utility>

#include "field_reader.h"
#include "messages.h"

namespace callsession::signaling {
namespace {

using json::Value;

constexpr std::array<std::pair<LeaveReason, std::string_view>, 3> kLeaveReasonNames{{
    {LeaveReason::kLeft, "left"},
    {LeaveReason::kVanished, "vanished"},
    {LeaveReason::kReplaced, "replaced"},
}};

std::optional<LeaveReason> leaveReasonFromString(std::string_view text) {
  for (const auto& [reason, name] : kLeaveReasonNames) {
    if (name == text) return reason;
  }
  return std::nullopt;
}

void writeParticipant(json::Writer& w, const Participant& p) {
  w.beginObject();
  writeParticipantFields(w, p);
  w.endObject();
}

// Reads a participant from `value`; records a fault in `outer` if it is not one.
Participant readParticipant(const Value& value, FieldReader& outer) {
  Participant participant;
  if (!value.isObject()) {
    outer.fail("A participant must be an object.");
    return participant;
  }
  FieldReader reader(value);
  reader.requireString("uid", participant.uid);
  reader.requireString("name", participant.name);
  reader.requireInteger("joinedAt", participant.joinedAt);
  reader.requireBool("audioMuted", participant.audioMuted);
  reader.requireBool("videoPaused", participant.videoPaused);
  if (auto error = reader.finish(false)) outer.fail(error->message);
  return participant;
}

Joined readJoined(FieldReader& reader) {
  Joined joined;
  reader.requireString("sessionId", joined.sessionId);
  reader.requireString("uid", joined.uid);
  if (const Value* participants = reader.requireArray("participants")) {
    for (const Value& value : participants->items()) {
      joined.participants.push_back(readParticipant(value, reader));
    }
  }
  reader.requireArrayText("iceServers", joined.iceServersJson);
  reader.requireInteger("serverTime", joined.serverTime);
  reader.requireInteger("expiresAt", joined.expiresAt);
  return joined;
}

ParticipantJoined readParticipantJoined(FieldReader& reader, const Value& object) {
  ParticipantJoined joined;
  if (const Value* participant = object.find("participant")) {
    joined.participant = readParticipant(*participant, reader);
  } else {
    reader.fail("Field 'participant' is missing.");
  }
  return joined;
}

ParticipantLeft readParticipantLeft(FieldReader& reader) {
  ParticipantLeft left;
  std::string reason;
  reader.requireString("uid", left.uid);
  reader.requireString("reason", reason);
  if (auto known = leaveReasonFromString(reason)) {
    left.reason = *known;
  } else {
    // A reason this SDK does not know yet is still a departure.
    left.reason = LeaveReason::kLeft;
  }
  return left;
}

ParticipantState readParticipantState(FieldReader& reader) {
  ParticipantState state;
  reader.requireString("uid", state.uid);
  reader.requireBool("audioMuted", state.audioMuted);
  reader.requireBool("videoPaused", state.videoPaused);
  return state;
}

RelayedSignal readRelayedSignal(FieldReader& reader) {
  RelayedSignal signal;
  reader.requireString("from", signal.from);
  reader.requireObjectText("data", signal.dataJson);
  return signal;
}

Pong readPong(FieldReader& reader) {
  Pong pong;
  reader.requireInteger("serverTime", pong.serverTime);
  return pong;
}

Failure readFailure(FieldReader& reader) {
  std::string code;
  Failure failure{makeError(ErrorCode::kSignalingFailed, "")};
  reader.requireString("code", code);
  reader.requireString("message", failure.error.message);
  // A code this SDK does not know is still a signaling failure.
  failure.error.code = errorCodeFromString(code).value_or(ErrorCode::kSignalingFailed);
  return failure;
}

// Writes each message into `w`, its `type` first.
struct ServerSerializer {
  json::Writer& w;

  void operator()(const Joined& m) const {
    w.beginObject().key("type").string("joined");
    w.key("sessionId").string(m.sessionId).key("uid").string(m.uid);
    w.key("participants").beginArray();
    for (const Participant& p : m.participants) writeParticipant(w, p);
    w.endArray().key("iceServers");
    writeJsonOrNull(w, m.iceServersJson);
    w.key("serverTime").integer(m.serverTime).key("expiresAt").integer(m.expiresAt).endObject();
  }
  void operator()(const ParticipantJoined& m) const {
    w.beginObject().key("type").string("participant-joined").key("participant");
    writeParticipant(w, m.participant);
    w.endObject();
  }
  void operator()(const ParticipantLeft& m) const {
    w.beginObject().key("type").string("participant-left");
    w.key("uid").string(m.uid).key("reason").string(toString(m.reason)).endObject();
  }
  void operator()(const ParticipantState& m) const {
    w.beginObject().key("type").string("participant-state").key("uid").string(m.uid);
    w.key("audioMuted").boolean(m.audioMuted).key("videoPaused").boolean(m.videoPaused);
    w.endObject();
  }
  // The busiest message, relayed by the thousand: its `data` is copied in as the text it was
  // validated as on arrival, not parsed again.
  void operator()(const RelayedSignal& m) const {
    w.beginObject().key("type").string("signal").key("from").string(m.from);
    w.key("data").raw(m.dataJson).endObject();
  }
  void operator()(const Pong& m) const {
    w.beginObject().key("type").string("pong").key("serverTime").integer(m.serverTime).endObject();
  }
  void operator()(const Failure& m) const {
    w.beginObject().key("type").string("error").key("code").string(toString(m.error.code));
    w.key("message").string(m.error.message).endObject();
  }
  void operator()(const SessionEnded&) const {
    w.beginObject().key("type").string("session-ended").key("reason").string("expired");
    w.endObject();
  }
};

// The message read, unless the reader recorded a fault while reading it.
template <class Message>
Result<ServerMessage> finished(Message message, const FieldReader& reader) {
  if (auto error = reader.finish(false)) return *error;
  return ServerMessage{std::move(message)};
}

}  // namespace

std::string_view toString(LeaveReason reason) {
  return kLeaveReasonNames.at(static_cast<size_t>(reason)).second;
}

Result<ServerMessage> parseServerMessage(std::string_view text) {
  auto envelope = parseEnvelope(text);
  if (!envelope.ok()) return envelope.error();
  const std::string& type = envelope.value().type;
  const Value& object = envelope.value().object;
  FieldReader reader(object);
  if (type == "joined") return finished(readJoined(reader), reader);
  if (type == "participant-joined") return finished(readParticipantJoined(reader, object), reader);
  if (type == "participant-left") return finished(readParticipantLeft(reader), reader);
  if (type == "participant-state") return finished(readParticipantState(reader), reader);
  if (type == "signal") return finished(readRelayedSignal(reader), reader);
  if (type == "pong") return finished(readPong(reader), reader);
  if (type == "error") return finished(readFailure(reader), reader);
  if (type == "session-ended") return finished(SessionEnded{}, reader);
  return signalingError("Unknown message type '" + type + "'.");
}

void writeParticipantFields(json::Writer& w, const Participant& p) {
  w.key("uid").string(p.uid).key("name").string(p.name).key("joinedAt").integer(p.joinedAt);
  w.key("audioMuted").boolean(p.audioMuted).key("videoPaused").boolean(p.videoPaused);
}

std::string serialize(const ServerMessage& message) {
  json::Writer writer;
  std::visit(ServerSerializer{writer}, message);
  return std::move(writer).take();
}

}  // namespace callsession::signaling
