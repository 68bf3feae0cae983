// Server → client messages: serialisation (what the server sends) and parsing (what the SDK reads),
// tolerant of fields it does not know.
#include <array>
#include <type_traits>
#include <utility>

#include "field_reader.h"
#include "messages.h"

namespace callsession::signaling {
namespace {

using nlohmann::json;

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

json participantJson(const Participant& p) {
  return {{"uid", p.uid},
          {"name", p.name},
          {"joinedAt", p.joinedAt},
          {"audioMuted", p.audioMuted},
          {"videoPaused", p.videoPaused}};
}

// Reads a participant from `value`; records a fault in `outer` if it is not one.
Participant readParticipant(const json& value, FieldReader& outer) {
  Participant participant;
  if (!value.is_object()) {
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
  if (const json* participants = reader.requireArray("participants")) {
    for (const json& value : *participants) {
      joined.participants.push_back(readParticipant(value, reader));
    }
  }
  reader.requireArrayText("iceServers", joined.iceServersJson);
  reader.requireInteger("serverTime", joined.serverTime);
  reader.requireInteger("expiresAt", joined.expiresAt);
  return joined;
}

ParticipantJoined readParticipantJoined(FieldReader& reader, const json& object) {
  ParticipantJoined joined;
  auto it = object.find("participant");
  if (it == object.end()) {
    reader.fail("Field 'participant' is missing.");
  } else {
    joined.participant = readParticipant(*it, reader);
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

struct ServerSerializer {
  json operator()(const Joined& m) const {
    json participants = json::array();
    for (const Participant& p : m.participants) participants.push_back(participantJson(p));
    return {{"type", "joined"},
            {"sessionId", m.sessionId},
            {"uid", m.uid},
            {"participants", std::move(participants)},
            {"iceServers", parseOrNull(m.iceServersJson)},
            {"serverTime", m.serverTime},
            {"expiresAt", m.expiresAt}};
  }
  json operator()(const ParticipantJoined& m) const {
    return {{"type", "participant-joined"}, {"participant", participantJson(m.participant)}};
  }
  json operator()(const ParticipantLeft& m) const {
    return {{"type", "participant-left"}, {"uid", m.uid}, {"reason", toString(m.reason)}};
  }
  json operator()(const ParticipantState& m) const {
    return {{"type", "participant-state"},
            {"uid", m.uid},
            {"audioMuted", m.audioMuted},
            {"videoPaused", m.videoPaused}};
  }
  // The busiest message, relayed by the thousand: written as text (keys in the order the others
  // get), its `data` spliced in as is rather than parsed again only to be dumped.
  std::string operator()(const RelayedSignal& m) const {
    return R"({"data":)" + m.dataJson + R"(,"from":)" + dumpCompact(m.from) +
           R"(,"type":"signal"})";
  }
  json operator()(const Pong& m) const { return {{"type", "pong"}, {"serverTime", m.serverTime}}; }
  json operator()(const Failure& m) const {
    return {{"type", "error"}, {"code", toString(m.error.code)}, {"message", m.error.message}};
  }
  json operator()(const SessionEnded&) const {
    return {{"type", "session-ended"}, {"reason", "expired"}};
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
  const json& object = envelope.value().object;
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

std::string serialize(const ServerMessage& message) {
  return std::visit(
      [](const auto& m) -> std::string {
        auto serialized = ServerSerializer{}(m);
        if constexpr (std::is_same_v<decltype(serialized), std::string>) {
          return serialized;
        } else {
          return dumpCompact(serialized);
        }
      },
      message);
}

}  // namespace callsession::signaling
