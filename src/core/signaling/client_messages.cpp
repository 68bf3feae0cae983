// Client → server messages: strict parsing (the server is where bad input must stop) and
// serialisation (what the SDK sends).
#include "core/token.h"
#include "field_reader.h"
#include "messages.h"
#include "uid.h"

namespace callsession::signaling {
namespace {

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

// Writes each message into `w`, its `type` first.
struct ClientSerializer {
  json::Writer& w;

  void operator()(const Join& join) const {
    w.beginObject().key("type").string("join").key("token").string(join.token);
    if (!join.name.empty()) w.key("name").string(join.name);
    w.endObject();
  }
  void operator()(const Signal& signal) const {
    w.beginObject().key("type").string("signal").key("to").string(signal.to);
    w.key("data").raw(signal.dataJson).endObject();
  }
  void operator()(const State& state) const {
    w.beginObject().key("type").string("state").key("audioMuted").boolean(state.audioMuted);
    w.key("videoPaused").boolean(state.videoPaused).endObject();
  }
  void operator()(const Leave&) const { w.beginObject().key("type").string("leave").endObject(); }
  void operator()(const Ping&) const { w.beginObject().key("type").string("ping").endObject(); }
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
  json::Writer writer;
  std::visit(ClientSerializer{writer}, message);
  return std::move(writer).take();
}

}  // namespace callsession::signaling
