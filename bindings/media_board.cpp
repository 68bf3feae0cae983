#include "media_board.h"

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

void MediaBoard::attach(const std::string& uid) {
  auto stream = streams_.find(uid);
  auto video = videos_.find(uid);
  if (stream == streams_.end() || video == videos_.end()) return;
  if (!video->second["srcObject"].strictlyEquals(stream->second))
    video->second.set("srcObject", stream->second);
}

}  // namespace callsession::bindings
