#include "rooms.h"

#include <algorithm>

namespace callsession::server {

using signaling::LeaveReason;
using signaling::Participant;
using signaling::ServerMessage;

void Rooms::join(const std::string& sessionId, const Participant& participant,
                 std::shared_ptr<Peer> peer, signaling::Joined welcome) {
  Room& room = rooms_[sessionId];
  if (auto previous = room.find(participant.uid); previous != room.end()) {
    const std::shared_ptr<Peer> replaced = previous->second.peer;
    room.erase(previous);
    replaced->send(signaling::serialize(
        ServerMessage{signaling::Failure{makeError(ErrorCode::kSignalingFailed, "replaced")}}));
    replaced->close("replaced");
    broadcast(room, participant.uid,
              signaling::ParticipantLeft{participant.uid, LeaveReason::kReplaced});
  }
  welcome.participants = roster(sessionId);
  peer->send(signaling::serialize(ServerMessage{std::move(welcome)}));
  broadcast(room, participant.uid, signaling::ParticipantJoined{participant});
  room.emplace(participant.uid, Member{participant, std::move(peer)});
}

void Rooms::leave(const std::string& sessionId, const std::string& uid, const Peer* peer,
                  LeaveReason reason) {
  auto room = rooms_.find(sessionId);
  if (room == rooms_.end()) return;
  auto member = room->second.find(uid);
  if (member == room->second.end() || member->second.peer.get() != peer) return;
  room->second.erase(member);
  broadcast(room->second, uid, signaling::ParticipantLeft{uid, reason});
  if (room->second.empty()) rooms_.erase(room);
}

bool Rooms::relay(const std::string& sessionId, const std::string& from, const std::string& to,
                  const std::string& dataJson) {
  auto room = rooms_.find(sessionId);
  if (room == rooms_.end()) return false;
  auto member = room->second.find(to);
  if (member == room->second.end() || to == from) return false;
  member->second.peer->send(
      signaling::serialize(ServerMessage{signaling::RelayedSignal{from, dataJson}}));
  return true;
}

void Rooms::updateState(const std::string& sessionId, const std::string& uid,
                        const signaling::State& state) {
  auto room = rooms_.find(sessionId);
  if (room == rooms_.end()) return;
  auto member = room->second.find(uid);
  if (member == room->second.end()) return;
  member->second.participant.audioMuted = state.audioMuted;
  member->second.participant.videoPaused = state.videoPaused;
  broadcast(room->second, uid,
            signaling::ParticipantState{uid, state.audioMuted, state.videoPaused});
}

std::vector<Participant> Rooms::roster(std::string_view sessionId) const {
  std::vector<Participant> participants;
  auto room = rooms_.find(sessionId);
  if (room == rooms_.end()) return participants;
  for (const auto& [uid, member] : room->second) participants.push_back(member.participant);
  std::stable_sort(
      participants.begin(), participants.end(),
      [](const Participant& a, const Participant& b) { return a.joinedAt < b.joinedAt; });
  return participants;
}

void Rooms::broadcast(const Room& room, const std::string& exceptUid,
                      const ServerMessage& message) const {
  const std::string text = signaling::serialize(message);
  for (const auto& [uid, member] : room) {
    if (uid != exceptUid) member.peer->send(text);
  }
}

}  // namespace callsession::server
