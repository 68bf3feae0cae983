#include "redis_rooms.h"

#include <hiredis/hiredis.h>

#include <algorithm>
#include <chrono>

#include "crypto.h"
#include "log.h"
#include "redis_room_scripts.h"

namespace callsession::server {
namespace {

using namespace std::chrono_literals;
using signaling::LeaveReason;
using signaling::Participant;
using signaling::ServerMessage;

// A node beats every second and counts as dead 3 s after its last beat; every node looks for
// dead ones every second, so a vanished node's members are announced gone within 4 s (the issue's
// bound is 5 s).
constexpr auto kBeatInterval = 1s;
constexpr const char* kHeartbeatLifetimeMillis = "3000";

constexpr std::string_view kLog = "redis";

std::string eventChannel(const std::string& nodeId) {
  return "callsession:node:" + nodeId;
}

std::optional<LeaveReason> leaveReasonNamed(std::string_view name) {
  for (const LeaveReason reason :
       {LeaveReason::kLeft, LeaveReason::kVanished, LeaveReason::kReplaced}) {
    if (signaling::toString(reason) == name) return reason;
  }
  return std::nullopt;
}

// A participant-joined message as Redis keeps it, back to its participant.
std::optional<Participant> participantIn(std::string_view joinedMessage) {
  auto parsed = signaling::parseServerMessage(joinedMessage);
  if (!parsed.ok()) return std::nullopt;
  const auto* joined = std::get_if<signaling::ParticipantJoined>(&parsed.value());
  if (joined == nullptr) return std::nullopt;
  return joined->participant;
}

void sortByJoining(std::vector<Participant>& participants) {
  std::stable_sort(
      participants.begin(), participants.end(),
      [](const Participant& a, const Participant& b) { return a.joinedAt < b.joinedAt; });
}

std::string joinedMessage(const Participant& participant) {
  return signaling::serialize(ServerMessage{signaling::ParticipantJoined{participant}});
}

// The scripts by name.
constexpr std::string_view kJoinScript = "join";
constexpr std::string_view kLeaveScript = "leave";
constexpr std::string_view kStateScript = "state";
constexpr std::string_view kRelayScript = "relay";
constexpr std::string_view kHeartbeatScript = "heartbeat";
constexpr std::string_view kReapScript = "reap";

}  // namespace

// "<kind>\n<sessionId>\n<key>\n<payload>", as the scripts publish it.
struct RedisRooms::Event {
  std::string_view kind;
  std::string sessionId;
  std::string key;
  std::string_view payload;

  static std::optional<Event> parse(std::string_view text) {
    std::string_view fields[3];
    for (auto& field : fields) {
      const size_t end = text.find('\n');
      if (end == std::string_view::npos) return std::nullopt;
      field = text.substr(0, end);
      text.remove_prefix(end + 1);
    }
    return Event{fields[0], std::string(fields[1]), std::string(fields[2]), text};
  }
};

RedisRooms::RedisRooms(boost::asio::io_context& io, const RedisAddress& address,
                       const BusLostHandler& onBusLost)
    : nodeId_(randomText(12)),
      blocking_(address),
      commands_(io, address, onBusLost),
      events_(io, address, onBusLost),
      heartbeat_(io) {
  const std::pair<std::string_view, std::string_view> scripts[] = {
      {kJoinScript, redis_scripts::kJoin},           {kLeaveScript, redis_scripts::kLeave},
      {kStateScript, redis_scripts::kUpdateState},   {kRelayScript, redis_scripts::kRelay},
      {kHeartbeatScript, redis_scripts::kHeartbeat}, {kReapScript, redis_scripts::kReap},
  };
  for (const auto& [name, body] : scripts) {
    const auto loaded = blocking_.command({"SCRIPT", "LOAD", redis_scripts::scriptText(body)});
    if (loaded.size() != 1) throw RedisError("Redis did not load the room scripts");
    scriptIds_.emplace(name, loaded.front());
  }
  // Node ids are base64url: no newline, so they fit the events' format.
  events_.subscribe(
      eventChannel(nodeId_), [this](std::string_view text) { onEvent(text); },
      [this] {
        subscribed_ = true;
        for (auto& args : std::exchange(waitingForSubscription_, {})) send(args);
      });
  logLine(kLog, "room bus on Redis; this node is " + nodeId_);
  beat();
}

RedisRooms::~RedisRooms() {
  try {
    heartbeat_.cancel();
    blocking_.command({"EVALSHA", scriptId(kReapScript), "0", nodeId_});
  } catch (...) {
    // Nothing may escape a destructor; the others will find this node's heartbeat gone instead.
    logLine(kLog, "could not end this node's rooms; its heartbeat will expire");
  }
}

void RedisRooms::run(std::string_view script, std::vector<std::string> args) {
  args.insert(args.begin(), {"EVALSHA", scriptId(script), "0"});
  if (!subscribed_) return waitingForSubscription_.push_back(std::move(args));
  send(args);
}

void RedisRooms::send(const std::vector<std::string>& args) {
  commands_.command(args, [](const redisReply* reply) {
    if (reply != nullptr && reply->type == REDIS_REPLY_ERROR) {
      logLine(kLog, "room script failed: " + std::string(reply->str, reply->len));
    }
  });
}

void RedisRooms::join(const std::string& sessionId, const Participant& participant,
                      std::shared_ptr<Peer> peer, signaling::Joined welcome) {
  const std::string connectionId = std::to_string(++nextConnection_);
  connectionIds_[peer.get()] = connectionId;
  connections_[connectionId] = Connection{sessionId, participant, std::move(peer), welcome};
  run(kJoinScript, {sessionId, participant.uid, nodeId_, connectionId, joinedMessage(participant)});
}

void RedisRooms::leave(const std::string& sessionId, const std::string& uid, const Peer* peer,
                       LeaveReason reason) {
  const std::string* found = connectionIdOf(peer);
  if (found == nullptr) return;  // replaced, or left before
  const std::string connectionId = *found;
  forget(connectionId);
  run(kLeaveScript, {sessionId, uid, connectionId, std::string(signaling::toString(reason))});
}

void RedisRooms::relay(const std::string& sessionId, const std::string& from, const std::string& to,
                       const std::string& dataJson) {
  if (to == from) return;
  run(kRelayScript,
      {sessionId, to,
       signaling::serialize(ServerMessage{signaling::RelayedSignal{from, dataJson}})});
}

void RedisRooms::updateState(const std::string& sessionId, const std::string& uid, const Peer* peer,
                             const signaling::State& state) {
  const std::string* connectionId = connectionIdOf(peer);
  if (connectionId == nullptr) return;
  Participant& participant = connections_.at(*connectionId).participant;
  participant.audioMuted = state.audioMuted;
  participant.videoPaused = state.videoPaused;
  run(kStateScript, {sessionId, uid, *connectionId, joinedMessage(participant),
                     signaling::serialize(ServerMessage{
                         signaling::ParticipantState{uid, state.audioMuted, state.videoPaused}})});
}

std::vector<Participant> RedisRooms::roster(std::string_view sessionId) const {
  std::vector<Participant> participants;
  for (const auto& value :
       blocking_.command({"HVALS", "callsession:room:" + std::string(sessionId)})) {
    // "<node>\n<connection>\n<participant-joined message>"
    const size_t first = value.find('\n');
    const size_t second = value.find('\n', first + 1);
    if (second == std::string::npos) continue;
    if (auto participant = participantIn(std::string_view(value).substr(second + 1))) {
      participants.push_back(*participant);
    }
  }
  sortByJoining(participants);
  return participants;
}

void RedisRooms::onEvent(std::string_view text) {
  const auto event = Event::parse(text);
  if (!event) {
    logLine(kLog, "malformed room event dropped");
    return;
  }
  if (event->kind == "welcome") return onWelcome(*event);
  if (event->kind == "replaced") return onReplaced(*event);
  if (event->kind == "relay") {
    auto connection = connections_.find(event->key);
    if (connection != connections_.end())
      connection->second.peer->send(std::string(event->payload));
    return;
  }
  if (event->kind == "joined" || event->kind == "state") {
    return deliverToRoom(*event, std::string(event->payload));
  }
  if (event->kind == "left") {
    if (auto reason = leaveReasonNamed(event->payload)) {
      deliverToRoom(*event, signaling::serialize(
                                ServerMessage{signaling::ParticipantLeft{event->key, *reason}}));
    }
  }
}

void RedisRooms::onWelcome(const Event& event) {
  auto found = connections_.find(event.key);
  // Left before Redis had it join: the leave script has taken it out again.
  if (found == connections_.end() || !found->second.welcome) return;
  Connection& connection = found->second;
  signaling::Joined welcome = std::move(*connection.welcome);
  connection.welcome.reset();
  std::string_view others = event.payload;
  while (!others.empty()) {
    const size_t end = std::min(others.find('\n'), others.size());
    if (auto participant = participantIn(others.substr(0, end))) {
      welcome.participants.push_back(*participant);
    }
    others.remove_prefix(std::min(end + 1, others.size()));
  }
  sortByJoining(welcome.participants);
  connection.peer->send(signaling::serialize(ServerMessage{std::move(welcome)}));
  rooms_[event.sessionId][connection.participant.uid] = event.key;
}

void RedisRooms::onReplaced(const Event& event) {
  auto found = connections_.find(event.key);
  if (found == connections_.end()) return;
  const std::shared_ptr<Peer> replaced = found->second.peer;
  forget(event.key);
  replaced->send(signaling::serialize(
      ServerMessage{signaling::Failure{makeError(ErrorCode::kSignalingFailed, "replaced")}}));
  replaced->close("replaced");
}

void RedisRooms::deliverToRoom(const Event& event, const std::string& text) {
  auto room = rooms_.find(event.sessionId);
  if (room == rooms_.end()) return;
  for (const auto& [uid, connectionId] : room->second) {
    if (uid != event.key) connections_.at(connectionId).peer->send(text);
  }
}

void RedisRooms::forget(const std::string& connectionId) {
  auto connection = connections_.find(connectionId);
  if (connection == connections_.end()) return;
  auto room = rooms_.find(connection->second.sessionId);
  if (room != rooms_.end()) {
    auto member = room->second.find(connection->second.participant.uid);
    if (member != room->second.end() && member->second == connectionId) room->second.erase(member);
    if (room->second.empty()) rooms_.erase(room);
  }
  connectionIds_.erase(connection->second.peer.get());
  connections_.erase(connection);
}

const std::string* RedisRooms::connectionIdOf(const Peer* peer) const {
  auto found = connectionIds_.find(peer);
  return found == connectionIds_.end() ? nullptr : &found->second;
}

const std::string& RedisRooms::scriptId(std::string_view script) const {
  return scriptIds_.find(script)->second;
}

void RedisRooms::beat() {
  commands_.command({"EVALSHA", scriptId(kHeartbeatScript), "0", nodeId_, kHeartbeatLifetimeMillis},
                    [this](const redisReply* reply) {
                      if (reply == nullptr || reply->type != REDIS_REPLY_INTEGER) return;
                      if (reply->integer == 0 && !firstBeat_) dropEveryConnection();
                      firstBeat_ = false;
                    });
  run(kReapScript, {""});
  heartbeat_.expires_after(kBeatInterval);
  heartbeat_.async_wait([this](const boost::system::error_code& error) {
    if (!error) beat();
  });
}

void RedisRooms::dropEveryConnection() {
  logLine(kLog, "this node missed its heartbeats and was taken for dead; its " +
                    std::to_string(connections_.size()) + " connections must rejoin");
  auto dropped = std::exchange(connections_, {});
  connectionIds_.clear();
  rooms_.clear();
  for (auto& [id, connection] : dropped) {
    connection.peer->send(signaling::serialize(ServerMessage{signaling::Failure{
        makeError(ErrorCode::kSignalingFailed, "The server lost the room; please rejoin.")}}));
    connection.peer->close("room lost");
  }
}

}  // namespace callsession::server
