#include "media_board.h"

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
