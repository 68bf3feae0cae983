#include "listener.h"

#include "http_session.h"
#include "log.h"

namespace callsession::server {

Listener::Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
                   ServerContext& context, const StaticFiles& files, boost::asio::ssl::context* tls)
    : io_(io), acceptor_(io), context_(context), files_(files), tls_(tls), records_(io) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(boost::asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(boost::asio::socket_base::max_listen_connections);
}

void Listener::start() {
  acceptNext();
}

void Listener::stop() {
  boost::system::error_code ignored;
  acceptor_.close(ignored);
}

unsigned short Listener::port() const {
  return acceptor_.local_endpoint().port();
}

void Listener::acceptNext() {
  records_.ensureOneMore();
  acceptor_.async_accept(io_, [self = shared_from_this()](boost::system::error_code error,
                                                          boost::asio::ip::tcp::socket socket) {
    if (error == boost::asio::error::operation_aborted) return;  // stopped
    if (error) {
      // Out of file descriptors and the like: this connection is lost, the server goes on.
      logLine("listener", "accept failed: " + error.message());
    } else {
      // Signaling frames are small and latency-bound (trickled ICE candidates): send each at once
      // rather than letting Nagle's algorithm hold it for the previous frame's (delayed) ACK.
      boost::system::error_code ignored;
      socket.set_option(boost::asio::ip::tcp::no_delay(true), ignored);
      std::make_shared<HttpSession>(
          ServerStream(std::move(socket), self->tls_, self->records_.hold()), self->context_,
          self->files_)
          ->start();
    }
    self->acceptNext();
  });
}

}  // namespace callsession::server
