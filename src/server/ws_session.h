#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <variant>

#include "connection_limiter.h"
#include "core/signaling/messages.h"
#include "rooms.h"
#include "server_context.h"
#include "server_stream.h"

namespace callsession::server {

// One signaling connection on /ws (docs/signaling.md): the join with its token checks, then relay,
// state and leave, with the server's pings deciding when a silent client has vanished.
class WsSession final : public Peer, public std::enable_shared_from_this<WsSession> {
 public:
  // `stream`: the connection the upgrade request came on, its TLS handshake done if it has one.
  // `clientAddress`: whom the join limits count it against; `slot`: its place among the
  // connections that address may hold, given back when the session goes.
  WsSession(ServerStream stream, ServerContext& context, uint64_t id, std::string clientAddress,
            ConnectionLimiter::Slot slot);

  // Completes the WebSocket handshake of `upgrade` and starts reading.
  void start(const boost::beast::http::request<boost::beast::http::string_body>& upgrade);

  void send(std::string text) override;
  void close(std::string_view reason) override;

 private:
  enum class Phase { kAwaitingJoin, kJoined, kClosing, kEnded };
  struct Ping {};
  struct Close {
    boost::beast::websocket::close_reason reason;
  };
  using Outgoing = std::variant<std::string, Ping, Close>;

  void readNext();
  void onRead(boost::beast::error_code error, size_t bytes);
  void handle(const signaling::ClientMessage& message);
  void handleJoin(const signaling::Join& join);
  void tick();

  // Sends an error message, then closes with `code` (1008 unless the frame was too big).
  void refuse(const Error& error, boost::beast::websocket::close_code code =
                                      boost::beast::websocket::close_code::policy_error);
  void closeWith(boost::beast::websocket::close_code code, std::string_view reason);
  void enqueue(Outgoing item);
  void writeNext();
  // Leaves the room (telling the others why) and drops the TCP connection. Idempotent.
  void end(signaling::LeaveReason reason, std::string_view why);

  boost::beast::websocket::stream<ServerStream> ws_;
  boost::asio::steady_timer ticker_;
  boost::beast::flat_buffer buffer_;
  ServerContext& context_;
  const uint64_t id_;
  const std::string clientAddress_;
  ConnectionLimiter::Slot slot_;
  std::string logSubject_;

  Phase phase_ = Phase::kAwaitingJoin;
  std::deque<Outgoing> outbox_;
  size_t outboxBytes_ = 0;  // text queued in outbox_, bounded by kMaxOutboxBytes
  bool writing_ = false;
  int64_t openedAtMillis_ = 0;
  int64_t lastHeardMillis_ = 0;
  unsigned ticks_ = 0;

  std::string sessionId_;
  std::string uid_;
  int64_t meetingExpiresAt_ = 0;
};

}  // namespace callsession::server
