// The reference relay for the server benchmark: the signaling of docs/signaling.md done the usual
// Node way, with the `ws` package. It does the least a relay must: it reads sub and sid from the
// join token without verifying it, keeps rooms in memory, and relays. No storage, no pings.
// Usage: node tests/bench/reference-relay.mjs <port>   (prints "reference ready" when listening)
import { createServer } from "node:http";
import { WebSocketServer } from "ws";

const rooms = new Map(); // sessionId → Map(uid → socket)

function claimsOf(token) {
  const payload = String(token).split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString());
}

function broadcast(room, exceptUid, message) {
  const text = JSON.stringify(message);
  for (const [uid, socket] of room) if (uid !== exceptUid) socket.send(text);
}

function leave(socket) {
  const room = rooms.get(socket.sessionId);
  if (!room || room.get(socket.uid) !== socket) return;
  room.delete(socket.uid);
  if (room.size === 0) rooms.delete(socket.sessionId);
  else broadcast(room, socket.uid, { type: "participant-left", uid: socket.uid, reason: "left" });
}

function onMessage(socket, text) {
  const message = JSON.parse(text);
  if (message.type === "join") {
    const { sub: uid, sid: sessionId } = claimsOf(message.token);
    Object.assign(socket, { uid, sessionId });
    const room = rooms.get(sessionId) ?? new Map();
    rooms.set(sessionId, room);
    const participant = (id) => ({ uid: id, name: id, joinedAt: 0, audioMuted: false, videoPaused: false });
    socket.send(JSON.stringify({
      type: "joined", sessionId, uid, participants: [...room.keys()].map(participant),
      iceServers: [], serverTime: Date.now(), expiresAt: 0,
    }));
    broadcast(room, uid, { type: "participant-joined", participant: participant(uid) });
    room.set(uid, socket);
  } else if (message.type === "signal") {
    rooms.get(socket.sessionId)?.get(message.to)?.send(
      JSON.stringify({ type: "signal", from: socket.uid, data: message.data }));
  } else if (message.type === "leave") {
    leave(socket);
    socket.close();
  }
}

const server = createServer();
new WebSocketServer({ server, path: "/ws" }).on("connection", (socket) => {
  socket.on("message", (data) => onMessage(socket, data.toString()));
  socket.on("close", () => leave(socket));
});
server.listen(Number(process.argv[2] ?? 18490), "127.0.0.1", () => console.log("reference ready"));
