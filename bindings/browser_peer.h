#pragma once

#include <string>

#include "callbacks.h"
#include "core/client/ports.h"
#include "media_board.h"

namespace callsession::bindings {

// One RTCPeerConnection, sending the local stream and showing the remote one through the board.
// Its promises are resolved here; the core hears only completions (PeerListener) and, a few times
// a second, the remote audio level.
class BrowserPeer final : public client::PeerConnection {
 public:
  BrowserPeer(MediaBoard& board, const client::PeerConfig& config, client::PeerListener& listener);
  ~BrowserPeer() override;

  void setLocalDescription() override;
  void setRemoteDescription(const client::SessionDescription& description) override;
  void addIceCandidate(const std::string& candidateJson) override;
  void restartIce() override;
  void setIceServers(const std::string& iceServersJson) override;
  [[nodiscard]] client::SignalingState signalingState() const override;

 private:
  [[nodiscard]] double remoteAudioLevel() const;
  [[nodiscard]] client::ConnectionState connectionState() const;

  MediaBoard& board_;
  std::string uid_;
  client::PeerListener& listener_;
  val connection_ = val::null();
  val levelTimer_ = val::null();
  CallbackScope callbacks_;
};

}  // namespace callsession::bindings
