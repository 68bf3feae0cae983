#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "redis_address.h"
#include "redis_link.h"
#include "rooms.h"

// Rooms shared by several server nodes through Redis (CALLSESSION_REDIS_URL): a room's members
// live in Redis, changed by atomic scripts (redis_room_scripts.h) that publish each change to the
// nodes holding the room's members; each node delivers to its own connections. A node's heartbeat
// expires when it dies, and any other node then announces its members gone.
namespace callsession::server {

class RedisRooms final : public Rooms {
 public:
  // Why the node can no longer take part in rooms (its Redis connection is gone).
  using BusLostHandler = std::function<void(const std::string& why)>;

  // Connects and loads the scripts, waiting for Redis: an unreachable Redis stops the start.
  // Throws RedisError.
  RedisRooms(boost::asio::io_context& io, const RedisAddress& address,
             const BusLostHandler& onBusLost);
  // Announces this node's members gone, as a clean shutdown should.
  ~RedisRooms() override;
  RedisRooms(const RedisRooms&) = delete;
  RedisRooms& operator=(const RedisRooms&) = delete;

  void join(const std::string& sessionId, const signaling::Participant& participant,
            std::shared_ptr<Peer> peer, signaling::Joined welcome) override;
  void leave(const std::string& sessionId, const std::string& uid, const Peer* peer,
             signaling::LeaveReason reason) override;
  void relay(const std::string& sessionId, const std::string& from, const std::string& to,
             const std::string& dataJson) override;
  void updateState(const std::string& sessionId, const std::string& uid, const Peer* peer,
                   const signaling::State& state) override;
  // Asks Redis, waiting for the answer: every node's members.
  [[nodiscard]] std::vector<signaling::Participant> roster(
      std::string_view sessionId) const override;

  [[nodiscard]] const std::string& nodeId() const { return nodeId_; }

 private:
  // One of this node's connections.
  struct Connection {
    std::string sessionId;
    signaling::Participant participant;
    std::shared_ptr<Peer> peer;
    // Held until Redis has added the member and sent the roster it joined; then sent.
    std::optional<signaling::Joined> welcome;
  };
  struct Event;

  void run(std::string_view script, std::vector<std::string> args);
  void send(const std::vector<std::string>& args);
  void onEvent(std::string_view text);
  void onWelcome(const Event& event);
  void onReplaced(const Event& event);
  void deliverToRoom(const Event& event, const std::string& text);
  void forget(const std::string& connectionId);
  void beat();
  // The others ended this node's memberships (it missed heartbeats): its connections must rejoin.
  void dropEveryConnection();
  [[nodiscard]] const std::string* connectionIdOf(const Peer* peer) const;
  // The SHA1 Redis knows a script by, from its name in redis_rooms.cpp.
  [[nodiscard]] const std::string& scriptId(std::string_view script) const;

  std::string nodeId_;
  mutable BlockingRedisLink blocking_;
  std::map<std::string, std::string, std::less<>> scriptIds_;  // SHA1 by script name
  RedisLink commands_;
  RedisLink events_;
  boost::asio::steady_timer heartbeat_;
  bool firstBeat_ = true;
  // Until Redis confirms this node's subscription, its events would be lost: the scripts wait.
  bool subscribed_ = false;
  std::vector<std::vector<std::string>> waitingForSubscription_;
  uint64_t nextConnection_ = 0;
  std::unordered_map<std::string, Connection> connections_;  // by connection id
  std::unordered_map<const Peer*, std::string> connectionIds_;
  // Welcomed connections by session and uid: whom an event about a room reaches here.
  std::unordered_map<std::string, std::map<std::string, std::string>> rooms_;
};

}  // namespace callsession::server
