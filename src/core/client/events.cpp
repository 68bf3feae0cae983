#include "events.h"

namespace callsession::client::events {

using json::objectText;

void writeError(json::Writer& w, const Error& error) {
  w.beginObject().key("code").string(toString(error.code));
  w.key("message").string(error.message).endObject();
}

std::string session(const std::string& sessionId, const std::string& uid) {
  return objectText(
      [&](json::Writer& w) { w.key("sessionId").string(sessionId).key("uid").string(uid); });
}

std::string connectionClosed(const std::string& sessionId, bool ownLeave, const Error* error) {
  return objectText([&](json::Writer& w) {
    w.key("sessionId").string(sessionId).key("reason").string(ownLeave ? "left" : "closed");
    w.key("error");
    if (error != nullptr) {
      writeError(w, *error);
    } else {
      w.null();
    }
  });
}

std::string participant(const signaling::Participant& participant) {
  return objectText([&](json::Writer& w) { signaling::writeParticipantFields(w, participant); });
}

std::string participantLeft(const std::string& uid, signaling::LeaveReason reason) {
  return objectText([&](json::Writer& w) {
    w.key("uid").string(uid).key("reason").string(signaling::toString(reason));
  });
}

std::string participantList(const signaling::Participant& self,
                            const std::vector<signaling::Participant>& remotes) {
  return objectText([&](json::Writer& w) {
    const auto entry = [&w](const signaling::Participant& p, bool isLocal) {
      w.beginObject();
      signaling::writeParticipantFields(w, p);
      w.key("isLocal").boolean(isLocal).endObject();
    };
    w.key("participants").beginArray();
    entry(self, true);
    for (const auto& remote : remotes) entry(remote, false);
    w.endArray();
  });
}

std::string audioMuted(std::string_view uid, bool muted, bool isLocal) {
  return objectText([&](json::Writer& w) {
    w.key("uid").string(uid).key("muted").boolean(muted).key("isLocal").boolean(isLocal);
  });
}

std::string videoPaused(std::string_view uid, bool paused, bool isLocal) {
  return objectText([&](json::Writer& w) {
    w.key("uid").string(uid).key("paused").boolean(paused).key("isLocal").boolean(isLocal);
  });
}

std::string layoutChanged(CallLayout layout) {
  return objectText([&](json::Writer& w) { w.key("layout").string(toString(layout)); });
}

std::string error(const Error& error) {
  return objectText([&](json::Writer& w) {
    w.key("error");
    writeError(w, error);
  });
}

}  // namespace callsession::client::events
