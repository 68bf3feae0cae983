#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "latency_recorder.h"

namespace callsession::load {

struct LoadStats {
  size_t joined = 0;         // currently joined connections
  size_t joinsAnswered = 0;  // `joined` answers received, over the whole run
  size_t failures = 0;       // connect/handshake errors, refusals, unexpected closes
  std::map<std::string, size_t> failureReasons;
  size_t signalsSent = 0;
  size_t signalsReceived = 0;
  bool measuring = false;  // latencies are recorded only in the measured window
  // Closed loop (saturation): while measuring, every signal that arrives is passed on, from its
  // receiver to the receiver's own peer, so the signals in flight stay constant and the server
  // relays as fast as it can.
  bool closedLoop = false;
  LatencyRecorder latency;
};

// One participant's connection: a WebSocket that joins with a token, relays timestamped signals to
// one peer, and leaves. One-shot: churn replaces the object, whose pending handlers keep it alive
// until they finish, so no socket is ever destroyed under a pending operation.
class LoadClient : public std::enable_shared_from_this<LoadClient> {
 public:
  LoadClient(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint server, std::string host,
             std::string uid, std::string peerUid, LoadStats& stats);

  // Connects and joins with `token`.
  void join(std::string token);
  // Sends one signal carrying the send time; ignored unless joined.
  void sendSignal();
  // Sends leave and closes.
  void leave();
  [[nodiscard]] bool joined() const { return joined_; }

 private:
  void onOpen(const std::string& token);
  void read();
  void onMessage(std::string_view text);
  void onSignal(const nlohmann::json& signal);
  void send(std::string text);
  void writeNext();
  void fail(const std::string& why);

  boost::asio::ip::tcp::endpoint server_;
  std::string host_;
  std::string uid_;
  std::string peerUid_;
  LoadStats& stats_;
  boost::beast::websocket::stream<boost::beast::tcp_stream> socket_;
  boost::beast::flat_buffer buffer_;
  std::deque<std::string> outbox_;
  bool joined_ = false;
  bool leaving_ = false;  // from leave() or a failure on: errors are expected, not counted
};

}  // namespace callsession::load
