#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "server_context.h"
#include "server_stream.h"
#include "static_files.h"

namespace callsession::server {

// One HTTP or HTTPS connection: the TLS handshake if it is one, then reads requests (keep-alive),
// answers them through the router, and hands a WebSocket upgrade on /ws to a WsSession.
class HttpSession final : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(ServerStream stream, ServerContext& context, const StaticFiles& files);

  void start();

 private:
  void readNext();
  void onRead(boost::beast::error_code error);
  // Answers with `response`; closes the connection afterwards unless `keepAlive`.
  void respond(const HttpResponse& response, bool head, bool keepAlive, uint64_t requestId,
               const std::string& logPrefix);
  void shutdown();
  // A WebSocket upgrade on /ws: a WsSession takes the connection, unless its address holds too
  // many.
  void upgrade(const std::string& address, uint64_t requestId, const std::string& connection);

  ServerStream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  ServerContext& context_;
  const StaticFiles& files_;
  const uint64_t id_;
  std::string peerAddress_;  // the TCP peer, "" if the socket could not tell
};

}  // namespace callsession::server
