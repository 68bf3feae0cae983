#pragma once

#include <emscripten/val.h>

#include <map>
#include <string>

// Where the browser's MediaStreams meet the DOM and the peer connections: media and peer
// connections put streams here, and the view shows each in its video element, whichever arrives
// first; a local track swapped here reaches every peer connection. The core never sees a stream.
namespace callsession::bindings {

using emscripten::val;

class MediaBoard {
 public:
  // The video element for a uid ("" for the local preview) appeared or went away.
  void setVideoElement(const std::string& uid, val video);
  void removeVideoElement(const std::string& uid);
  // A stream for a uid ("" for the local one) arrived or ended.
  void setStream(const std::string& uid, val stream);
  void removeStream(const std::string& uid);
  [[nodiscard]] val localStream() const;
  // What the local stream will hold, told when the camera and microphone are asked for.
  void expectLocalStream(bool audio, bool video);
  // Gives `connection` the local tracks to send (addTrack) or, while they are awaited, a sender
  // for each kind to come (addTransceiver): the tracks join those senders when the stream arrives,
  // with no new negotiation if the connection's first offer was its own (a remote offer's sections
  // take only addTrack's transceivers, so those senders then get sections of their own).
  void sendLocalMedia(const val& connection) const;
  // The RTCPeerConnection sending the local stream to a remote uid.
  void setPeer(const std::string& uid, val connection);
  void removePeer(const std::string& uid);
  // Puts `track` in the local stream and on every peer's sender in place of the track of its
  // kind (RTCRtpSender.replaceTrack: no renegotiation). Returns the track it replaced, or null.
  val replaceLocalTrack(const val& track);

 private:
  void attach(const std::string& uid);
  // Puts the local tracks on `connection`'s senders that sendLocalMedia left waiting for them.
  static void fillWaitingSenders(const val& connection, const val& stream);

  std::map<std::string, val> streams_;
  std::map<std::string, val> videos_;
  std::map<std::string, val> peers_;
  bool expectAudio_ = false;
  bool expectVideo_ = false;
};

}  // namespace callsession::bindings
