#pragma once

#include <memory>
#include <string>

#include "core/client/ports.h"
#include "media_board.h"

namespace callsession::bindings {

// Camera and microphone through navigator.mediaDevices.getUserMedia, the screen through
// getDisplayMedia. The local stream on the board always holds what is sent; the peers follow it.
class BrowserMedia final : public client::LocalMedia {
 public:
  BrowserMedia(MediaBoard& board, const client::MediaRequest& request,
               client::MediaListener& listener);
  ~BrowserMedia() override;
  void setAudioEnabled(bool enabled) override;
  void setVideoEnabled(bool enabled) override;
  void useDevice(client::MediaKind kind, const std::string& deviceId,
                 client::MediaDone done) override;
  void startScreenShare(client::MediaDone done) override;
  void stopScreenShare() override;

 private:
  // Shared with the browser's answers, which may arrive after this object is gone: then they
  // must stop the tracks they bring instead of using them, or the camera stays on.
  struct Shared {
    bool alive = true;
    MediaBoard* board = nullptr;
    client::MediaListener* listener = nullptr;
    val stream = val::null();    // the local stream, once getUserMedia answered
    val camera = val::null();    // while sharing: the camera track, set aside
    val screen = val::null();    // while sharing: the screen track being sent
    uint32_t endedCallback = 0;  // the screen track's "ended" handler
  };

  void setEnabled(const char* tracks, bool enabled);

  std::shared_ptr<Shared> shared_;
};

}  // namespace callsession::bindings
