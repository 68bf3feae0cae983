#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/callback.h"
#include "core/client/ice_recovery.h"
#include "core/client/ports.h"

namespace callsession::client {

// The polite peer yields when both sides offer at once. Both ends must agree without talking:
// docs/signaling.md says the lower uid is polite.
inline bool isPolite(std::string_view selfUid, std::string_view remoteUid) {
  return selfUid < remoteUid;
}

// Who opens a new connection: the newcomer offers to everyone the server's roster lists (kOurs),
// and the ones already in the room wait for that offer (kTheirs) instead of offering at once too.
// Perfect negotiation would resolve the collision, but Chromium then sometimes gathers no ICE
// candidates at all on the polite side, whose offer was rolled back while gathering: a connection
// that never connects, seen in one call in seven across two server nodes.
enum class FirstOffer { kOurs, kTheirs };

// One remote participant's connection, negotiated with the "perfect negotiation" pattern of the
// WebRTC spec (§10.7 of W3C webrtc-pc): either side may offer whenever it needs to, and an offer
// collision resolves by politeness — the impolite side ignores the other's offer, the polite side
// rolls its own back — so glare never stalls a call. The browser does the SDP work; this decides
// what to do with each description. A broken connection is recovered by ICE restarts
// (IceRecovery); if they fail, the peer reports itself lost.
class RemotePeer final : public PeerListener {
 public:
  // `sendSignal` carries a signal's `data` object (JSON text) to the remote participant.
  using SendSignal = Callback<void(std::string dataJson)>;
  // `onAudioLevel` hears the remote participant's audio level (PeerListener::onAudioLevel).
  using OnAudioLevel = Callback<void(double level)>;
  // The connection is beyond recovery; its owner drops the peer (it may destroy it from here).
  using OnLost = Callback<void()>;
  // `onRelayRefused` hears that a TURN server refused this connection (relay_refusal.h).
  using OnRelayRefused = Callback<void(Error refusal)>;

  RemotePeer(Platform& platform, const PeerConfig& config, bool polite, SendSignal sendSignal,
             OnAudioLevel onAudioLevel, OnLost onLost, OnRelayRefused onRelayRefused,
             FirstOffer firstOffer = FirstOffer::kOurs);

  // Offers now, for a peer that makes the first offer, rather than on the browser's
  // negotiationneeded, which comes one task or more later (15-35 ms measured while the SDK lays out
  // the call). Needs the senders in place, which the PeerConnection adds when it opens (for the
  // local tracks, or for those to come); the browser then asks for nothing more. Does nothing for a
  // peer awaiting the remote's first offer.
  void offerNow();
  // The `data` of a signal relayed from the remote participant. Malformed data is dropped.
  void onSignal(std::string_view dataJson);
  // Whether the server's roster lists the remote (see IceRecovery::setRemoteInRoom).
  void setRemoteInRoom(bool inRoom);
  // PeerConnection::setIceServers.
  void setIceServers(const std::string& iceServersJson) {
    connection_->setIceServers(iceServersJson);
  }

  // PeerListener
  void onNegotiationNeeded() override;
  void onLocalDescription(SessionDescription description) override;
  void onLocalDescriptionFailed() override;
  void onRemoteDescriptionSet(std::string type) override;
  void onRemoteDescriptionFailed() override;
  void onIceCandidate(std::string candidateJson) override;
  void onIceCandidateError(IceCandidateError error) override;
  void onConnectionStateChanged(ConnectionState state) override;
  void onAudioLevel(double level) override;

 private:
  void onRemoteDescription(SessionDescription description);
  void recover(IceRecovery::Action action);
  void restartIce();

  Platform& platform_;
  bool polite_;
  SendSignal sendSignal_;
  OnAudioLevel onAudioLevel_;
  OnLost onLost_;
  OnRelayRefused onRelayRefused_;
  IceRecovery recovery_;
  std::unique_ptr<Timer> recoveryTimer_;  // at recovery_.wakeAt()
  std::optional<int64_t> timerAt_;
  bool makingOffer_ = false;
  // FirstOffer::kTheirs until the remote's first offer (or an ICE restart of ours): negotiation
  // the browser asks for meanwhile is left to that offer's answer.
  bool awaitingFirstOffer_;
  bool ignoreOffer_ = false;
  bool settingRemoteAnswer_ = false;
  // Candidates that came after an offer this side ignored in a collision. The other side answers
  // ours next, and the browser may reuse that offer's ICE credentials and candidates for the answer
  // without gathering again: dropped, they would leave this side with no remote candidate at all.
  // Tried once the answer is set; those of credentials the answer does not use fail harmlessly.
  std::vector<std::string> heldCandidates_;
  // Declared last: destroyed first, so the connection is closed before the state it reports to.
  std::unique_ptr<PeerConnection> connection_;
};

}  // namespace callsession::client
