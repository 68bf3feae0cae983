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

val mediaDevices() {
  return val::global("navigator")["mediaDevices"];
}

val camera() {
  val video = val::object();
  video.set("width", val::object());
  video["width"].set("ideal", 640);
  video.set("height", val::object());
  video["height"].set("ideal", 480);
  return video;
}

val constraints(const client::MediaRequest& request) {
  val c = val::object();
  c.set("audio", request.audio);
  c.set("video", request.video ? camera() : val(false));
  return c;
}

// One device, and nothing else: getUserMedia({audio: {deviceId: {exact}}}) or the camera's.
val deviceConstraints(client::MediaKind kind, const std::string& deviceId) {
  const bool video = kind == client::MediaKind::kVideo;
  val device = video ? camera() : val::object();
  device.set("deviceId", val::object());
  device["deviceId"].set("exact", deviceId);
  val c = val::object();
  c.set("audio", video ? val(false) : device);
  c.set("video", video ? device : val(false));
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

val firstTrack(const val& stream, const char* kind) {
  return stream.call<val>(kind)[0];
}

}  // namespace

BrowserMedia::BrowserMedia(MediaBoard& board, const client::MediaRequest& request,
                           client::MediaListener& listener)
    : shared_(std::make_shared<Shared>(Shared{true, &board, &listener})) {
  board.expectLocalStream(request.audio, request.video);
  val devices = mediaDevices();
  // Without a secure context (https or localhost) there is no mediaDevices at all.
  val answer = devices.isUndefined() ? val::global("Promise").call<val>("reject", val::object())
                                     : devices.call<val>("getUserMedia", constraints(request));
  auto shared = shared_;
  bindings::whenSettled(
      answer,
      [shared](val stream) {
        if (!shared->alive) return stopTracks(stream);
        shared->stream = stream;
        shared->board->setStream("", stream);
        shared->listener->onMediaReady();
      },
      [shared](val reason) {
        if (shared->alive) shared->listener->onMediaFailed(mediaError(reason));
      });
}

BrowserMedia::~BrowserMedia() {
  shared_->alive = false;
  releaseCallback(shared_->endedCallback);
  stopTracks(shared_->stream);  // the screen too, while sharing
  if (!shared_->camera.isNull()) shared_->camera.call<void>("stop");
  shared_->board->removeStream("");
}

void BrowserMedia::setEnabled(const char* kind, bool enabled) {
  if (shared_->stream.isNull()) return;
  val tracks = shared_->stream.call<val>(kind);
  const int count = tracks["length"].as<int>();
  for (int i = 0; i < count; ++i) tracks[i].set("enabled", enabled);
}

void BrowserMedia::setAudioEnabled(bool enabled) {
  setEnabled("getAudioTracks", enabled);
}
void BrowserMedia::setVideoEnabled(bool enabled) {
  setEnabled("getVideoTracks", enabled);
}

void BrowserMedia::useDevice(client::MediaKind kind, const std::string& deviceId,
                             client::MediaDone done) {
  auto shared = shared_;
  bindings::whenSettled(
      mediaDevices().call<val>("getUserMedia", deviceConstraints(kind, deviceId)),
      [shared, done](val stream) {
        if (!shared->alive) return stopTracks(stream);
        val track = stream.call<val>("getTracks")[0];
        const bool video = track["kind"].as<std::string>() == "video";
        // While sharing, the new camera waits aside for the share to end.
        val& aside = shared->camera;
        val old = video && !aside.isNull()
                      ? aside
                      : firstTrack(shared->stream, video ? "getVideoTracks" : "getAudioTracks");
        if (!old.isUndefined()) track.set("enabled", old["enabled"]);
        if (video && !aside.isNull()) {
          aside = track;
        } else {
          shared->board->replaceLocalTrack(track);
        }
        if (!old.isUndefined()) old.call<void>("stop");
        done(okStatus());
      },
      [shared, done](val reason) {
        if (shared->alive) done(mediaError(reason));
      });
}

void BrowserMedia::startScreenShare(client::MediaDone done) {
  val options = val::object();
  options.set("video", true);
  options.set("audio", false);
  auto shared = shared_;
  bindings::whenSettled(
      mediaDevices().call<val>("getDisplayMedia", options),
      [shared, done](val stream) {
        if (!shared->alive) return stopTracks(stream);
        val screen = firstTrack(stream, "getVideoTracks");
        val replaced = shared->board->replaceLocalTrack(screen);
        if (shared->screen.isNull()) {
          shared->camera = replaced;
        } else {  // a share that replaces a share: the camera stays aside
          releaseCallback(shared->endedCallback);
          if (!replaced.isNull()) replaced.call<void>("stop");
        }
        shared->screen = screen;
        // The browser's own "Stop sharing" ends the track without telling anyone else.
        JsFunction ended = registerCallback([shared](const val&) {
          if (shared->alive) shared->listener->onScreenShareEnded();
        });
        shared->endedCallback = ended.id;
        screen.call<void>("addEventListener", std::string("ended"), ended.function);
        done(okStatus());
      },
      [shared, done](val) {
        if (shared->alive) {
          done(makeError(ErrorCode::kMediaPermissionDenied,
                         "Screen sharing was refused or is not available."));
        }
      });
}

void BrowserMedia::stopScreenShare() {
  Shared& shared = *shared_;
  if (shared.screen.isNull()) return;
  releaseCallback(shared.endedCallback);
  shared.endedCallback = 0;
  if (!shared.camera.isNull()) {
    shared.camera.set("enabled", shared.screen["enabled"]);
    shared.board->replaceLocalTrack(shared.camera);
  }
  shared.screen.call<void>("stop");
  shared.screen = shared.camera = val::null();
}

}  // namespace callsession::bindings
