#include "browser_media.h"

#include <string>

#include "callbacks.h"

namespace callsession::bindings {
namespace {

void stopTracks(const val& stream) {
  if (stream.isNull()) return;
  val tracks = stream.call<val>("getTracks");
  const int count = tracks["length"].as<int>();
  for (int i = 0; i < count; ++i) tracks[i].call<void>("stop");
}

val constraints(const client::MediaRequest& request) {
  val video = val(false);
  if (request.video) {
    video = val::object();
    video.set("width", val::object());
    video["width"].set("ideal", 1280);
    video.set("height", val::object());
    video["height"].set("ideal", 720);
  }
  val c = val::object();
  c.set("audio", request.audio);
  c.set("video", video);
  return c;
}

Error mediaError(const val& reason) {
  const std::string name = reason["name"].isString() ? reason["name"].as<std::string>() : "";
  if (name == "NotFoundError" || name == "OverconstrainedError") {
    return makeError(ErrorCode::kMediaPermissionDenied, "No camera or microphone was found.");
  }
  if (name == "NotReadableError") {
    return makeError(ErrorCode::kMediaPermissionDenied,
                     "The camera or microphone is in use by another application.");
  }
  return makeError(ErrorCode::kMediaPermissionDenied,
                   "Permission to use the camera or microphone was denied.");
}

}  // namespace

BrowserMedia::BrowserMedia(MediaBoard& board, const client::MediaRequest& request,
                           client::MediaListener& listener)
    : board_(board), pending_(std::make_shared<Pending>(Pending{true, &listener})) {
  val devices = val::global("navigator")["mediaDevices"];
  // Without a secure context (https or localhost) there is no mediaDevices at all.
  val answer = devices.isUndefined() ? val::global("Promise").call<val>("reject", val::object())
                                     : devices.call<val>("getUserMedia", constraints(request));
  auto pending = pending_;
  bindings::whenSettled(
      answer,
      [pending, &board](val stream) {
        if (!pending->alive) return stopTracks(stream);
        pending->stream = stream;
        board.setStream("", stream);
        pending->listener->onMediaReady();
      },
      [pending](val reason) {
        if (pending->alive) pending->listener->onMediaFailed(mediaError(reason));
      });
}

BrowserMedia::~BrowserMedia() {
  pending_->alive = false;
  stopTracks(pending_->stream);
  board_.removeStream("");
}

void BrowserMedia::setEnabled(const char* kind, bool enabled) {
  if (pending_->stream.isNull()) return;
  val tracks = pending_->stream.call<val>(kind);
  const int count = tracks["length"].as<int>();
  for (int i = 0; i < count; ++i) tracks[i].set("enabled", enabled);
}

void BrowserMedia::setAudioEnabled(bool enabled) {
  setEnabled("getAudioTracks", enabled);
}
void BrowserMedia::setVideoEnabled(bool enabled) {
  setEnabled("getVideoTracks", enabled);
}

}  // namespace callsession::bindings
