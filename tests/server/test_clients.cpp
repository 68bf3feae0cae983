#include "test_clients.h"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <future>

namespace callsession::server::testing {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = boost::asio::ip::tcp;

namespace {

tcp::endpoint loopback(unsigned short port) {
  return {boost::asio::ip::make_address("127.0.0.1"), port};
}

}  // namespace

HttpReply httpRequest(unsigned short port, const std::string& method, const std::string& target,
                      const std::string& body, const std::map<std::string, std::string>& headers) {
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(loopback(port));
  http::request<http::string_body> request(http::string_to_verb(method), target, 11);
  request.set(http::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  http::write(stream, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  beast::error_code error;
  http::read(stream, buffer, response, error);
  HttpReply reply;
  if (error) return reply;
  reply.status = response.result_int();
  reply.text = response.body();
  reply.body = nlohmann::json::parse(reply.text, nullptr, /*allow_exceptions=*/false);
  return reply;
}

WsClient::WsClient(unsigned short port) : ws_(io_) {
  beast::get_lowest_layer(ws_).connect(loopback(port));
  ws_.handshake("127.0.0.1", "/ws");
  readNext();
  thread_ = std::thread([this] { io_.run(); });
}

WsClient::~WsClient() {
  io_.stop();
  thread_.join();
}

void WsClient::readNext() {
  ws_.async_read(buffer_, [this](beast::error_code error, size_t) {
    std::lock_guard lock(mutex_);
    if (error) {
      closeCode_ = error == websocket::error::closed ? ws_.reason().code : 0;
    } else {
      inbox_.push_back(beast::buffers_to_string(buffer_.data()));
      buffer_.consume(buffer_.size());
      readNext();
    }
    changed_.notify_all();
  });
}

void WsClient::sendText(const std::string& text) {
  std::promise<void> written;
  boost::asio::post(io_, [&] {
    ws_.text(true);
    ws_.async_write(boost::asio::buffer(text),
                    [&](beast::error_code, size_t) { written.set_value(); });
  });
  written.get_future().wait_for(std::chrono::seconds(3));
}

std::optional<signaling::ServerMessage> WsClient::next(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (!changed_.wait_for(lock, timeout, [&] { return !inbox_.empty(); })) return std::nullopt;
  const std::string text = inbox_.front();
  inbox_.pop_front();
  auto parsed = signaling::parseServerMessage(text);
  EXPECT_TRUE(parsed.ok()) << "the SDK's parser refuses: " << text;
  if (!parsed.ok()) return std::nullopt;
  return parsed.value();
}

std::optional<unsigned> WsClient::waitClosed(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (!changed_.wait_for(lock, timeout, [&] { return closeCode_.has_value(); }))
    return std::nullopt;
  return closeCode_;
}

void WsClient::freeze() {
  io_.stop();
}

void WsClient::leaveAndClose() {
  static const std::string kLeave =
      signaling::serialize(signaling::ClientMessage{signaling::Leave{}});
  boost::asio::post(io_, [this] {
    ws_.text(true);
    ws_.async_write(boost::asio::buffer(kLeave), [this](beast::error_code error, size_t) {
      if (!error) ws_.async_close(websocket::close_code::normal, [](beast::error_code) {});
    });
  });
}

void WsClient::dropConnection() {
  std::promise<void> dropped;
  boost::asio::post(io_, [&] {
    beast::error_code ignored;
    beast::get_lowest_layer(ws_).socket().close(ignored);
    dropped.set_value();
  });
  dropped.get_future().wait_for(std::chrono::seconds(3));
}

}  // namespace callsession::server::testing
