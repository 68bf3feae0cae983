#include "mesh.h"

#include <algorithm>
#include <utility>

namespace callsession::client {

Mesh::Mesh(Platform& platform, std::string selfUid, std::string iceServersJson,
           IceTransportPolicy icePolicy, SendSignal sendSignal, OnAudioLevel onAudioLevel,
           OnPeerLost onPeerLost, RemotePeer::OnRelayRefused onRelayRefused)
    : platform_(platform),
      selfUid_(std::move(selfUid)),
      iceServersJson_(std::move(iceServersJson)),
      icePolicy_(icePolicy),
      sendSignal_(std::move(sendSignal)),
      onAudioLevel_(std::move(onAudioLevel)),
      onPeerLost_(std::move(onPeerLost)),
      onRelayRefused_(std::move(onRelayRefused)) {}

Mesh::Remote* Mesh::find(std::string_view uid) {
  auto it = std::find_if(remotes_.begin(), remotes_.end(),
                         [uid](const Remote& remote) { return remote.participant.uid == uid; });
  return it == remotes_.end() ? nullptr : &*it;
}

bool Mesh::add(const signaling::Participant& participant, FirstOffer firstOffer) {
  if (participant.uid == selfUid_ || find(participant.uid) != nullptr) return false;
  const std::string& uid = participant.uid;
  auto send = [this, uid](std::string dataJson) { sendSignal_(uid, std::move(dataJson)); };
  auto level = [this, uid](double value) { onAudioLevel_(uid, value); };
  auto lost = [this, uid] { onPeerLost_(uid); };  // a copy: the peer and this lambda may go
  auto peer = std::make_unique<RemotePeer>(
      platform_, PeerConfig{uid, iceServersJson_, icePolicy_}, isPolite(selfUid_, uid),
      std::move(send), std::move(level), std::move(lost), onRelayRefused_, firstOffer);
  RemotePeer& added = *peer;
  remotes_.push_back({participant, std::move(peer)});
  added.offerNow();  // once listed, so that what it sends finds its way
  return true;
}

bool Mesh::remove(std::string_view uid) {
  return std::erase_if(remotes_,
                       [uid](const Remote& remote) { return remote.participant.uid == uid; }) > 0;
}

bool Mesh::setMediaState(std::string_view uid, bool audioMuted, bool videoPaused) {
  Remote* remote = find(uid);
  if (remote == nullptr) return false;
  signaling::Participant& p = remote->participant;
  if (p.audioMuted == audioMuted && p.videoPaused == videoPaused) return false;
  p.audioMuted = audioMuted;
  p.videoPaused = videoPaused;
  return true;
}

void Mesh::setInRoom(std::string_view uid, bool inRoom) {
  if (Remote* remote = find(uid)) remote->peer->setRemoteInRoom(inRoom);
}

void Mesh::setIceServers(std::string iceServersJson) {
  if (iceServersJson == iceServersJson_) return;
  iceServersJson_ = std::move(iceServersJson);
  for (const auto& remote : remotes_) remote.peer->setIceServers(iceServersJson_);
}

void Mesh::onSignal(std::string_view from, std::string_view dataJson) {
  if (Remote* remote = find(from)) remote->peer->onSignal(dataJson);
}

}  // namespace callsession::client
