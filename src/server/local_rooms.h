#pragma once

#include <map>
#include <memory>
#include <string>

#include "rooms.h"

// Rooms held in this process: the default, for one server node.
namespace callsession::server {

class LocalRooms final : public Rooms {
 public:
  void join(const std::string& sessionId, const signaling::Participant& participant,
            std::shared_ptr<Peer> peer, signaling::Joined welcome) override;
  void leave(const std::string& sessionId, const std::string& uid, const Peer* peer,
             signaling::LeaveReason reason) override;
  void relay(const std::string& sessionId, const std::string& from, const std::string& to,
             const std::string& dataJson) override;
  void updateState(const std::string& sessionId, const std::string& uid, const Peer* peer,
                   const signaling::State& state) override;
  [[nodiscard]] std::vector<signaling::Participant> roster(
      std::string_view sessionId) const override;

 private:
  struct Member {
    signaling::Participant participant;
    std::shared_ptr<Peer> peer;
  };
  using Room = std::map<std::string, Member>;  // by uid

  // The uid's member if `peer` is its connection.
  Member* memberOf(const std::string& sessionId, const std::string& uid, const Peer* peer);
  void broadcast(const Room& room, const std::string& exceptUid,
                 const signaling::ServerMessage& message) const;

  std::map<std::string, Room, std::less<>> rooms_;
};

}  // namespace callsession::server
