#include "browser_platform.h"

#include "browser_media.h"
#include "browser_peer.h"
#include "browser_socket.h"
#include "browser_timer.h"
#include "browser_view.h"

namespace callsession::bindings {

int64_t BrowserClock::nowMillis() const {
  return static_cast<int64_t>(val::global("Date").call<double>("now"));
}

void BrowserEvents::emit(std::string_view name, const std::string& payloadJson) {
  val::module_property("onEvent")(std::string(name), payloadJson);
}

std::unique_ptr<client::Timer> BrowserPlatform::startTimer(int64_t delayMillis,
                                                           Callback<void()> fire) {
  return std::make_unique<BrowserTimer>(delayMillis, std::move(fire));
}

double BrowserPlatform::random() {
  return val::global("Math").call<double>("random");
}

std::unique_ptr<client::LocalMedia> BrowserPlatform::openMedia(const client::MediaRequest& request,
                                                               client::MediaListener& listener) {
  return std::make_unique<BrowserMedia>(board_, request, listener);
}

std::unique_ptr<client::SignalingChannel> BrowserPlatform::openSignaling(
    const std::string& url, client::SignalingListener& listener) {
  return std::make_unique<BrowserSocket>(url, listener);
}

std::unique_ptr<client::PeerConnection> BrowserPlatform::openPeer(const client::PeerConfig& config,
                                                                  client::PeerListener& listener) {
  return std::make_unique<BrowserPeer>(board_, config, listener);
}

std::unique_ptr<client::View> BrowserPlatform::openView(val container) {
  return std::make_unique<BrowserView>(board_, std::move(container));
}

}  // namespace callsession::bindings
