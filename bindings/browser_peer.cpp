#include "browser_peer.h"

#include <algorithm>

namespace callsession::bindings {
namespace {

// JSON text as a JS value, parsed by the browser.
val jsonToJs(const std::string& text) {
  return val::global("JSON").call<val>("parse", text);
}

// Often enough for the speaker to follow a conversation, rarely enough to cost nothing.
constexpr int kLevelPollMillis = 250;

}  // namespace

BrowserPeer::BrowserPeer(MediaBoard& board, const client::PeerConfig& config,
                         client::PeerListener& listener)
    : board_(board), uid_(config.remoteUid), listener_(listener) {
  // Every remote is this SDK in a browser that bundles, so one transport carries audio and video
  // from the start: "balanced" would gather (and with TURN, allocate) a second one for the offer
  // and trickle twice the candidates, only to drop it once the answer agrees to bundle.
  val policy = val::object();
  policy.set("bundlePolicy", "max-bundle");
  // Relay-only is kept even without servers: a page that asked for it must never reveal its
  // addresses, and then has no call rather than a direct one.
  if (config.iceTransportPolicy == IceTransportPolicy::kRelay)
    policy.set("iceTransportPolicy", "relay");
  val rtcConfig = val::global("Object").call<val>("assign", val::object(), policy);
  rtcConfig.set("iceServers", jsonToJs(config.iceServersJson));
  val construct = val::module_property("construct");
  connection_ = construct(val::global("RTCPeerConnection"), rtcConfig);
  // ICE servers the browser refuses should not cost the call: loopback and LAN need none.
  if (connection_.isNull()) connection_ = construct(val::global("RTCPeerConnection"), policy);

  board.sendLocalMedia(connection_);

  connection_.set("onnegotiationneeded",
                  callbacks_.function([&listener](const val&) { listener.onNegotiationNeeded(); }));
  connection_.set("onicecandidate", callbacks_.function([&listener](const val& event) {
    val candidate = event["candidate"];
    if (candidate.isNull() || candidate.isUndefined()) return;  // end of candidates
    // An active TCP candidate (port 9) only connects out, to a passive one, whose side learns it
    // from that connection as peer-reflexive: no check is ever sent to it. Chromium gathers one
    // per interface, which signaled would cost each side a message and an addIceCandidate.
    val tcpType = candidate["tcpType"];
    if (tcpType.isString() && tcpType.as<std::string>() == "active") return;
    listener.onIceCandidate(
        val::global("JSON").call<std::string>("stringify", candidate.call<val>("toJSON")));
  }));
  connection_.set("onicecandidateerror", callbacks_.function([&listener](const val& event) {
    listener.onIceCandidateError(
        {event["url"].isString() ? event["url"].as<std::string>() : "",
         event["errorCode"].as<int>(),
         event["errorText"].isString() ? event["errorText"].as<std::string>() : ""});
  }));
  connection_.set("ontrack", callbacks_.function([this](const val& event) {
    val streams = event["streams"];
    val remote =
        streams["length"].as<int>() > 0
            ? streams[0]
            : val::global("MediaStream").new_(val::array(std::vector<val>{event["track"]}));
    board_.setStream(uid_, remote);
  }));
  connection_.set("onconnectionstatechange", callbacks_.function([this](const val&) {
    listener_.onConnectionStateChanged(connectionState());
  }));
  board_.setPeer(uid_, connection_);
  levelTimer_ = val::global().call<val>("setInterval", callbacks_.function([this](const val&) {
    listener_.onAudioLevel(remoteAudioLevel());
  }),
                                        kLevelPollMillis);
}

BrowserPeer::~BrowserPeer() {
  val::global().call<void>("clearInterval", levelTimer_);
  connection_.call<void>("close");
  board_.removePeer(uid_);
  board_.removeStream(uid_);
}

// The loudest recent source of the audio receiver (getSynchronizationSources lists what played in
// the last ten seconds with its latest level); 0 before any audio arrived.
double BrowserPeer::remoteAudioLevel() const {
  double level = 0;
  val receivers = connection_.call<val>("getReceivers");
  const int count = receivers["length"].as<int>();
  for (int i = 0; i < count; ++i) {
    val receiver = receivers[i];
    if (receiver["track"]["kind"].as<std::string>() != "audio") continue;
    val sources = receiver.call<val>("getSynchronizationSources");
    const int sourceCount = sources["length"].as<int>();
    for (int j = 0; j < sourceCount; ++j) {
      val value = sources[j]["audioLevel"];
      if (value.isNumber()) level = std::max(level, value.as<double>());
    }
  }
  return level;
}

void BrowserPeer::setLocalDescription() {
  callbacks_.whenSettled(
      connection_.call<val>("setLocalDescription"),
      [this](const val&) {
        val description = connection_["localDescription"];
        listener_.onLocalDescription(
            {description["type"].as<std::string>(), description["sdp"].as<std::string>()});
      },
      [this](const val&) { listener_.onLocalDescriptionFailed(); });
}

void BrowserPeer::setRemoteDescription(const client::SessionDescription& description) {
  val init = val::object();
  init.set("type", description.type);
  init.set("sdp", description.sdp);
  callbacks_.whenSettled(
      connection_.call<val>("setRemoteDescription", init),
      [this, type = description.type](const val&) { listener_.onRemoteDescriptionSet(type); },
      [this](const val&) { listener_.onRemoteDescriptionFailed(); });
}

void BrowserPeer::addIceCandidate(const std::string& candidateJson) {
  // Dropped on failure: perfect negotiation expects candidates of an ignored offer to fail.
  callbacks_.whenSettled(connection_.call<val>("addIceCandidate", jsonToJs(candidateJson)),
                         [](const val&) {});
}

void BrowserPeer::restartIce() {
  connection_.call<void>("restartIce");
}

void BrowserPeer::setIceServers(const std::string& iceServersJson) {
  val::module_property("reconfigureIceServers")(connection_, jsonToJs(iceServersJson));
}

client::ConnectionState BrowserPeer::connectionState() const {
  const std::string state = connection_["connectionState"].as<std::string>();
  if (state == "connected") return client::ConnectionState::kConnected;
  if (state == "disconnected") return client::ConnectionState::kDisconnected;
  if (state == "failed") return client::ConnectionState::kFailed;
  return client::ConnectionState::kConnecting;
}

client::SignalingState BrowserPeer::signalingState() const {
  const std::string state = connection_["signalingState"].as<std::string>();
  if (state == "stable") return client::SignalingState::kStable;
  if (state == "have-local-offer") return client::SignalingState::kHaveLocalOffer;
  if (state == "have-remote-offer") return client::SignalingState::kHaveRemoteOffer;
  return client::SignalingState::kOther;
}

}  // namespace callsession::bindings
