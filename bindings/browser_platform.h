#pragma once

#include "browser_http.h"
#include "core/client/ports.h"
#include "media_board.h"

namespace callsession::bindings {

class BrowserClock final : public Clock {
 public:
  [[nodiscard]] int64_t nowMillis() const override;
};

// Events go to the JS wrapper's Module.onEvent(name, payloadJson), which delivers them to the
// app's listeners in a microtask (the EventSink rule).
class BrowserEvents final : public client::EventSink {
 public:
  void emit(std::string_view name, const std::string& payloadJson) override;
};

// The browser as the client core's Platform.
class BrowserPlatform final : public client::Platform {
 public:
  [[nodiscard]] const Clock& clock() const override { return clock_; }
  client::Http& http() override { return http_; }
  client::EventSink& events() override { return events_; }
  std::unique_ptr<client::Timer> startTimer(int64_t delayMillis, Callback<void()> fire) override;
  double random() override;
  std::unique_ptr<client::LocalMedia> openMedia(const client::MediaRequest& request,
                                                client::MediaListener& listener) override;
  std::unique_ptr<client::SignalingChannel> openSignaling(
      const std::string& url, client::SignalingListener& listener) override;
  std::unique_ptr<client::PeerConnection> openPeer(const client::PeerConfig& config,
                                                   client::PeerListener& listener) override;
  // A view for a join's container.
  std::unique_ptr<client::View> openView(val container);

 private:
  BrowserClock clock_;
  BrowserHttp http_;
  BrowserEvents events_;
  MediaBoard board_;
};

}  // namespace callsession::bindings
