#pragma once

#include <boost/asio/io_context.hpp>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "redis_address.h"

struct redisAsyncContext;
struct redisContext;
struct redisReply;

// Connections to Redis for the room bus, on hiredis.
namespace callsession::server {

// A failure to reach Redis or a reply that is an error.
class RedisError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One connection that never blocks the server's thread: hiredis's asynchronous API driven by the
// server's io_context. Commands are sent, executed and answered in the order given, so one link
// serializes everything a node asks of Redis.
class RedisLink {
 public:
  // The reply, or nullptr when the link went before it came.
  using ReplyHandler = std::function<void(const redisReply* reply)>;
  using MessageHandler = std::function<void(std::string_view message)>;
  // The connection failed or dropped; nothing more will be answered.
  using LostHandler = std::function<void(const std::string& why)>;

  // Connects in the background; commands given before the connection is up wait for it.
  RedisLink(boost::asio::io_context& io, const RedisAddress& address, LostHandler onLost);
  ~RedisLink();
  RedisLink(const RedisLink&) = delete;
  RedisLink& operator=(const RedisLink&) = delete;

  void command(const std::vector<std::string>& args, ReplyHandler onReply = {});

  // Makes this link a subscriber of `channel`: `onSubscribed` once Redis confirms it, then every
  // message published there goes to `onMessage`. A subscribed link takes no other command.
  void subscribe(const std::string& channel, MessageHandler onMessage,
                 std::function<void()> onSubscribed);

 private:
  struct Watcher;
  static void onReplyFromRedis(redisAsyncContext* context, void* reply, void* handler);
  static void onMessageFromRedis(redisAsyncContext* context, void* reply, void* link);
  static void onConnected(const redisAsyncContext* context, int status);
  static void onDisconnected(const redisAsyncContext* context, int status);
  void reportLost(const std::string& why);

  redisAsyncContext* context_ = nullptr;  // null once hiredis freed it
  std::shared_ptr<Watcher> watcher_;
  LostHandler onLost_;
  MessageHandler onMessage_;
  std::function<void()> onSubscribed_;
  bool closing_ = false;
};

// One connection that waits for each answer: for what runs at start and shutdown, and for the
// HTTP roster, which (like the PostgreSQL store) answers within one round trip. Throws RedisError.
class BlockingRedisLink {
 public:
  explicit BlockingRedisLink(const RedisAddress& address);
  ~BlockingRedisLink();
  BlockingRedisLink(const BlockingRedisLink&) = delete;
  BlockingRedisLink& operator=(const BlockingRedisLink&) = delete;

  // The reply's strings: a bulk string or status is one, an array is its elements, nil is none.
  std::vector<std::string> command(const std::vector<std::string>& args);

 private:
  void connect();
  std::vector<std::string> send(const std::vector<std::string>& args);

  RedisAddress address_;
  redisContext* context_ = nullptr;
};

// The commands that log in and pick the database, if the address asks for them.
std::vector<std::vector<std::string>> redisHandshake(const RedisAddress& address);

}  // namespace callsession::server
