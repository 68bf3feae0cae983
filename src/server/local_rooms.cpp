#include "local_rooms.h"

#include <algorithm>

namespace callsession::server {

using signaling::LeaveReason;
using signaling::Participant;
using signaling::ServerMessage;

void LocalRooms::join(const std::string& sessionId, const Participant& participant,
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

LocalRooms::Member* LocalRooms::memberOf(const std::string& sessionId, const std::string& uid,
                                         const Peer* peer) {
  auto room = rooms_.find(sessionId);
  if (room == rooms_.end()) return nullptr;
  auto member = room->second.find(uid);
  if (member == room->second.end() || member->second.peer.get() != peer) return nullptr;
  return &member->second;
}

void LocalRooms::leave(const std::string& sessionId, const std::string& uid, const Peer* peer,
                       LeaveReason reason) {
  if (memberOf(sessionId, uid, peer) == nullptr) return;
  auto room = rooms_.find(sessionId);
  room->second.erase(uid);
  broadcast(room->second, uid, signaling::ParticipantLeft{uid, reason});
  if (room->second.empty()) rooms_.erase(room);
}

void LocalRooms::relay(const std::string& sessionId, const std::string& from, const std::string& to,
                       const std::string& dataJson) {
  auto room = rooms_.find(sessionId);
  if (room == rooms_.end() || to == from) return;
  auto member = room->second.find(to);
  if (member == room->second.end()) return;
  member->second.peer->send(
      signaling::serialize(ServerMessage{signaling::RelayedSignal{from, dataJson}}));
}

void LocalRooms::updateState(const std::string& sessionId, const std::string& uid, const Peer* peer,
                             const signaling::State& state) {
  Member* member = memberOf(sessionId, uid, peer);
  if (member == nullptr) return;
  member->participant.audioMuted = state.audioMuted;
  member->participant.videoPaused = state.videoPaused;
  broadcast(rooms_.find(sessionId)->second, uid,
            signaling::ParticipantState{uid, state.audioMuted, state.videoPaused});
}

std::vector<Participant> LocalRooms::roster(std::string_view sessionId) const {
  std::vector<Participant> participants;
  auto room = rooms_.find(sessionId);
  if (room == rooms_.end()) return participants;
  for (const auto& [uid, member] : room->second) participants.push_back(member.participant);
  std::stable_sort(
      participants.begin(), participants.end(),
      [](const Participant& a, const Participant& b) { return a.joinedAt < b.joinedAt; });
  return participants;
}

void LocalRooms::broadcast(const Room& room, const std::string& exceptUid,
                           const ServerMessage& message) const {
  const std::string text = signaling::serialize(message);
  for (const auto& [uid, member] : room) {
    if (uid != exceptUid) member.peer->send(text);
  }
}

}  // namespace callsession::server
