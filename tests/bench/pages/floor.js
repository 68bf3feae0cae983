// The floor: two RTCPeerConnections in one page, descriptions and candidates handed across
// directly, no signaling server at all. Nothing built on WebRTC can connect faster.
import { attachRemoteVideo, firstDecodedFrame } from "./first-frame.js";

window.floorConnect = async () => {
  const startedAt = performance.now();
  const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  const sender = new RTCPeerConnection();
  const receiver = new RTCPeerConnection();
  sender.onicecandidate = ({ candidate }) => candidate && receiver.addIceCandidate(candidate);
  receiver.onicecandidate = ({ candidate }) => candidate && sender.addIceCandidate(candidate);
  const frame = new Promise((resolve) => {
    receiver.ontrack = ({ streams: [remote] }) => {
      if (!document.querySelector("video")) resolve(firstDecodedFrame(attachRemoteVideo(remote, "floor"), startedAt));
    };
  });
  for (const track of stream.getTracks()) sender.addTrack(track, stream);
  await sender.setLocalDescription(await sender.createOffer());
  await receiver.setRemoteDescription(sender.localDescription);
  await receiver.setLocalDescription(await receiver.createAnswer());
  await sender.setRemoteDescription(receiver.localDescription);
  const elapsed = await frame;
  sender.close();
  receiver.close();
  for (const track of stream.getTracks()) track.stop();
  return elapsed;
};
