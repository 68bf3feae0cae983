#include "media_board.h"

#include <vector>

#include "callbacks.h"

namespace callsession::bindings {

void MediaBoard::setVideoElement(const std::string& uid, val video) {
  videos_.insert_or_assign(uid, std::move(video));
  attach(uid);
}

void MediaBoard::removeVideoElement(const std::string& uid) {
  videos_.erase(uid);
}

void MediaBoard::setStream(const std::string& uid, val stream) {
  if (uid.empty()) {
    for (const auto& [remote, connection] : peers_) fillWaitingSenders(connection, stream);
  }
  streams_.insert_or_assign(uid, std::move(stream));
  attach(uid);
}

void MediaBoard::removeStream(const std::string& uid) {
  streams_.erase(uid);
  if (auto video = videos_.find(uid); video != videos_.end())
    video->second.set("srcObject", val::null());
}

val MediaBoard::localStream() const {
  auto it = streams_.find("");
  return it == streams_.end() ? val::null() : it->second;
}

void MediaBoard::expectLocalStream(bool audio, bool video) {
  expectAudio_ = audio;
  expectVideo_ = video;
}

void MediaBoard::sendLocalMedia(const val& connection) const {
  val stream = localStream();
  if (!stream.isNull()) {
    val tracks = stream.call<val>("getTracks");
    const int count = tracks["length"].as<int>();
    for (int i = 0; i < count; ++i) connection.call<void>("addTrack", tracks[i], stream);
    return;
  }
  // One stream for both senders, so that the other side plays them together as it does tracks
  // added with the real stream.
  val init = val::object();
  init.set("direction", "sendrecv");
  init.set("streams", val::array(std::vector<val>{val::global("MediaStream").new_()}));
  if (expectAudio_) connection.call<void>("addTransceiver", std::string("audio"), init);
  if (expectVideo_) connection.call<void>("addTransceiver", std::string("video"), init);
}

void MediaBoard::fillWaitingSenders(const val& connection, const val& stream) {
  val transceivers = connection.call<val>("getTransceivers");
  const int count = transceivers["length"].as<int>();
  for (int i = 0; i < count; ++i) {
    val sender = transceivers[i]["sender"];
    // Only the senders sendLocalMedia opened: those a remote offer made receive only.
    const std::string direction = transceivers[i]["direction"].as<std::string>();
    if (!sender["track"].isNull() || direction != "sendrecv") continue;
    // A sender without a track has no kind of its own; its transceiver's receiver has.
    const std::string kind = transceivers[i]["receiver"]["track"]["kind"].as<std::string>();
    val track = stream.call<val>(kind == "audio" ? "getAudioTracks" : "getVideoTracks")[0];
    if (track.isUndefined()) continue;
    whenSettled(
        sender.call<val>("replaceTrack", track), [](const val&) {}, [](const val&) {});
  }
}

void MediaBoard::setPeer(const std::string& uid, val connection) {
  peers_.insert_or_assign(uid, std::move(connection));
}

void MediaBoard::removePeer(const std::string& uid) {
  peers_.erase(uid);
}

val MediaBoard::replaceLocalTrack(const val& track) {
  val stream = localStream();
  if (stream.isNull()) return val::null();
  const std::string kind = track["kind"].as<std::string>();
  val old = stream.call<val>(kind == "audio" ? "getAudioTracks" : "getVideoTracks")[0];
  if (old.isUndefined()) return val::null();
  stream.call<void>("removeTrack", old);
  stream.call<void>("addTrack", track);
  for (const auto& [uid, connection] : peers_) {
    val senders = connection.call<val>("getSenders");
    const int count = senders["length"].as<int>();
    for (int i = 0; i < count; ++i) {
      // By kind, not identity: sender.track changes only once an earlier replaceTrack settles.
      val sent = senders[i]["track"];
      if (sent.isNull() || sent["kind"].as<std::string>() != kind) continue;
      // A connection closing meanwhile rejects; nothing is left to send to then.
      whenSettled(
          senders[i].call<val>("replaceTrack", track), [](const val&) {}, [](const val&) {});
    }
  }
  return old;
}

void MediaBoard::attach(const std::string& uid) {
  auto stream = streams_.find(uid);
  auto video = videos_.find(uid);
  if (stream == streams_.end() || video == videos_.end()) return;
  if (!video->second["srcObject"].strictlyEquals(stream->second))
    video->second.set("srcObject", stream->second);
}

}  // namespace callsession::bindings
