#include "events.h"

#include <nlohmann/json.hpp>

namespace callsession::client::events {
namespace {

using nlohmann::json;

json toJson(const Error& error) {
  return {{"code", std::string(toString(error.code))}, {"message", error.message}};
}

json toJson(const signaling::Participant& p) {
  return {{"uid", p.uid},
          {"name", p.name},
          {"joinedAt", p.joinedAt},
          {"audioMuted", p.audioMuted},
          {"videoPaused", p.videoPaused}};
}

}  // namespace

std::string session(const std::string& sessionId, const std::string& uid) {
  return json{{"sessionId", sessionId}, {"uid", uid}}.dump();
}

std::string connectionClosed(const std::string& sessionId, bool ownLeave, const Error* error) {
  return json{{"sessionId", sessionId},
              {"reason", ownLeave ? "left" : "closed"},
              {"error", error != nullptr ? toJson(*error) : json(nullptr)}}
      .dump();
}

std::string participant(const signaling::Participant& participant) {
  return toJson(participant).dump();
}

std::string participantLeft(const std::string& uid, signaling::LeaveReason reason) {
  return json{{"uid", uid}, {"reason", std::string(signaling::toString(reason))}}.dump();
}

std::string participantList(const signaling::Participant& self,
                            const std::vector<signaling::Participant>& remotes) {
  json list = json::array();
  list.push_back(toJson(self));
  list.back()["isLocal"] = true;
  for (const auto& remote : remotes) {
    list.push_back(toJson(remote));
    list.back()["isLocal"] = false;
  }
  return json{{"participants", std::move(list)}}.dump();
}

std::string audioMuted(std::string_view uid, bool muted, bool isLocal) {
  return json{{"uid", uid}, {"muted", muted}, {"isLocal", isLocal}}.dump();
}
std::string videoPaused(std::string_view uid, bool paused, bool isLocal) {
  return json{{"uid", uid}, {"paused", paused}, {"isLocal", isLocal}}.dump();
}
std::string layoutChanged(CallLayout layout) {
  return json{{"layout", std::string(toString(layout))}}.dump();
}

std::string error(const Error& error) {
  return json{{"error", toJson(error)}}.dump();
}

}  // namespace callsession::client::events
