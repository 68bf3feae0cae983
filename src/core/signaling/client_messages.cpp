// Client → server messages: strict parsing (the server is where bad input must stop) and
// serialisation (what the SDK sends).
#include "core/token.h"
#include "field_reader.h"
#include "messages.h"
#include "uid.h"

namespace callsession::signaling {
namespace {

using nlohmann::json;

Result<ClientMessage> parseJoin(FieldReader& reader) {
  Join join;
  reader.requireString("token", join.token);
  reader.optionalString("name", join.name);
  if (join.token.size() > kMaxTokenLength) reader.fail("Field 'token' is too long.");
  if (codePointCount(join.name) > kMaxNameLength)
    reader.fail("Field 'name' is over 64 characters.");
  if (auto error = reader.finish(true)) return *error;
  if (join.token.empty()) return signalingError("Field 'token' is empty.");
  return ClientMessage{std::move(join)};
}

Result<ClientMessage> parseSignal(FieldReader& reader) {
  Signal signal;
  reader.requireString("to", signal.to);
  reader.requireObjectText("data", signal.dataJson);
  if (auto error = reader.finish(true)) return *error;
  if (!isValidUid(signal.to)) return signalingError("Field 'to' is not a valid uid.");
  return ClientMessage{std::move(signal)};
}

Result<ClientMessage> parseState(FieldReader& reader) {
  State state;
  reader.requireBool("audioMuted", state.audioMuted);
  reader.requireBool("videoPaused", state.videoPaused);
  if (auto error = reader.finish(true)) return *error;
  return ClientMessage{state};
}

// A message that carries nothing but its type.
template <class Message>
Result<ClientMessage> parseBare(FieldReader& reader) {
  if (auto error = reader.finish(true)) return *error;
  return ClientMessage{Message{}};
}

struct ClientSerializer {
  json operator()(const Join& join) const {
    json out{{"type", "join"}, {"token", join.token}};
    if (!join.name.empty()) out["name"] = join.name;
    return out;
  }
  json operator()(const Signal& signal) const {
    return {{"type", "signal"}, {"to", signal.to}, {"data", parseOrNull(signal.dataJson)}};
  }
  json operator()(const State& state) const {
    return {
        {"type", "state"}, {"audioMuted", state.audioMuted}, {"videoPaused", state.videoPaused}};
  }
  json operator()(const Leave&) const { return {{"type", "leave"}}; }
  json operator()(const Ping&) const { return {{"type", "ping"}}; }
};

}  // namespace

Result<ClientMessage> parseClientMessage(std::string_view text) {
  auto envelope = parseEnvelope(text);
  if (!envelope.ok()) return envelope.error();
  const std::string& type = envelope.value().type;
  FieldReader reader(envelope.value().object);
  std::string ignoredType;
  reader.requireString("type", ignoredType);
  if (type == "join") return parseJoin(reader);
  if (type == "signal") return parseSignal(reader);
  if (type == "state") return parseState(reader);
  if (type == "leave") return parseBare<Leave>(reader);
  if (type == "ping") return parseBare<Ping>(reader);
  return signalingError("Unknown message type '" + type + "'.");
}

std::string serialize(const ClientMessage& message) {
  return dumpCompact(std::visit(ClientSerializer{}, message));
}

}  // namespace callsession::signaling
