#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "core/signaling/messages.h"

// Real clients for the integration test: Beast over loopback TCP, nothing faked.
namespace callsession::server::testing {

struct HttpReply {
  unsigned status = 0;
  nlohmann::json body;  // discarded when the body is not JSON
  std::string text;
};

// One request on its own connection.
HttpReply httpRequest(unsigned short port, const std::string& method, const std::string& target,
                      const std::string& body = "",
                      const std::map<std::string, std::string>& headers = {});

// A signaling client. Reads on its own thread and queues what the server sends, parsed with the
// SDK's own parser; the test takes messages with a timeout.
class WsClient {
 public:
  explicit WsClient(unsigned short port);
  ~WsClient();
  WsClient(const WsClient&) = delete;
  WsClient& operator=(const WsClient&) = delete;

  void sendText(const std::string& text);
  void send(const signaling::ClientMessage& message) { sendText(signaling::serialize(message)); }

  // The next message from the server, or nullopt when none came within `timeout` (or the server
  // sent something the SDK's parser refuses, which fails the test).
  std::optional<signaling::ServerMessage> next(
      std::chrono::milliseconds timeout = std::chrono::seconds(3));
  // Skips messages until one of type T arrives.
  template <class T>
  std::optional<T> nextOf(std::chrono::milliseconds timeout = std::chrono::seconds(3)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (remaining.count() <= 0) return std::nullopt;
      auto message = next(remaining);
      if (!message) return std::nullopt;
      if (auto* wanted = std::get_if<T>(&*message)) return *wanted;
    }
  }
  // Waits until the server ends the connection; the close code it gave (0 if none).
  std::optional<unsigned> waitClosed(std::chrono::milliseconds timeout = std::chrono::seconds(3));

  // Stops doing anything at all: pings go unanswered while the TCP connection stays open.
  void freeze();
  // Drops the TCP connection without a WebSocket close.
  void dropConnection();
  // Sends leave and, without waiting for the server's answer, its own close frame: the SDK's way
  // out, which crosses the server's close.
  void leaveAndClose();

 private:
  void readNext();

  boost::asio::io_context io_;
  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> inbox_;
  std::optional<unsigned> closeCode_;
};

}  // namespace callsession::server::testing
