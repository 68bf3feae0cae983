#include "http_session.h"

#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <chrono>

#include "beast_request.h"
#include "client_address.h"
#include "http_error.h"
#include "log.h"
#include "router.h"
#include "ws_session.h"

namespace callsession::server {
namespace {

namespace beast = boost::beast;
namespace http = boost::beast::http;
using namespace std::chrono_literals;

constexpr size_t kBodyLimitBytes = size_t{64} * 1024;
constexpr uint32_t kHeaderLimitBytes = 16 * 1024;
// A client gets this long to send a whole request; an idle keep-alive connection is closed then.
constexpr auto kRequestTimeout = 30s;

// What Beast's accept checks beyond is_upgrade(): a key, and the one version RFC 6455 defines.
bool isValidHandshake(const http::request<http::string_body>& request) {
  return request.method() == http::verb::get && request.version() == 11 &&
         !request[http::field::sec_websocket_key].empty() &&
         request[http::field::sec_websocket_version] == "13";
}

std::string pathOf(beast::string_view target) {
  const std::string text(target);
  return text.substr(0, text.find('?'));
}

}  // namespace

HttpSession::HttpSession(ServerStream stream, ServerContext& context, const StaticFiles& files)
    : stream_(std::move(stream)), context_(context), files_(files), id_(nextLogId()) {
  beast::error_code error;
  const auto peer = stream_.tcp().socket().remote_endpoint(error);
  if (!error) peerAddress_ = peer.address().to_string();
}

void HttpSession::start() {
  if (!stream_.isTls()) return readNext();
  // The request deadline covers the handshake too, so a client that never finishes it is dropped.
  stream_.tcp().expires_after(kRequestTimeout);
  stream_.async_handshake([self = shared_from_this()](beast::error_code error) {
    if (!error) return self->readNext();
    // Mostly a browser that does not trust the certificate (yet), or plain HTTP on the TLS port.
    logLine("c" + std::to_string(self->id_), "TLS handshake failed: " + error.message());
    self->shutdown();
  });
}

void HttpSession::readNext() {
  parser_.emplace();
  parser_->body_limit(kBodyLimitBytes);
  parser_->header_limit(kHeaderLimitBytes);
  stream_.tcp().expires_after(kRequestTimeout);
  http::async_read(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code error, size_t) { self->onRead(error); });
}

void HttpSession::onRead(beast::error_code error) {
  const uint64_t requestId = nextLogId();
  const std::string connection = "c" + std::to_string(id_);
  if (error == http::error::end_of_stream || error == beast::error::timeout ||
      error == boost::asio::error::connection_reset || error == boost::asio::error::eof) {
    return shutdown();
  }
  if (error == http::error::body_limit) {
    return respond(errorResponse(HttpError::payloadTooLarge()), false, false, requestId,
                   connection + " (body over limit)");
  }
  if (error == http::error::header_limit) {
    return respond(errorResponse(HttpError::headersTooLarge()), false, false, requestId,
                   connection + " (headers over limit)");
  }
  if (error) {
    return respond(errorResponse(HttpError::badRequest("The request is not valid HTTP/1.1.")),
                   false, false, requestId, connection + " (" + error.message() + ")");
  }

  auto& request = parser_->get();
  const beast::string_view forwardedFor = request["X-Forwarded-For"];
  const std::string address =
      clientAddress(peerAddress_, std::string_view(forwardedFor.data(), forwardedFor.size()),
                    context_.config.limits.trustProxy);
  if (beast::websocket::is_upgrade(request) && pathOf(request.target()) == "/ws") {
    // Beast would refuse a broken handshake in plain text; refuse it here in the contract's JSON.
    if (!isValidHandshake(request)) {
      return respond(
          errorResponse(HttpError::badRequest(
              "A WebSocket upgrade needs Sec-WebSocket-Key and Sec-WebSocket-Version 13.")),
          false, false, requestId, connection + " GET /ws (bad handshake)");
    }
    return upgrade(address, requestId, connection);
  }
  HttpRequest plain = toHttpRequest(request);
  plain.clientAddress = address;
  const std::string prefix = connection + " " + plain.method + " " + std::string(plain.path());
  respond(route(plain, context_, files_), request.method() == http::verb::head,
          request.keep_alive(), requestId, prefix);
}

void HttpSession::upgrade(const std::string& address, uint64_t requestId,
                          const std::string& connection) {
  auto slot = context_.limits.connections().open(address);
  if (!slot) {
    const auto refusal = HttpError::rateLimited(
        1000, "This address holds " +
                  std::to_string(context_.limits.connections().maxPerAddress()) +
                  " signaling connections already; close one first.");
    return respond(errorResponse(refusal), false, false, requestId,
                   connection + " GET /ws (too many connections from this address)");
  }
  logLine("r" + std::to_string(requestId), connection + " GET /ws upgrade");
  auto session =
      std::make_shared<WsSession>(std::move(stream_), context_, id_, address, std::move(*slot));
  session->start(parser_->get());
}

void HttpSession::respond(const HttpResponse& response, bool head, bool keepAlive,
                          uint64_t requestId, const std::string& logPrefix) {
  auto message = std::make_shared<http::response<http::string_body>>();
  message->result(response.status);
  message->version(11);
  message->set(http::field::server, "callsession");
  if (!response.contentType.empty()) message->set(http::field::content_type, response.contentType);
  for (const auto& [name, value] : response.headers) message->set(name, value);
  message->body() = response.body;
  message->prepare_payload();
  if (head) message->body().clear();  // Content-Length stays that of the GET
  message->keep_alive(keepAlive);
  logLine("r" + std::to_string(requestId), logPrefix + " " + std::to_string(response.status));

  http::async_write(stream_, *message,
                    [self = shared_from_this(), message](beast::error_code error, size_t) {
                      if (error || !message->keep_alive()) return self->shutdown();
                      self->readNext();
                    });
}

void HttpSession::shutdown() {
  beast::error_code ignored;
  // Without TLS's close_notify: every response carries its length, so a cut cannot pass for a
  // whole one, and a client that never answers the notify would hold the connection.
  stream_.tcp().socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.tcp().close();
}

}  // namespace callsession::server
