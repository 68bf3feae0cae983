#include "peer.h"

#include <utility>

#include "core/json/value.h"
#include "core/json/writer.h"

namespace callsession::client {
namespace {

// More than any real offer trickles (a few per network interface and server); bounds what a
// misbehaving remote can make this side keep.
constexpr size_t kMaxHeldCandidates = 64;

}  // namespace

RemotePeer::RemotePeer(Platform& platform, const PeerConfig& config, bool polite,
                       SendSignal sendSignal, OnAudioLevel onAudioLevel, OnLost onLost,
                       OnRelayRefused onRelayRefused, FirstOffer firstOffer)
    : platform_(platform),
      polite_(polite),
      sendSignal_(std::move(sendSignal)),
      onAudioLevel_(std::move(onAudioLevel)),
      onLost_(std::move(onLost)),
      onRelayRefused_(std::move(onRelayRefused)),
      recovery_(/*restarts=*/!polite),
      awaitingFirstOffer_(firstOffer == FirstOffer::kTheirs),
      connection_(platform.openPeer(config, *this)) {
  recovery_.opened(platform_.clock().nowMillis());
  recover(IceRecovery::Action::kNone);  // arms the first-connect deadline
}

void RemotePeer::onSignal(std::string_view dataJson) {
  const auto data = json::parse(dataJson);
  if (!data) return;
  if (const json::Value* description = data->find("description");
      description != nullptr && description->isObject()) {
    onRemoteDescription({description->stringOr("type"), description->stringOr("sdp")});
  } else if (const json::Value* candidate = data->find("candidate");
             candidate != nullptr && candidate->isObject()) {
    if (!ignoreOffer_) return connection_->addIceCandidate(json::toText(*candidate));
    if (heldCandidates_.size() < kMaxHeldCandidates) {
      heldCandidates_.push_back(json::toText(*candidate));
    }
  }
}

void RemotePeer::onRemoteDescription(SessionDescription description) {
  if (description.type != "offer" && description.type != "answer") return;
  if (description.type == "offer") awaitingFirstOffer_ = false;
  // Ready for an offer when not making one and either stable or about to be (an answer is being
  // applied): anything else is a collision.
  const bool readyForOffer =
      !makingOffer_ &&
      (connection_->signalingState() == SignalingState::kStable || settingRemoteAnswer_);
  const bool collision = description.type == "offer" && !readyForOffer;
  ignoreOffer_ = !polite_ && collision;
  if (ignoreOffer_) return;
  if (description.type == "offer") heldCandidates_.clear();  // a new negotiation: they are stale
  settingRemoteAnswer_ = description.type == "answer";
  // A polite peer's own pending offer is rolled back implicitly by the browser.
  connection_->setRemoteDescription(description);
}

void RemotePeer::onNegotiationNeeded() {
  // The answer carries our tracks (the offer's sections take the transceivers addTrack made); the
  // browser asks again once stable if anything is left to negotiate (senders opened before the
  // camera answered, which an offer's sections do not take: they get sections of their own).
  if (awaitingFirstOffer_) return;
  makingOffer_ = true;
  connection_->setLocalDescription();
}

void RemotePeer::offerNow() {
  if (!makingOffer_ && connection_->signalingState() == SignalingState::kStable) {
    onNegotiationNeeded();
  }
}

void RemotePeer::onLocalDescription(SessionDescription description) {
  makingOffer_ = false;
  sendSignal_(json::objectText([&](json::Writer& w) {
    w.key("description").beginObject().key("type").string(description.type);
    w.key("sdp").string(description.sdp).endObject();
  }));
}

void RemotePeer::onLocalDescriptionFailed() {
  makingOffer_ = false;
}

void RemotePeer::onRemoteDescriptionSet(std::string type) {
  settingRemoteAnswer_ = false;
  if (type == "offer") return connection_->setLocalDescription();  // the answer
  for (const auto& candidate : std::exchange(heldCandidates_, {})) {
    connection_->addIceCandidate(candidate);
  }
}

void RemotePeer::onRemoteDescriptionFailed() {
  settingRemoteAnswer_ = false;
}

void RemotePeer::onIceCandidate(std::string candidateJson) {
  const auto candidate = json::parse(candidateJson);
  if (!candidate || !candidate->isObject()) return;
  sendSignal_(json::objectText([&](json::Writer& w) { w.key("candidate").value(*candidate); }));
}

void RemotePeer::onConnectionStateChanged(ConnectionState state) {
  recover(recovery_.onState(state, platform_.clock().nowMillis()));
}

void RemotePeer::setRemoteInRoom(bool inRoom) {
  recover(recovery_.setRemoteInRoom(inRoom));
}

void RemotePeer::recover(IceRecovery::Action action) {
  if (recovery_.wakeAt() != timerAt_) {
    timerAt_ = recovery_.wakeAt();
    recoveryTimer_ = nullptr;
    if (timerAt_) {
      recoveryTimer_ = platform_.startTimer(*timerAt_ - platform_.clock().nowMillis(), [this] {
        timerAt_.reset();
        recover(recovery_.onWake(platform_.clock().nowMillis()));
      });
    }
  }
  switch (action) {
    case IceRecovery::Action::kNone:
      return;
    case IceRecovery::Action::kRestartIce:
      return restartIce();
    case IceRecovery::Action::kDrop: {
      OnLost lost = onLost_;  // the owner may destroy this peer, and onLost_ with it
      return lost();
    }
  }
}

// Perfect negotiation carries the restart: restartIce() fires negotiationneeded once stable. An
// earlier restart offer still unanswered (lost while the signaling socket was down) would hold that
// back, so it is replaced by a new offer, which the pending restart gives new credentials.
void RemotePeer::restartIce() {
  awaitingFirstOffer_ = false;  // the newcomer's offer never came: ours will do
  connection_->restartIce();
  if (connection_->signalingState() == SignalingState::kHaveLocalOffer && !makingOffer_) {
    onNegotiationNeeded();
  }
}

void RemotePeer::onIceCandidateError(IceCandidateError error) {
  if (auto refusal = relayRefusal(error)) onRelayRefused_(std::move(*refusal));
}

void RemotePeer::onAudioLevel(double level) {
  onAudioLevel_(level);
}

}  // namespace callsession::client
