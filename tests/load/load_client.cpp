#include "load_client.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "core/signaling/messages.h"

namespace callsession::load {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using boost::asio::ip::tcp;

namespace {

int64_t nowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

LoadClient::LoadClient(boost::asio::io_context& io, tcp::endpoint server, std::string host,
                       std::string uid, std::string peerUid, LoadStats& stats)
    : server_(std::move(server)),
      host_(std::move(host)),
      uid_(std::move(uid)),
      peerUid_(std::move(peerUid)),
      stats_(stats),
      socket_(io) {}

void LoadClient::join(std::string token) {
  beast::get_lowest_layer(socket_).async_connect(
      server_, [self = shared_from_this(), token = std::move(token)](beast::error_code error) {
        if (error) return self->fail("connect: " + error.message());
        // Small frames must leave at once: with Nagle's algorithm a frame waits for the previous
        // one's ACK, which the server may delay by 40 ms, and that would be measured as relay time.
        beast::get_lowest_layer(self->socket_).socket().set_option(tcp::no_delay(true), error);
        self->socket_.async_handshake(self->host_, "/ws", [self, token](beast::error_code e) {
          if (e) return self->fail("handshake: " + e.message());
          self->onOpen(token);
        });
      });
}

void LoadClient::onOpen(const std::string& token) {
  send(signaling::serialize(signaling::ClientMessage{signaling::Join{token, uid_}}));
  read();
}

void LoadClient::read() {
  socket_.async_read(buffer_, [self = shared_from_this()](beast::error_code error, size_t) {
    if (error) {
      self->fail("read: " + error.message());
      return;
    }
    const auto data = self->buffer_.cdata();
    self->onMessage(std::string_view(static_cast<const char*>(data.data()), data.size()));
    self->buffer_.consume(self->buffer_.size());
    self->read();
  });
}

void LoadClient::onMessage(std::string_view text) {
  // Relayed signals, nearly every message, are read with one JSON parse: the generator must cost
  // less than the server it measures, with which it shares the machine.
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_object() && json.value("type", "") == "signal") return onSignal(json);
  auto message = signaling::parseServerMessage(text);
  if (!message.ok()) return fail("unparsable server message");
  if (std::holds_alternative<signaling::Joined>(message.value())) {
    joined_ = true;
    ++stats_.joined;
    ++stats_.joinsAnswered;
  } else if (const auto* failure = std::get_if<signaling::Failure>(&message.value())) {
    fail("refused: " + std::string(toString(failure->error.code)) + " " + failure->error.message);
  }
}

void LoadClient::onSignal(const nlohmann::json& signal) {
  ++stats_.signalsReceived;
  const auto data = signal.find("data");
  if (stats_.measuring && data != signal.end() && data->is_object()) {
    const auto sentAt = data->find("t");
    if (sentAt != data->end() && sentAt->is_number_integer()) {
      stats_.latency.record(nowMicros() - sentAt->get<int64_t>());
    }
  }
  if (stats_.closedLoop && stats_.measuring) sendSignal();
}

void LoadClient::sendSignal() {
  if (!joined_) return;
  ++stats_.signalsSent;
  send(signaling::serialize(signaling::ClientMessage{
      signaling::Signal{peerUid_, R"({"t":)" + std::to_string(nowMicros()) + "}"}}));
}

void LoadClient::leave() {
  if (leaving_) return;
  leaving_ = true;
  if (joined_) --stats_.joined;
  joined_ = false;
  send(signaling::serialize(signaling::ClientMessage{signaling::Leave{}}));
}

void LoadClient::send(std::string text) {
  outbox_.push_back(std::move(text));
  if (outbox_.size() == 1) writeNext();
}

void LoadClient::writeNext() {
  socket_.async_write(boost::asio::buffer(outbox_.front()), [self = shared_from_this()](
                                                                beast::error_code error, size_t) {
    if (error) {
      self->fail("write: " + error.message());
      return;
    }
    self->outbox_.pop_front();
    if (!self->outbox_.empty()) return self->writeNext();
    if (self->leaving_) {
      self->socket_.async_close(websocket::close_code::normal, [self](beast::error_code) {});
    }
  });
}

void LoadClient::fail(const std::string& why) {
  if (leaving_) return;
  ++stats_.failures;
  ++stats_.failureReasons[why];
  if (joined_) --stats_.joined;
  joined_ = false;
  leaving_ = true;  // stop reacting to this socket
  beast::error_code ignored;
  beast::get_lowest_layer(socket_).socket().close(ignored);
}

}  // namespace callsession::load
