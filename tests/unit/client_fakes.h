#pragma once

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/callback.h"
#include "core/client/ports.h"
#include "core/signaling/messages.h"

// Fakes of the client ports (core/client/ports.h). Each live port registers itself with the
// FakePlatform and unregisters when destroyed, so a test sees what is open (`platform.socket`)
// and drives it as the browser would (`platform.socket->receive(...)`).
namespace callsession::client::testing {

class FakeClock final : public Clock {
 public:
  int64_t now = 1'000'000'000;  // ms
  [[nodiscard]] int64_t nowMillis() const override { return now; }
};

class FakeHttp final : public Http {
 public:
  struct Pending {
    HttpRequest request;
    Callback<void(HttpResponse)> done;
  };
  std::deque<Pending> pending;

  void send(const HttpRequest& request, Callback<void(HttpResponse)> done) override {
    pending.push_back({request, std::move(done)});
  }
  // Answers the oldest request.
  void answer(int status, const std::string& body) {
    Pending next = std::move(pending.front());
    pending.pop_front();
    next.done({status, body});
  }
};

class FakeEvents final : public EventSink {
 public:
  std::vector<std::pair<std::string, nlohmann::json>> emitted;

  void emit(std::string_view name, const std::string& payloadJson) override {
    emitted.emplace_back(std::string(name), nlohmann::json::parse(payloadJson));
  }
  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> list;
    for (const auto& [name, payload] : emitted) list.push_back(name);
    return list;
  }
  [[nodiscard]] size_t count(const std::string& name) const {
    return static_cast<size_t>(std::count_if(
        emitted.begin(), emitted.end(), [&](const auto& event) { return event.first == name; }));
  }
  [[nodiscard]] std::optional<nlohmann::json> last(const std::string& name) const {
    for (auto it = emitted.rbegin(); it != emitted.rend(); ++it) {
      if (it->first == name) return it->second;
    }
    return std::nullopt;
  }
};

class FakePlatform;

class FakeMedia final : public LocalMedia {
 public:
  FakeMedia(FakePlatform& platform, MediaRequest request, MediaListener& listener);
  ~FakeMedia() override;
  void setAudioEnabled(bool enabled) override { audioEnabled = enabled; }
  void setVideoEnabled(bool enabled) override { videoEnabled = enabled; }
  void useDevice(MediaKind kind, const std::string& deviceId, MediaDone done) override {
    deviceRequests.push_back({kind, deviceId, std::move(done)});
  }
  void startScreenShare(MediaDone done) override { shareRequests.push_back(std::move(done)); }
  void stopScreenShare() override { ++shareStops; }

  struct DeviceRequest {
    MediaKind kind;
    std::string deviceId;
    MediaDone done;
  };

  FakePlatform& platform;
  MediaRequest request;
  MediaListener& listener;
  bool audioEnabled = true;
  bool videoEnabled = true;
  // Requests in flight, answered by the test through their `done`.
  std::vector<DeviceRequest> deviceRequests;
  std::vector<MediaDone> shareRequests;
  int shareStops = 0;
};

class FakeSocket final : public SignalingChannel {
 public:
  FakeSocket(FakePlatform& platform, std::string url, SignalingListener& listener);
  ~FakeSocket() override;
  void send(const std::string& text) override { sent.push_back(text); }

  void receive(const signaling::ServerMessage& message) {
    listener.onSignalingMessage(signaling::serialize(message));
  }
  // The messages the client sent, parsed.
  [[nodiscard]] std::vector<signaling::ClientMessage> sentMessages() const {
    std::vector<signaling::ClientMessage> list;
    for (const auto& text : sent) list.push_back(signaling::parseClientMessage(text).value());
    return list;
  }

  FakePlatform& platform;
  std::string url;
  SignalingListener& listener;
  std::vector<std::string> sent;
};

class FakePeer final : public PeerConnection {
 public:
  FakePeer(FakePlatform& platform, PeerConfig config, PeerListener& listener);
  ~FakePeer() override;
  void setLocalDescription() override { calls.emplace_back("setLocalDescription"); }
  void setRemoteDescription(const SessionDescription& description) override {
    calls.push_back("setRemoteDescription " + description.type);
  }
  void addIceCandidate(const std::string& candidateJson) override {
    calls.push_back("addIceCandidate " + candidateJson);
  }
  void restartIce() override { calls.emplace_back("restartIce"); }
  // As the browser keeps it: the servers in force.
  void setIceServers(const std::string& iceServersJson) override {
    config.iceServersJson = iceServersJson;
  }
  [[nodiscard]] SignalingState signalingState() const override { return state; }

  FakePlatform& platform;
  PeerConfig config;
  PeerListener& listener;
  SignalingState state = SignalingState::kStable;
  std::vector<std::string> calls;
};

// What happened to one container, kept by the test: the view itself belongs to the client.
struct ViewLog {
  std::vector<SessionState> states;
  Result<Size> openResult = Size{1280, 720};
  std::optional<ControlsOptions> opened;
  ViewListener* listener = nullptr;
  std::optional<Scene> scene;
  bool presented = false;
  bool closed = false;
  bool destroyed = false;
};

class FakeView final : public View {
 public:
  explicit FakeView(ViewLog& log) : log_(log) {}
  ~FakeView() override { log_.destroyed = true; }
  void setState(SessionState state) override { log_.states.push_back(state); }
  Result<Size> open(const ControlsOptions& options, ViewListener& listener) override {
    if (log_.openResult.ok()) {
      log_.opened = options;
      log_.listener = &listener;
    }
    return log_.openResult;
  }
  void present() override { log_.presented = true; }
  void render(const Scene& scene) override { log_.scene = scene; }
  void close() override {
    log_.closed = true;
    log_.listener = nullptr;
  }

 private:
  ViewLog& log_;
};

// Timers fire as the test moves the clock (FakePlatform::advance); a destroyed one never fires.
struct FakeTimers {
  struct Entry {
    int64_t due;
    Callback<void()> fire;
  };
  std::map<int, Entry> pending;  // by id, in start order
  int nextId = 0;
};

class FakeTimer final : public Timer {
 public:
  FakeTimer(FakeTimers& timers, int id) : timers_(timers), id_(id) {}
  ~FakeTimer() override { timers_.pending.erase(id_); }

 private:
  FakeTimers& timers_;
  int id_;
};

class FakePlatform final : public Platform {
 public:
  FakeClock fakeClock;
  FakeTimers timers;
  double randomValue = 0;  // what random() answers: no jitter unless a test asks
  FakeHttp fakeHttp;
  FakeEvents fakeEvents;
  FakeMedia* media = nullptr;
  FakeSocket* socket = nullptr;
  std::map<std::string, FakePeer*> peers;
  int mediaOpened = 0;
  int socketsOpened = 0;
  std::vector<std::string> closedSocketSent;  // what the last closed socket had sent

  [[nodiscard]] const Clock& clock() const override { return fakeClock; }
  Http& http() override { return fakeHttp; }
  EventSink& events() override { return fakeEvents; }
  std::unique_ptr<Timer> startTimer(int64_t delayMillis, Callback<void()> fire) override {
    const int id = timers.nextId++;
    timers.pending.emplace(id, FakeTimers::Entry{fakeClock.now + delayMillis, std::move(fire)});
    return std::make_unique<FakeTimer>(timers, id);
  }
  double random() override { return randomValue; }
  // Moves the clock by `millis`, firing every timer that falls due on the way, in time order.
  void advance(int64_t millis) {
    const int64_t end = fakeClock.now + millis;
    while (true) {
      auto next = timers.pending.end();
      for (auto it = timers.pending.begin(); it != timers.pending.end(); ++it) {
        if (it->second.due <= end &&
            (next == timers.pending.end() || it->second.due < next->second.due)) {
          next = it;
        }
      }
      if (next == timers.pending.end()) break;
      fakeClock.now = std::max(fakeClock.now, next->second.due);
      auto fire = std::move(next->second.fire);
      timers.pending.erase(next);  // fired: destroying its Timer later finds nothing
      fire();
    }
    fakeClock.now = end;
  }
  std::unique_ptr<LocalMedia> openMedia(const MediaRequest& request,
                                        MediaListener& listener) override {
    ++mediaOpened;
    return std::make_unique<FakeMedia>(*this, request, listener);
  }
  std::unique_ptr<SignalingChannel> openSignaling(const std::string& url,
                                                  SignalingListener& listener) override {
    ++socketsOpened;
    return std::make_unique<FakeSocket>(*this, url, listener);
  }
  std::unique_ptr<PeerConnection> openPeer(const PeerConfig& config,
                                           PeerListener& listener) override {
    return std::make_unique<FakePeer>(*this, config, listener);
  }
};

inline FakeMedia::FakeMedia(FakePlatform& p, MediaRequest r, MediaListener& l)
    : platform(p), request(r), listener(l) {
  platform.media = this;
}
inline FakeMedia::~FakeMedia() {
  platform.media = nullptr;
}

inline FakeSocket::FakeSocket(FakePlatform& p, std::string u, SignalingListener& l)
    : platform(p), url(std::move(u)), listener(l) {
  platform.socket = this;
}
inline FakeSocket::~FakeSocket() {
  platform.socket = nullptr;
  platform.closedSocketSent = sent;
}

inline FakePeer::FakePeer(FakePlatform& p, PeerConfig c, PeerListener& l)
    : platform(p), config(std::move(c)), listener(l) {
  platform.peers[config.remoteUid] = this;
}
inline FakePeer::~FakePeer() {
  platform.peers.erase(config.remoteUid);
}

}  // namespace callsession::client::testing
