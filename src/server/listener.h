#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <memory>

#include "server_context.h"
#include "socket_record_reserve.h"
#include "static_files.h"

namespace callsession::server {

// Accepts connections and starts an HttpSession for each: HTTPS with a TLS context, else HTTP.
class Listener final : public std::enable_shared_from_this<Listener> {
 public:
  // Binds and listens at once (throws boost::system::system_error if the address is taken).
  // `tls`, if not null, must outlive the listener and its connections.
  Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
           ServerContext& context, const StaticFiles& files, boost::asio::ssl::context* tls);

  void start();
  void stop();
  // The bound port: the chosen one when the configured port was 0.
  [[nodiscard]] unsigned short port() const;

 private:
  void acceptNext();

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  ServerContext& context_;
  const StaticFiles& files_;
  boost::asio::ssl::context* tls_;
  SocketRecordReserve records_;
};

}  // namespace callsession::server
