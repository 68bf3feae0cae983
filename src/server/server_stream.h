#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/teardown.hpp>
#include <utility>
#include <variant>

#include "socket_record_reserve.h"

// One accepted connection: plain TCP (HTTP and WS), or TLS over TCP (HTTPS and WSS) when the server
// has a certificate. HttpSession and WsSession read and write through it without knowing which, so
// they are written once; Beast's HTTP parser and WebSocket stream take it as their stream.
namespace callsession::server {

class ServerStream {
 public:
  using PlainStream = boost::beast::tcp_stream;
  using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;
  using executor_type = PlainStream::executor_type;

  // `tls` null: plain. Otherwise TLS under that context, which must outlive the stream. `hold`
  // counts the connection as open for as long as the stream lives.
  ServerStream(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context* tls,
               SocketRecordReserve::Hold hold)
      : stream_(open(std::move(socket), tls)), hold_(std::move(hold)) {}

  [[nodiscard]] bool isTls() const { return std::holds_alternative<TlsStream>(stream_); }

  // The TCP stream under everything: its deadline bounds every read and write, TLS records
  // included.
  PlainStream& tcp() {
    if (auto* tls = std::get_if<TlsStream>(&stream_)) return tls->next_layer();
    return std::get<PlainStream>(stream_);
  }

  executor_type get_executor() { return tcp().get_executor(); }

  // The server side of the TLS handshake; a plain stream must not be asked.
  template <class Handler>
  void async_handshake(Handler&& handler) {
    std::get<TlsStream>(stream_).async_handshake(boost::asio::ssl::stream_base::server,
                                                 std::forward<Handler>(handler));
  }

  // Beast's composed operations (HTTP read and write, WebSocket frames) call these with their
  // own handlers, never with a completion token, so there is no result to return.
  template <class MutableBuffers, class Handler>
  void async_read_some(const MutableBuffers& buffers, Handler&& handler) {
    std::visit(
        [&](auto& stream) { stream.async_read_some(buffers, std::forward<Handler>(handler)); },
        stream_);
  }
  template <class ConstBuffers, class Handler>
  void async_write_some(const ConstBuffers& buffers, Handler&& handler) {
    std::visit(
        [&](auto& stream) { stream.async_write_some(buffers, std::forward<Handler>(handler)); },
        stream_);
  }

  // The WebSocket closing handshake ends with these (found by argument-dependent lookup): TLS
  // sends its close_notify first, plain TCP just shuts down.
  friend void teardown(boost::beast::role_type role, ServerStream& stream,
                       boost::beast::error_code& error) {
    std::visit(
        [&](auto& inner) {
          using boost::beast::websocket::teardown;
          teardown(role, inner, error);
        },
        stream.stream_);
  }
  template <class Handler>
  friend void async_teardown(boost::beast::role_type role, ServerStream& stream,
                             Handler&& handler) {
    std::visit(
        [&](auto& inner) {
          using boost::beast::websocket::async_teardown;
          async_teardown(role, inner, std::forward<Handler>(handler));
        },
        stream.stream_);
  }
  // What Beast's WebSocket timeout calls to drop a connection.
  friend void beast_close_socket(ServerStream& stream) {
    boost::beast::error_code ignored;
    stream.tcp().socket().close(ignored);
  }

 private:
  using Variant = std::variant<PlainStream, TlsStream>;

  static Variant open(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context* tls) {
    if (tls != nullptr) return Variant(std::in_place_type<TlsStream>, std::move(socket), *tls);
    return Variant(std::in_place_type<PlainStream>, std::move(socket));
  }

  Variant stream_;
  SocketRecordReserve::Hold hold_;
};

}  // namespace callsession::server
