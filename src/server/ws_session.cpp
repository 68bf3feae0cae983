#include "ws_session.h"

#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>

#include "authorization.h"
#include "ice_servers.h"
#include "join_token.h"
#include "log.h"

namespace callsession::server {
namespace {

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
using namespace std::chrono_literals;

constexpr auto kTickInterval = 250ms;
constexpr unsigned kTicksPerPing = 4;  // a ping every second
// Pings go out every second and healthy clients answer at once; two and a half seconds of silence
// means the client is gone, and the tick granularity keeps the announcement within 3 s.
constexpr int64_t kSilenceLimitMillis = 2500;
constexpr int64_t kJoinDeadlineMillis = 10'000;
// Frames over kMaxMessageBytes are refused with an error message; beyond this Beast drops the
// connection without reading the rest.
constexpr size_t kReadLimitBytes = size_t{1024} * 1024;
// A client that sends (so it never falls silent) but does not read would make the server queue
// everything relayed to it without end. Signaling is a few KB per peer; past this the connection
// is dropped as vanished and its memory freed.
constexpr size_t kMaxOutboxBytes = size_t{2} * 1024 * 1024;

}  // namespace

WsSession::WsSession(ServerStream stream, ServerContext& context, uint64_t id,
                     std::string clientAddress, ConnectionLimiter::Slot slot)
    : ws_(std::move(stream)),
      ticker_(ws_.get_executor()),
      context_(context),
      id_(id),
      clientAddress_(std::move(clientAddress)),
      slot_(std::move(slot)),
      logSubject_("c" + std::to_string(id)) {}

void WsSession::start(const beast::http::request<beast::http::string_body>& upgrade) {
  // The HTTP request deadline stays on the TCP stream; from here the timeouts below apply.
  ws_.next_layer().tcp().expires_never();
  // Our own pings and silence limit replace Beast's idle timeout; its handshake timeout also bounds
  // the closing handshake with a client that never answers a close.
  ws_.set_option(websocket::stream_base::timeout{10s, websocket::stream_base::none(), false});
  ws_.read_message_max(kReadLimitBytes);
  // Runs inside our read operation, which holds a reference to this session.
  ws_.control_callback([this](websocket::frame_type kind, beast::string_view) {
    if (kind == websocket::frame_type::pong) lastHeardMillis_ = context_.clock.nowMillis();
  });
  ws_.async_accept(upgrade, [self = shared_from_this()](beast::error_code error) {
    if (error) {
      logLine(self->logSubject_, "websocket handshake failed: " + error.message());
      return self->end(signaling::LeaveReason::kLeft, "handshake failed");
    }
    self->openedAtMillis_ = self->lastHeardMillis_ = self->context_.clock.nowMillis();
    logLine(self->logSubject_, "websocket open");
    self->readNext();
    self->tick();
  });
}

void WsSession::readNext() {
  ws_.async_read(buffer_, beast::bind_front_handler(&WsSession::onRead, shared_from_this()));
}

void WsSession::onRead(beast::error_code error, size_t /*bytes*/) {
  if (error == boost::asio::error::operation_aborted) return;  // end() closed the socket
  if (error == websocket::error::closed) return end(signaling::LeaveReason::kLeft, "closed");
  if (error == websocket::error::message_too_big) {
    return end(signaling::LeaveReason::kLeft, "frame over 1 MiB");
  }
  if (error) return end(signaling::LeaveReason::kVanished, "connection lost: " + error.message());

  lastHeardMillis_ = context_.clock.nowMillis();
  const bool text = ws_.got_text();
  // Read in place (a flat_buffer is one contiguous block), not copied out; consumed once handled,
  // before the next read.
  const auto bytes = buffer_.cdata();
  const std::string_view frame(static_cast<const char*>(bytes.data()), bytes.size());
  // After a refusal or leave, frames still in flight are read (so the close handshake completes)
  // but not acted on.
  if (phase_ == Phase::kAwaitingJoin || phase_ == Phase::kJoined) {
    if (!text) {
      refuse(makeError(ErrorCode::kSignalingFailed, "Only text frames are accepted."));
    } else if (frame.size() > signaling::kMaxMessageBytes) {
      refuse(makeError(ErrorCode::kSignalingFailed, "The message is over 64 KiB."),
             websocket::close_code::too_big);
    } else if (auto message = signaling::parseClientMessage(frame); !message.ok()) {
      refuse(message.error());
    } else {
      try {
        handle(message.value());
      } catch (const std::exception& failure) {
        logLine(logSubject_, std::string("message failed: ") + failure.what());
        refuse(makeError(ErrorCode::kSignalingFailed, "The server failed; please rejoin."));
      }
    }
  }
  buffer_.consume(buffer_.size());
  // Once closing, the close operation reads the rest itself (until the client's close frame). A
  // read of ours beside it would race it for the client's frames: with both sides closing at once
  // (a leave, then the client's own close) Beast 1.74 can leave both operations waiting on each
  // other, off the socket, so that not even closing the socket would free the session.
  if (phase_ == Phase::kAwaitingJoin || phase_ == Phase::kJoined) readNext();
}

void WsSession::handle(const signaling::ClientMessage& message) {
  if (const auto* join = std::get_if<signaling::Join>(&message)) {
    if (phase_ != Phase::kAwaitingJoin) {
      return refuse(makeError(ErrorCode::kSignalingFailed, "Already joined."));
    }
    return handleJoin(*join);
  }
  if (std::holds_alternative<signaling::Ping>(message)) {
    return send(signaling::serialize(signaling::Pong{context_.clock.nowMillis()}));
  }
  if (phase_ != Phase::kJoined) {
    return refuse(makeError(ErrorCode::kSignalingFailed, "Join first."));
  }
  if (const auto* signal = std::get_if<signaling::Signal>(&message)) {
    context_.rooms.relay(sessionId_, uid_, signal->to, signal->dataJson);
  } else if (const auto* state = std::get_if<signaling::State>(&message)) {
    context_.rooms.updateState(sessionId_, uid_, this, *state);
  } else if (std::holds_alternative<signaling::Leave>(message)) {
    context_.rooms.leave(sessionId_, uid_, this, signaling::LeaveReason::kLeft);
    logLine(logSubject_, "left");
    closeWith(websocket::close_code::normal, "left");
  }
}

void WsSession::handleJoin(const signaling::Join& join) {
  const int64_t now = context_.clock.nowSeconds();
  auto verified = verifyJoinToken(join.token, context_.keys.signingKey, now);
  if (!verified.ok()) return refuse(verified.error());
  const TokenClaims& claims = verified.value();
  const auto meeting = context_.store.findMeeting(claims.sid);
  if (auto allowed = authorizeJoin(meeting, claims.sub, now); !allowed.ok()) {
    return refuse(allowed.error());
  }
  if (auto wait =
          context_.limits.takeJoin(claims.sub, clientAddress_, context_.clock.nowMillis())) {
    // The token stays unspent: the same one works once the wait is over (if still fresh).
    return refuse(makeError(ErrorCode::kRateLimited,
                            "Too many joins for this user or address; try again in " +
                                std::to_string(retryAfterSeconds(*wait)) + " s."),
                  websocket::close_code::try_again_later);
  }
  // Last, so a token refused for another reason is not spent.
  if (!context_.store.markTokenUsed(claims.jti, claims.exp, now)) {
    return refuse(
        makeError(ErrorCode::kTokenAlreadyUsed, "This token was used before; generate a new one."));
  }

  phase_ = Phase::kJoined;
  sessionId_ = claims.sid;
  uid_ = claims.sub;
  meetingExpiresAt_ = meeting->expiresAt;
  const int64_t nowMillis = context_.clock.nowMillis();
  const signaling::Participant participant{uid_, join.name.empty() ? uid_ : join.name, nowMillis,
                                           false, false};
  // TURN credentials are minted per join and never logged.
  std::string iceServers = iceServersForJoin(context_.config, uid_, now, meetingExpiresAt_);
  signaling::Joined welcome{sessionId_,       uid_, {}, std::move(iceServers), nowMillis,
                            meetingExpiresAt_};
  logLine(logSubject_, "joined " + sessionId_ + " as " + uid_);
  context_.rooms.join(sessionId_, participant, shared_from_this(), std::move(welcome));
}

void WsSession::tick() {
  if (phase_ == Phase::kEnded) return;
  const int64_t now = context_.clock.nowMillis();
  if (now - lastHeardMillis_ > kSilenceLimitMillis) {
    return end(signaling::LeaveReason::kVanished, "no answer to pings");
  }
  if (phase_ == Phase::kAwaitingJoin && now - openedAtMillis_ > kJoinDeadlineMillis) {
    refuse(makeError(ErrorCode::kSignalingFailed, "No join within 10 seconds."));
  }
  if (phase_ == Phase::kJoined && now / 1000 >= meetingExpiresAt_) {
    send(signaling::serialize(signaling::SessionEnded{}));
    context_.rooms.leave(sessionId_, uid_, this, signaling::LeaveReason::kLeft);
    logLine(logSubject_, "session ended (meeting expired)");
    closeWith(websocket::close_code::normal, "session ended");
  }
  if (++ticks_ % kTicksPerPing == 0) enqueue(Ping{});
  ticker_.expires_after(kTickInterval);
  ticker_.async_wait([self = shared_from_this()](beast::error_code error) {
    if (!error) self->tick();
  });
}

void WsSession::send(std::string text) {
  enqueue(std::move(text));
}

void WsSession::close(std::string_view reason) {
  // Rooms has already removed this connection; only the socket is left to close.
  logLine(logSubject_, "closed by the room: " + std::string(reason));
  closeWith(websocket::close_code::normal, reason);
}

void WsSession::refuse(const Error& error, websocket::close_code code) {
  logLine(logSubject_, "refused: " + std::string(toString(error.code)) + " " + error.message);
  send(signaling::serialize(signaling::Failure{error}));
  if (phase_ == Phase::kJoined) {
    context_.rooms.leave(sessionId_, uid_, this, signaling::LeaveReason::kLeft);
  }
  closeWith(code, toString(error.code));
}

void WsSession::closeWith(websocket::close_code code, std::string_view reason) {
  if (phase_ == Phase::kClosing || phase_ == Phase::kEnded) return;
  phase_ = Phase::kClosing;
  enqueue(Close{websocket::close_reason(code, beast::string_view(reason.data(), reason.size()))});
}

void WsSession::enqueue(Outgoing item) {
  if (phase_ == Phase::kEnded) return;
  // Nothing may follow a close frame.
  if (!outbox_.empty() && std::holds_alternative<Close>(outbox_.back())) return;
  if (const auto* text = std::get_if<std::string>(&item)) {
    outboxBytes_ += text->size();
    if (outboxBytes_ > kMaxOutboxBytes) {
      return end(signaling::LeaveReason::kVanished, "not reading: over 2 MiB queued");
    }
  }
  outbox_.push_back(std::move(item));
  writeNext();
}

void WsSession::writeNext() {
  if (writing_ || outbox_.empty() || phase_ == Phase::kEnded) return;
  writing_ = true;
  auto done = [self = shared_from_this()](beast::error_code error, auto&&...) {
    self->writing_ = false;
    // end() closed the socket; the queue (and the buffer Beast was writing) stay until destruction.
    if (self->phase_ == Phase::kEnded) return;
    const Outgoing& sent = self->outbox_.front();
    const bool wasClose = std::holds_alternative<Close>(sent);
    if (const auto* text = std::get_if<std::string>(&sent)) self->outboxBytes_ -= text->size();
    self->outbox_.pop_front();
    if (error)
      return self->end(signaling::LeaveReason::kVanished, "write failed: " + error.message());
    if (wasClose) return self->end(signaling::LeaveReason::kLeft, "closed");
    self->writeNext();
  };
  Outgoing& next = outbox_.front();
  if (auto* text = std::get_if<std::string>(&next)) {
    ws_.text(true);
    ws_.async_write(boost::asio::buffer(*text), std::move(done));
  } else if (std::holds_alternative<Ping>(next)) {
    ws_.async_ping({}, std::move(done));
  } else {
    ws_.async_close(std::get<Close>(next).reason, std::move(done));
  }
}

void WsSession::end(signaling::LeaveReason reason, std::string_view why) {
  if (phase_ == Phase::kEnded) return;
  if (phase_ == Phase::kJoined) context_.rooms.leave(sessionId_, uid_, this, reason);
  phase_ = Phase::kEnded;
  ticker_.cancel();
  beast::error_code ignored;
  auto& socket = ws_.next_layer().tcp().socket();
  socket.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
  logLine(logSubject_, "websocket ended: " + std::string(why) + " (" +
                           std::string(signaling::toString(reason)) + ")");
}

}  // namespace callsession::server
