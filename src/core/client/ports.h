#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/callback.h"
#include "core/client/layout.h"
#include "core/client/relay_refusal.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/session_gate.h"

// How the client core reaches the world. `bindings/` implements these with the browser's own APIs;
// tests implement them with fakes. Two rules hold for every port:
// - a port never calls its listener from inside a call made to it (completions arrive later), so
// the
//   core never re-enters itself;
// - a port object, once destroyed, never calls its listener again: destroying it is how the core
//   closes it, and a late browser callback must find it gone and do nothing.
namespace callsession::client {

// ---- HTTP (fetch)
// ---------------------------------------------------------------------------------

struct HttpRequest {
  std::string method;
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // JSON text, or empty
};

// `status` 0 means the request never got an answer (network down, CORS, server gone).
struct HttpResponse {
  int status = 0;
  std::string body;
};

class Http {
 public:
  virtual ~Http() = default;
  virtual void send(const HttpRequest& request, Callback<void(HttpResponse)> done) = 0;
};

// ---- Events for the app (addEventListener)
// --------------------------------------------------------

// Delivers after the current call into the client has returned: the app's listeners may call
// the client again (leave from onParticipantLeft), which must not happen in the middle of a step.
class EventSink {
 public:
  virtual ~EventSink() = default;
  // `payloadJson` is a JSON object; the app receives it as a plain object.
  virtual void emit(std::string_view name, const std::string& payloadJson) = 0;
};

// ---- Local camera and microphone
// ------------------------------------------------------------------

struct MediaRequest {
  bool audio = true;
  bool video = true;
};

enum class MediaKind { kAudio, kVideo };

class MediaListener {
 public:
  virtual ~MediaListener() = default;
  virtual void onMediaReady() = 0;
  virtual void onMediaFailed(Error error) = 0;
  // The screen share ended without stopScreenShare(): the browser's own "Stop sharing", a shared
  // window closed. The camera is not back until stopScreenShare().
  virtual void onScreenShareEnded() = 0;
};

using MediaDone = Callback<void(Status)>;

// What the local user sends: a microphone track and, unless voice-only, one video track (the
// camera, or the screen while sharing). Every peer sends these tracks; a change of track reaches
// all of them without renegotiation. Destroying it stops every track it opened, including one
// that arrives after, and drops pending completions.
class LocalMedia {
 public:
  virtual ~LocalMedia() = default;
  // Applies to the track being sent: pausing video while sharing pauses the share.
  virtual void setAudioEnabled(bool enabled) = 0;
  virtual void setVideoEnabled(bool enabled) = 0;
  // Opens `deviceId` and sends it instead of the current microphone or camera, which is stopped.
  // The new track keeps the old one's enabled state. While sharing, a new camera waits aside.
  virtual void useDevice(MediaKind kind, const std::string& deviceId, MediaDone done) = 0;
  // Asks for a screen (getDisplayMedia) and sends it instead of the camera, kept open aside.
  virtual void startScreenShare(MediaDone done) = 0;
  // Ends the share and sends the camera again, enabled as the share was. Nothing if not sharing.
  virtual void stopScreenShare() = 0;
};

// ---- Signaling transport (WebSocket)
// --------------------------------------------------------------

class SignalingListener {
 public:
  virtual ~SignalingListener() = default;
  virtual void onSignalingOpen() = 0;
  virtual void onSignalingMessage(std::string_view text) = 0;
  virtual void onSignalingClosed() = 0;
};

// Destroying it closes the socket.
class SignalingChannel {
 public:
  virtual ~SignalingChannel() = default;
  virtual void send(const std::string& text) = 0;
};

// ---- Peer connection (RTCPeerConnection)
// ----------------------------------------------------------

struct SessionDescription {
  std::string type;  // "offer", "answer", "pranswer" or "rollback"
  std::string sdp;

  friend bool operator==(const SessionDescription&, const SessionDescription&) = default;
};

enum class SignalingState { kStable, kHaveLocalOffer, kHaveRemoteOffer, kOther };

// RTCPeerConnection.connectionState, as far as the core cares: "new" and "connecting" are
// kConnecting; "closed" never reaches the core (only destroying the port closes a connection).
enum class ConnectionState { kConnecting, kConnected, kDisconnected, kFailed };

class PeerListener {
 public:
  virtual ~PeerListener() = default;
  virtual void onNegotiationNeeded() = 0;
  // Completions of setLocalDescription: the description now in place, or a failure.
  virtual void onLocalDescription(SessionDescription description) = 0;
  virtual void onLocalDescriptionFailed() = 0;
  // Completions of setRemoteDescription.
  virtual void onRemoteDescriptionSet(std::string type) = 0;
  virtual void onRemoteDescriptionFailed() = 0;
  // A local ICE candidate as JSON text (RTCIceCandidate.toJSON()).
  virtual void onIceCandidate(std::string candidateJson) = 0;
  // A STUN or TURN server could not be used while gathering (icecandidateerror).
  virtual void onIceCandidateError(IceCandidateError error) = 0;
  // Every change of connectionState; "failed" means ICE gave up.
  virtual void onConnectionStateChanged(ConnectionState state) = 0;
  // The remote participant's audio level (RFC 6464, linear 0..1), polled a few times a second.
  virtual void onAudioLevel(double level) = 0;
};

struct PeerConfig {
  std::string remoteUid;       // the browser shows this peer's media in video[data-uid]
  std::string iceServersJson;  // JSON array, as the server sent it
  IceTransportPolicy iceTransportPolicy = IceTransportPolicy::kAll;  // the join's setting
};

// Sends the local media from the start, or from when it arrives: a connection may be opened before
// the camera and microphone answer. Its own first offer then already carries their kinds, so that
// their tracks join it later without another negotiation; answering the other side's first offer
// instead, it offers them in a second negotiation. Destroying it closes the connection.
class PeerConnection {
 public:
  virtual ~PeerConnection() = default;
  // Implicit description: an offer in stable state, an answer after a remote offer.
  virtual void setLocalDescription() = 0;
  virtual void setRemoteDescription(const SessionDescription& description) = 0;
  // A candidate that cannot be applied is dropped: perfect negotiation expects that for candidates
  // of an offer it ignored.
  virtual void addIceCandidate(const std::string& candidateJson) = 0;
  // New ICE credentials at the next offer (RTCPeerConnection.restartIce): negotiationneeded
  // follows once the signaling state is stable.
  virtual void restartIce() = 0;
  // Replaces the STUN/TURN servers (a JSON array) for what ICE gathers from now on, restarts
  // included (RTCPeerConnection.setConfiguration): fresh TURN credentials for an open connection.
  // Servers the browser refuses leave the old ones in place.
  virtual void setIceServers(const std::string& iceServersJson) = 0;
  [[nodiscard]] virtual SignalingState signalingState() const = 0;
};

// ---- The container (DOM)
// --------------------------------------------------------------------------

enum class Control { kLeave, kToggleAudio, kToggleVideo, kLayout, kShareScreen };

class ViewListener {
 public:
  virtual ~ViewListener() = default;
  virtual void onControl(Control control) = 0;
  virtual void onResized(Size size) = 0;
  // A click on a tile: pins it to the large slot of the featured layouts, or unpins it.
  virtual void onTileClicked(const std::string& uid) = 0;
  // A remote participant's video element started playing (its first picture, or its sound): the
  // call is on screen.
  virtual void onRemoteVideoPlaying() = 0;
};

// What the container shows; the view reconciles its elements with it.
struct Tile {
  std::string uid;  // empty for the local preview
  std::string name;
  Rect rect;
  bool audioMuted = false;
  bool videoPaused = false;  // the tile shows the name instead of the picture
  bool hasVideo = true;      // false: no video element at all (oneself in a voice session)
  bool videoHeld = false;    // the video element does not play its stream yet
  bool speaking = false;
  bool pinned = false;

  friend bool operator==(const Tile&, const Tile&) = default;
};

struct Scene {
  std::vector<Tile> tiles;
  bool audioMuted = false;  // the local user's, for the toggle buttons
  bool videoPaused = false;
  bool screenSharing = false;
  CallLayout layout = CallLayout::kTile;

  friend bool operator==(const Scene&, const Scene&) = default;
};

struct ControlsOptions {
  bool hidePanel = false;
  bool hideLeave = false;
  bool hideToggleAudio = false;
  bool hideToggleVideo = false;
  bool hideShareScreen = false;
};

// One container, given to one join. Until open() it touches nothing but the state attribute.
class View {
 public:
  virtual ~View() = default;
  // data-callsession-state
  virtual void setState(SessionState state) = 0;
  // Styles the container fixed to the viewport and measures it. Gives the size of the area for
  // tiles: the container, less the strip the controls will take when shown.
  // ERROR_CONTAINER_MISSING (absent or detached) or ERROR_CONTAINER_ZERO_SIZE (0×0, e.g. inside
  // display:none); after an error the container is as it was.
  virtual Result<Size> open(const ControlsOptions& options, ViewListener& listener) = 0;
  // After a successful open(): adds the tile area and the controls to the container. A step of
  // its own so that a join can ask for media and signaling, the slow part, first and build the
  // page while they come.
  virtual void present() = 0;
  virtual void render(const Scene& scene) = 0;
  // Removes what open() and render() added and restores the container's own style.
  virtual void close() = 0;
};

// ---- Timers (setTimeout)
// -------------------------------------------------------------------------

// A pending timeout. Destroying it cancels it: a timer of an ended call never fires.
class Timer {
 public:
  virtual ~Timer() = default;
};

// ---- Everything a client needs
// --------------------------------------------------------------------

class Platform {
 public:
  virtual ~Platform() = default;
  [[nodiscard]] virtual const Clock& clock() const = 0;
  virtual Http& http() = 0;
  virtual EventSink& events() = 0;
  // Calls `fire` once, `delayMillis` from now, unless the timer was destroyed first.
  virtual std::unique_ptr<Timer> startTimer(int64_t delayMillis, Callback<void()> fire) = 0;
  // Uniform in [0, 1): jitter, so that clients dropped together do not retry together.
  virtual double random() = 0;
  virtual std::unique_ptr<LocalMedia> openMedia(const MediaRequest& request,
                                                MediaListener& listener) = 0;
  virtual std::unique_ptr<SignalingChannel> openSignaling(const std::string& url,
                                                          SignalingListener& listener) = 0;
  // Peers are opened only once local media is ready, and send it.
  virtual std::unique_ptr<PeerConnection> openPeer(const PeerConfig& config,
                                                   PeerListener& listener) = 0;
};

}  // namespace callsession::client
