#pragma once

#include <string>

#include "callbacks.h"
#include "core/client/ports.h"

namespace callsession::bindings {

// The signaling channel over the browser's WebSocket.
class BrowserSocket final : public client::SignalingChannel {
 public:
  BrowserSocket(const std::string& url, client::SignalingListener& listener);
  ~BrowserSocket() override;
  void send(const std::string& text) override;

 private:
  val socket_ = val::null();
  CallbackScope callbacks_;  // after socket_: released before the socket is let go
};

}  // namespace callsession::bindings
