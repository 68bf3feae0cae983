#include "browser_socket.h"

namespace callsession::bindings {

BrowserSocket::BrowserSocket(const std::string& url, client::SignalingListener& listener) {
  // `new WebSocket` throws on a malformed URL; construct() (pre.js) turns that into null.
  socket_ = val::module_property("construct")(val::global("WebSocket"), url);
  if (socket_.isNull()) {
    // A port answers later, never from inside the call that opened it.
    val::global("queueMicrotask")(
        callbacks_.function([&listener](const val&) { listener.onSignalingClosed(); }));
    return;
  }
  socket_.set("onopen",
              callbacks_.function([&listener](const val&) { listener.onSignalingOpen(); }));
  socket_.set("onmessage", callbacks_.function([&listener](const val& event) {
    val data = event["data"];
    if (data.isString()) listener.onSignalingMessage(data.as<std::string>());
  }));
  // An error is always followed by a close, which is what the core hears about.
  socket_.set("onclose",
              callbacks_.function([&listener](const val&) { listener.onSignalingClosed(); }));
}

BrowserSocket::~BrowserSocket() {
  if (socket_.isNull()) return;
  socket_.call<void>("close", 1000);
}

void BrowserSocket::send(const std::string& text) {
  constexpr int kOpen = 1;
  if (!socket_.isNull() && socket_["readyState"].as<int>() == kOpen) {
    socket_.call<void>("send", text);
  }
}

}  // namespace callsession::bindings
