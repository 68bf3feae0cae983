#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/signaling/messages.h"

// The live signaling rooms, one per sessionId: who is connected, and the broadcasts and relays of
// docs/signaling.md. Knows nothing of sockets: a connection is a Peer, so tests drive the rules
// with fakes. Two implementations: LocalRooms, in this process (the default), and RedisRooms,
// shared by several server nodes through Redis. Single-threaded, like the rest of the server's I/O.
namespace callsession::server {

class Peer {
 public:
  virtual ~Peer() = default;
  // Queues one text frame.
  virtual void send(std::string text) = 0;
  // Closes the connection after what was queued. Must not call back into Rooms synchronously.
  virtual void close(std::string_view reason) = 0;
};

class Rooms {
 public:
  virtual ~Rooms() = default;

  // Adds `peer` to the room and tells everybody, in this order: a previous connection of the same
  // uid gets an error ("replaced") and is closed, and the others see it leave (reason replaced);
  // `peer` gets `welcome` with the others as its participants; the others see participant-joined.
  virtual void join(const std::string& sessionId, const signaling::Participant& participant,
                    std::shared_ptr<Peer> peer, signaling::Joined welcome) = 0;

  // Removes `peer` and tells the others, unless `peer` is no longer the uid's connection (it was
  // replaced, or left before): then nothing happens.
  virtual void leave(const std::string& sessionId, const std::string& uid, const Peer* peer,
                     signaling::LeaveReason reason) = 0;

  // Relays a signal from one member to another; dropped if `to` is not in the room.
  virtual void relay(const std::string& sessionId, const std::string& from, const std::string& to,
                     const std::string& dataJson) = 0;

  // Records the media state of `peer` (the uid's connection) and tells the others.
  virtual void updateState(const std::string& sessionId, const std::string& uid, const Peer* peer,
                           const signaling::State& state) = 0;

  // Who is connected now, in order of joining.
  [[nodiscard]] virtual std::vector<signaling::Participant> roster(
      std::string_view sessionId) const = 0;
};

}  // namespace callsession::server
