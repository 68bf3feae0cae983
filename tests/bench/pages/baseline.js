// The plain-JS mesh baseline: what a developer would write by hand with RTCPeerConnection and a
// WebSocket, no library, speaking the same signaling protocol to the same server
// (docs/signaling.md). The newcomer offers to everyone already in the room, so there is no glare
// to resolve; it is the shortest correct path, which is what makes it a fair baseline.
import { attachRemoteVideo, firstDecodedFrame } from "./first-frame.js";

const peers = new Map();
let socket;
let localStream;

function peerFor(uid, onFrame) {
  if (peers.has(uid)) return peers.get(uid);
  const pc = new RTCPeerConnection();
  for (const track of localStream.getTracks()) pc.addTrack(track, localStream);
  pc.onicecandidate = ({ candidate }) => {
    if (candidate) socket.send(JSON.stringify({ type: "signal", to: uid, data: { candidate } }));
  };
  pc.ontrack = ({ streams: [stream] }) => {
    if (!document.querySelector(`video[data-uid="${uid}"]`)) onFrame(attachRemoteVideo(stream, uid));
  };
  peers.set(uid, pc);
  return pc;
}

async function offerTo(uid, onFrame) {
  const pc = peerFor(uid, onFrame);
  await pc.setLocalDescription(await pc.createOffer());
  socket.send(JSON.stringify({ type: "signal", to: uid, data: { description: pc.localDescription } }));
}

async function onSignal(from, data, onFrame) {
  const pc = peerFor(from, onFrame);
  if (data.description) {
    await pc.setRemoteDescription(data.description);
    if (data.description.type === "offer") {
      await pc.setLocalDescription(await pc.createAnswer());
      socket.send(JSON.stringify({ type: "signal", to: from, data: { description: pc.localDescription } }));
    }
  } else if (data.candidate) {
    await pc.addIceCandidate(data.candidate);
  }
}

// Joins and resolves with the ms from the call to the first decoded remote frame.
window.baselineJoin = (token) => {
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const onFrame = (video) => firstDecodedFrame(video, startedAt).then(resolve);
    const media = navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    socket = new WebSocket(`${location.origin.replace(/^http/, "ws")}/ws`);
    socket.onopen = () => socket.send(JSON.stringify({ type: "join", token }));
    socket.onerror = () => reject(new Error("socket error"));
    socket.onmessage = async ({ data }) => {
      const message = JSON.parse(data);
      localStream ??= await media;
      if (message.type === "joined") {
        for (const { uid } of message.participants) await offerTo(uid, onFrame);
      } else if (message.type === "signal") {
        await onSignal(message.from, message.data, onFrame);
      } else if (message.type === "error") {
        reject(new Error(message.code));
      }
    };
  });
};

window.baselineLeave = () => {
  socket?.send(JSON.stringify({ type: "leave" }));
  socket?.close();
  for (const pc of peers.values()) pc.close();
  peers.clear();
  for (const track of localStream?.getTracks() ?? []) track.stop();
  localStream = undefined;
  document.querySelectorAll("video").forEach((video) => video.remove());
};
