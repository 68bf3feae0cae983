#pragma once

#include <memory>

#include "core/client/ports.h"
#include "media_board.h"

namespace callsession::bindings {

// Camera and microphone through navigator.mediaDevices.getUserMedia.
class BrowserMedia final : public client::LocalMedia {
 public:
  BrowserMedia(MediaBoard& board, const client::MediaRequest& request,
               client::MediaListener& listener);
  ~BrowserMedia() override;
  void setAudioEnabled(bool enabled) override;
  void setVideoEnabled(bool enabled) override;

 private:
  // Shared with the getUserMedia answer, which may arrive after this object is gone: then it
  // must stop the tracks it brings instead of delivering them, or the camera stays on.
  struct Pending {
    bool alive = true;
    client::MediaListener* listener;
    val stream = val::null();
  };

  void setEnabled(const char* tracks, bool enabled);

  MediaBoard& board_;
  std::shared_ptr<Pending> pending_;
};

}  // namespace callsession::bindings
