#include "redis_link.h"

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <sys/time.h>

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>

namespace callsession::server {
namespace {

constexpr timeval kBlockingTimeout{2, 0};

// hiredis takes commands as parallel arrays of pointers and lengths (binary-safe).
// Points into `args`, which must outlive it.
struct Argv {
  explicit Argv(const std::vector<std::string>& args) {
    for (const auto& arg : args) {
      pointers.push_back(arg.data());
      lengths.push_back(arg.size());
    }
  }
  [[nodiscard]] int count() const { return static_cast<int>(pointers.size()); }
  std::vector<const char*> pointers;
  std::vector<size_t> lengths;
};

std::string replyText(const redisReply& reply) {
  if (reply.type == REDIS_REPLY_INTEGER) return std::to_string(reply.integer);
  return {reply.str, reply.len};
}

}  // namespace

std::vector<std::vector<std::string>> redisHandshake(const RedisAddress& address) {
  std::vector<std::vector<std::string>> commands;
  if (address.password) {
    if (address.user) {
      commands.push_back({"AUTH", *address.user, *address.password});
    } else {
      commands.push_back({"AUTH", *address.password});
    }
  }
  if (address.database != 0) commands.push_back({"SELECT", std::to_string(address.database)});
  return commands;
}

// Asio's side of hiredis's event hooks: hiredis says when it wants to read or write, and the
// socket's readiness, waited for on the io_context, calls it back. The file descriptor stays
// hiredis's: it is released, never closed, here.
struct RedisLink::Watcher : std::enable_shared_from_this<Watcher> {
  using Direction = boost::asio::posix::descriptor_base::wait_type;
  struct Interest {
    bool wanted = false;   // hiredis has something to read or write
    bool waiting = false;  // a wait for readiness is pending
  };

  Watcher(boost::asio::io_context& io, redisAsyncContext* redis)
      : socket(io, redis->c.fd), context(redis) {}

  Interest& interestIn(Direction direction) {
    return direction == Direction::wait_read ? read : write;
  }

  // Waits until the socket is ready in `direction`, then lets hiredis read or write; again for as
  // long as hiredis wants to.
  void arm(Direction direction) {
    Interest& interest = interestIn(direction);
    if (interest.waiting || context == nullptr) return;
    interest.waiting = true;
    socket.async_wait(
        direction, [self = shared_from_this(), direction](const boost::system::error_code& error) {
          Interest& interest = self->interestIn(direction);
          interest.waiting = false;
          if (error || self->context == nullptr || !interest.wanted) return;
          // May free the context (the connection dropped): cleanup clears it.
          if (direction == Direction::wait_read) {
            redisAsyncHandleRead(self->context);
          } else {
            redisAsyncHandleWrite(self->context);
          }
          if (interest.wanted) self->arm(direction);
        });
  }

  static Watcher& of(void* data) { return *static_cast<Watcher*>(data); }
  static void want(void* data, Direction direction, bool wanted) {
    Watcher& watcher = of(data);
    watcher.interestIn(direction).wanted = wanted;
    if (wanted) watcher.arm(direction);
  }
  static void addRead(void* data) { want(data, Direction::wait_read, true); }
  static void delRead(void* data) { want(data, Direction::wait_read, false); }
  static void addWrite(void* data) { want(data, Direction::wait_write, true); }
  static void delWrite(void* data) { want(data, Direction::wait_write, false); }
  static void cleanup(void* data) {
    Watcher& watcher = of(data);
    watcher.read.wanted = watcher.write.wanted = false;
    watcher.context = nullptr;
    boost::system::error_code ignored;
    watcher.socket.cancel(ignored);
    watcher.socket.release();
  }

  boost::asio::posix::stream_descriptor socket;
  redisAsyncContext* context;
  Interest read;
  Interest write;
};

RedisLink::RedisLink(boost::asio::io_context& io, const RedisAddress& address, LostHandler onLost)
    : onLost_(std::move(onLost)) {
  context_ = redisAsyncConnect(address.host.c_str(), address.port);
  if (context_ == nullptr || context_->err != 0) {
    const std::string why = context_ != nullptr ? context_->errstr : "out of memory";
    if (context_ != nullptr) redisAsyncFree(context_);
    throw RedisError("cannot connect to Redis at " + address.host + ":" +
                     std::to_string(address.port) + ": " + why);
  }
  context_->data = this;
  watcher_ = std::make_shared<Watcher>(io, context_);
  context_->ev.data = watcher_.get();
  context_->ev.addRead = &Watcher::addRead;
  context_->ev.delRead = &Watcher::delRead;
  context_->ev.addWrite = &Watcher::addWrite;
  context_->ev.delWrite = &Watcher::delWrite;
  context_->ev.cleanup = &Watcher::cleanup;
  redisAsyncSetConnectCallback(context_, &RedisLink::onConnected);
  redisAsyncSetDisconnectCallback(context_, &RedisLink::onDisconnected);
  for (const auto& handshake : redisHandshake(address)) {
    command(handshake, [this](const redisReply* reply) {
      if (reply != nullptr && reply->type == REDIS_REPLY_ERROR) {
        reportLost("Redis refused " + std::string(reply->str, reply->len));
      }
    });
  }
}

RedisLink::~RedisLink() {
  closing_ = true;
  // Pending handlers are dropped, not called: their owners are going too.
  if (context_ != nullptr) redisAsyncFree(context_);
}

void RedisLink::command(const std::vector<std::string>& args, ReplyHandler onReply) {
  if (context_ == nullptr) return;  // the link is gone; onLost has been told
  auto* handler = onReply ? new ReplyHandler(std::move(onReply)) : nullptr;
  Argv argv(args);
  if (redisAsyncCommandArgv(context_, &RedisLink::onReplyFromRedis, handler, argv.count(),
                            argv.pointers.data(), argv.lengths.data()) != REDIS_OK) {
    delete handler;
  }
}

void RedisLink::subscribe(const std::string& channel, MessageHandler onMessage,
                          std::function<void()> onSubscribed) {
  if (context_ == nullptr) return;
  onMessage_ = std::move(onMessage);
  onSubscribed_ = std::move(onSubscribed);
  const std::vector<std::string> args{"SUBSCRIBE", channel};
  Argv argv(args);
  redisAsyncCommandArgv(context_, &RedisLink::onMessageFromRedis, this, argv.count(),
                        argv.pointers.data(), argv.lengths.data());
}

void RedisLink::onReplyFromRedis(redisAsyncContext* context, void* reply, void* handler) {
  const std::unique_ptr<ReplyHandler> owned(static_cast<ReplyHandler*>(handler));
  const auto* link = static_cast<RedisLink*>(context->data);
  if (owned == nullptr || link->closing_) return;
  (*owned)(static_cast<const redisReply*>(reply));
}

void RedisLink::onMessageFromRedis(redisAsyncContext* context, void* reply, void* /*link*/) {
  auto* link = static_cast<RedisLink*>(context->data);
  const auto* message = static_cast<const redisReply*>(reply);
  if (link->closing_ || message == nullptr || message->type != REDIS_REPLY_ARRAY ||
      message->elements != 3) {
    return;
  }
  // ["message", channel, payload]; the first reply is ["subscribe", channel, count].
  const std::string kind = replyText(*message->element[0]);
  if (kind == "subscribe" && link->onSubscribed_) std::exchange(link->onSubscribed_, {})();
  if (kind != "message") return;
  const redisReply& payload = *message->element[2];
  link->onMessage_(std::string_view(payload.str, payload.len));
}

void RedisLink::onConnected(const redisAsyncContext* context, int status) {
  if (status == REDIS_OK) return;
  auto* link = static_cast<RedisLink*>(context->data);
  // hiredis frees the context after this callback.
  link->context_ = nullptr;
  link->reportLost(std::string("cannot connect to Redis: ") + context->errstr);
}

void RedisLink::onDisconnected(const redisAsyncContext* context, int status) {
  auto* link = static_cast<RedisLink*>(context->data);
  link->context_ = nullptr;
  if (link->closing_) return;
  link->reportLost(status == REDIS_OK ? std::string("Redis closed the connection")
                                      : std::string("lost Redis: ") + context->errstr);
}

void RedisLink::reportLost(const std::string& why) {
  if (closing_ || !onLost_) return;
  // Later, outside hiredis's callback: the handler may well destroy this link.
  boost::asio::post(watcher_->socket.get_executor(),
                    [onLost = std::exchange(onLost_, {}), why] { onLost(why); });
}

BlockingRedisLink::BlockingRedisLink(const RedisAddress& address) : address_(address) {
  connect();
}

BlockingRedisLink::~BlockingRedisLink() {
  if (context_ != nullptr) redisFree(context_);
}

void BlockingRedisLink::connect() {
  if (context_ != nullptr) redisFree(context_);
  context_ = redisConnectWithTimeout(address_.host.c_str(), address_.port, kBlockingTimeout);
  if (context_ == nullptr || context_->err != 0) {
    const std::string why = context_ != nullptr ? context_->errstr : "out of memory";
    if (context_ != nullptr) redisFree(context_);
    context_ = nullptr;
    throw RedisError("cannot connect to Redis at " + address_.host + ":" +
                     std::to_string(address_.port) + ": " + why);
  }
  redisSetTimeout(context_, kBlockingTimeout);
  for (const auto& handshake : redisHandshake(address_)) send(handshake);
}

std::vector<std::string> BlockingRedisLink::command(const std::vector<std::string>& args) {
  // A context that failed once (timeout, dropped connection) is unusable: start afresh.
  if (context_ == nullptr || context_->err != 0) connect();
  return send(args);
}

std::vector<std::string> BlockingRedisLink::send(const std::vector<std::string>& args) {
  Argv argv(args);
  auto* reply = static_cast<redisReply*>(
      redisCommandArgv(context_, argv.count(), argv.pointers.data(), argv.lengths.data()));
  if (reply == nullptr) throw RedisError(std::string("Redis: ") + context_->errstr);
  const std::unique_ptr<redisReply, decltype(&freeReplyObject)> owned(reply, &freeReplyObject);
  std::vector<std::string> texts;
  switch (reply->type) {
    case REDIS_REPLY_ERROR:
      throw RedisError("Redis: " + replyText(*reply));
    case REDIS_REPLY_ARRAY:
      for (size_t i = 0; i < reply->elements; ++i) {
        if (reply->element[i]->type != REDIS_REPLY_NIL)
          texts.push_back(replyText(*reply->element[i]));
      }
      break;
    case REDIS_REPLY_NIL:
      break;
    default:
      texts.push_back(replyText(*reply));
  }
  return texts;
}

}  // namespace callsession::server
