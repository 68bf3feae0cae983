#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/client/peer.h"
#include "core/signaling/messages.h"

namespace callsession::client {

// The full mesh: one peer connection per remote participant, in the order they joined.
class Mesh {
 public:
  struct Remote {
    signaling::Participant participant;
    std::unique_ptr<RemotePeer> peer;
  };

  // `sendSignal(to, dataJson)` relays a peer's signal through the server.
  using SendSignal = Callback<void(const std::string& to, std::string dataJson)>;
  // `onAudioLevel(from, level)` hears each remote participant's audio level.
  using OnAudioLevel = Callback<void(const std::string& from, double level)>;
  // `onPeerLost(uid)`: that connection failed beyond ICE restarts (RemotePeer::OnLost).
  using OnPeerLost = Callback<void(std::string uid)>;

  // Every peer gets `iceServersJson` (the server's list) and `icePolicy` (the join's setting);
  // `onRelayRefused` hears any peer's RemotePeer::OnRelayRefused.
  Mesh(Platform& platform, std::string selfUid, std::string iceServersJson,
       IceTransportPolicy icePolicy, SendSignal sendSignal, OnAudioLevel onAudioLevel,
       OnPeerLost onPeerLost, RemotePeer::OnRelayRefused onRelayRefused);

  // Opens a connection to a participant, offering first or waiting for their offer (FirstOffer);
  // false (and nothing opened) for oneself or a known uid.
  bool add(const signaling::Participant& participant, FirstOffer firstOffer = FirstOffer::kOurs);
  // Closes the connection; false if the uid is unknown.
  bool remove(std::string_view uid);
  // False if the uid is unknown or nothing changed.
  bool setMediaState(std::string_view uid, bool audioMuted, bool videoPaused);
  // Whether the server's roster lists the uid (RemotePeer::setRemoteInRoom); may lose the peer.
  void setInRoom(std::string_view uid, bool inRoom);
  // The server's list as it gave it again (a rejoin after a lost connection): for every peer,
  // open or still to come, since TURN credentials it minted earlier expire.
  void setIceServers(std::string iceServersJson);
  // A signal from a uid not in the mesh is dropped: the server announces every participant before
  // relaying their signals.
  void onSignal(std::string_view from, std::string_view dataJson);

  [[nodiscard]] const std::vector<Remote>& remotes() const { return remotes_; }
  [[nodiscard]] const std::string& selfUid() const { return selfUid_; }

 private:
  Remote* find(std::string_view uid);

  Platform& platform_;
  std::string selfUid_;
  std::string iceServersJson_;
  IceTransportPolicy icePolicy_;
  SendSignal sendSignal_;
  OnAudioLevel onAudioLevel_;
  OnPeerLost onPeerLost_;
  RemotePeer::OnRelayRefused onRelayRefused_;
  std::vector<Remote> remotes_;
};

}  // namespace callsession::client
