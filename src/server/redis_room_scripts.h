#pragma once

#include <string>
#include <string_view>

// The room bus's state in Redis and the Lua scripts that change it. Each script runs atomically,
// so two nodes never see a room half-changed, and publishes what it changed to the nodes that
// hold the room's members, in the order Redis ran it.
//
// Keys (all under "callsession:"):
//   room:<sessionId>      hash  uid → "<node>\n<connection>\n<participant-joined message>"
//   node:<node>:conns     hash  connection → "<sessionId>\n<uid>": what to clean up if it vanishes
//   node:<node>:alive     string, expiring: the node's heartbeat
//   nodes                 set of node ids with a heartbeat or members
// Channel node:<node> carries "<kind>\n<sessionId>\n<key>\n<payload>" events to one node:
//   welcome   key = connection, payload = the others' participant-joined messages, one per line
//   joined    key = uid,        payload = its participant-joined message
//   left      key = uid,        payload = the reason (left, vanished, replaced)
//   state     key = uid,        payload = its participant-state message
//   relay     key = connection, payload = the relayed-signal message for it
//   replaced  key = connection, payload empty: close that connection, its uid joined elsewhere
// Session ids, uids and node and connection ids never hold a newline (signaling/uid.h,
// core/session_id.h), and the JSON messages are compact, one line each.
namespace callsession::server::redis_scripts {

// The text Redis runs for one of the bodies below: the helpers they share, then the body.
std::string scriptText(std::string_view body);

// ARGV: sessionId, uid, node, connection, participant-joined message.
extern const std::string_view kJoin;
// ARGV: sessionId, uid, connection, reason. Only that connection's membership ends.
extern const std::string_view kLeave;
// ARGV: sessionId, uid, connection, new participant-joined message, participant-state message.
extern const std::string_view kUpdateState;
// ARGV: sessionId, to, relayed-signal message.
extern const std::string_view kRelay;
// ARGV: node, milliseconds to live. Returns 1 if the node was already known: 0 after the first
// beat means the others took it for dead and announced its members gone.
extern const std::string_view kHeartbeat;
// ARGV: a node to end now (its own, on shutdown), or "". Ends every node whose heartbeat expired
// (and that one): its members are announced gone (vanished) and its keys removed.
extern const std::string_view kReap;

}  // namespace callsession::server::redis_scripts
