#include "redis_room_scripts.h"

#include <string>

namespace callsession::server::redis_scripts {
namespace {

// Shared by every script (a Redis script cannot call another).
constexpr std::string_view kPrelude = R"lua(
local P = 'callsession:'
local function roomKey(sid) return P .. 'room:' .. sid end
local function connsKey(node) return P .. 'node:' .. node .. ':conns' end
local function channel(node) return P .. 'node:' .. node end
local function member(value) return string.match(value, '^([^\n]*)\n([^\n]*)\n(.*)$') end
local function event(kind, sid, key, payload)
  return kind .. '\n' .. sid .. '\n' .. key .. '\n' .. payload
end
local function tellRoom(sid, message)
  local told = {}
  for _, value in ipairs(redis.call('HVALS', roomKey(sid))) do
    local node = member(value)
    if not told[node] then
      told[node] = true
      redis.call('PUBLISH', channel(node), message)
    end
  end
end
local function removeMember(sid, uid, node, conn, reason)
  redis.call('HDEL', roomKey(sid), uid)
  redis.call('HDEL', connsKey(node), conn)
  tellRoom(sid, event('left', sid, uid, reason))
end
)lua";

}  // namespace

std::string scriptText(std::string_view body) {
  return std::string(kPrelude) + std::string(body);
}

const std::string_view kJoin = R"lua(
local sid, uid, node, conn, joined = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local previous = redis.call('HGET', roomKey(sid), uid)
if previous then
  local oldNode, oldConn = member(previous)
  redis.call('PUBLISH', channel(oldNode), event('replaced', sid, oldConn, ''))
  removeMember(sid, uid, oldNode, oldConn, 'replaced')
end
local others = {}
for _, value in ipairs(redis.call('HVALS', roomKey(sid))) do
  local _, _, message = member(value)
  others[#others + 1] = message
end
redis.call('HSET', roomKey(sid), uid, node .. '\n' .. conn .. '\n' .. joined)
redis.call('HSET', connsKey(node), conn, sid .. '\n' .. uid)
redis.call('SADD', P .. 'nodes', node)
-- The welcome goes first, so the joiner's node knows it before any event about the room.
redis.call('PUBLISH', channel(node), event('welcome', sid, conn, table.concat(others, '\n')))
tellRoom(sid, event('joined', sid, uid, joined))
return 1
)lua";

const std::string_view kLeave = R"lua(
local sid, uid, conn, reason = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local value = redis.call('HGET', roomKey(sid), uid)
if not value then return 0 end
local node, current = member(value)
if current ~= conn then return 0 end
removeMember(sid, uid, node, conn, reason)
return 1
)lua";

const std::string_view kUpdateState = R"lua(
local sid, uid, conn, joined, state = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local value = redis.call('HGET', roomKey(sid), uid)
if not value then return 0 end
local node, current = member(value)
if current ~= conn then return 0 end
redis.call('HSET', roomKey(sid), uid, node .. '\n' .. conn .. '\n' .. joined)
tellRoom(sid, event('state', sid, uid, state))
return 1
)lua";

const std::string_view kRelay = R"lua(
local sid, to, message = ARGV[1], ARGV[2], ARGV[3]
local value = redis.call('HGET', roomKey(sid), to)
if not value then return 0 end
local node, conn = member(value)
redis.call('PUBLISH', channel(node), event('relay', sid, conn, message))
return 1
)lua";

const std::string_view kHeartbeat = R"lua(
local P = 'callsession:'
local known = redis.call('SADD', P .. 'nodes', ARGV[1]) == 0
redis.call('SET', P .. 'node:' .. ARGV[1] .. ':alive', '1', 'PX', ARGV[2])
if known then return 1 end
return 0
)lua";

const std::string_view kReap = R"lua(
local ended = 0
for _, node in ipairs(redis.call('SMEMBERS', P .. 'nodes')) do
  if node == ARGV[1] or redis.call('EXISTS', P .. 'node:' .. node .. ':alive') == 0 then
    local conns = redis.call('HGETALL', connsKey(node))
    for i = 1, #conns, 2 do
      local conn = conns[i]
      local sid, uid = string.match(conns[i + 1], '^([^\n]*)\n(.*)$')
      local value = redis.call('HGET', roomKey(sid), uid)
      if value then
        local owner, current = member(value)
        if current == conn then removeMember(sid, uid, owner, conn, 'vanished') end
      end
    end
    redis.call('DEL', connsKey(node), P .. 'node:' .. node .. ':alive')
    redis.call('SREM', P .. 'nodes', node)
    ended = ended + 1
  end
end
return ended
)lua";

}  // namespace callsession::server::redis_scripts
