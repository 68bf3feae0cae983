// A UDP relay standing between two browsers on loopback, so that a test can cut their media path
// the way a network change would — packets simply stop — while both peer connections stay open.
// Each real ICE candidate address gets a relay socket; a page hands its remote candidates through
// `map` (see iceRelayInit) and so never learns the other side's real address: every packet goes
// through here. A datagram reaching relay socket X from real address S leaves from S's own relay
// socket towards X's real address, so replies find their way back. `cut()` drops, from then on,
// every packet on every socket opened so far; candidates mapped afterwards (an ICE restart
// gathers new ones) get fresh sockets that work, unless the cut is `forGood`.
import dgram from "node:dgram";

export function startUdpRelay() {
  let open = new Map(); // "address port" of a real candidate → its relay socket, since the last cut
  const all = [];
  let blocked = false;
  const stats = { relayed: 0, dropped: 0 };

  async function socketFor(address, port) {
    const key = `${address} ${port}`;
    if (!open.has(key)) {
      const socket = dgram.createSocket("udp4");
      socket.cutOff = blocked;
      socket.on("message", async (message, from) => {
        const back = await socketFor(from.address, from.port);
        if (socket.cutOff || back.cutOff) return void stats.dropped++;
        stats.relayed++;
        back.send(message, port, address);
      });
      all.push(socket);
      open.set(key, new Promise((resolve) => socket.bind(0, "127.0.0.1", () => resolve(socket))));
    }
    return open.get(key);
  }

  return {
    stats,
    // The relay port standing for a real candidate address.
    async map(address, port) {
      return (await socketFor(address, port)).address().port;
    },
    cut({ forGood = false } = {}) {
      for (const socket of all) socket.cutOff = true;
      open = new Map();
      blocked = forGood;
    },
    close() {
      for (const socket of all) socket.close();
    },
  };
}

// An init script for a page whose peer connections must use the relay: remote UDP candidates are
// rewritten to their relay port (through the page binding `relayPort`), others are dropped (a TCP
// candidate would bypass the relay; the relay speaks IPv4 only), and candidates inside a remote
// description are removed (the SDK trickles every one of them anyway). It also counts restartIce()
// calls and relayed candidates and records each connection's states, for the test to read.
export function iceRelayInit() {
  window.iceLog = { restarts: 0, candidates: 0, filtered: [], gathered: [], states: [], signaling: [] };
  const proto = RTCPeerConnection.prototype;
  const addIceCandidate = proto.addIceCandidate;
  proto.addIceCandidate = async function (init) {
    if (!init?.candidate) return addIceCandidate.call(this, init);
    const parts = init.candidate.split(" ");
    if (parts[2].toLowerCase() !== "udp" || !/^\d+\.\d+\.\d+\.\d+$/.test(parts[4])) {
      window.iceLog.filtered.push(`${parts[2]} ${parts[4]}`);
      return undefined;
    }
    parts[5] = String(await window.relayPort(parts[4], Number(parts[5])));
    parts[4] = "127.0.0.1";
    window.iceLog.candidates++;
    return addIceCandidate.call(this, { ...init, candidate: parts.join(" ") });
  };
  const setRemoteDescription = proto.setRemoteDescription;
  proto.setRemoteDescription = function (description) {
    const sdp = description?.sdp?.replace(/^a=candidate:.*\r\n/gm, "");
    return setRemoteDescription.call(this, description && { type: description.type, sdp });
  };
  const restartIce = proto.restartIce;
  proto.restartIce = function () {
    window.iceLog.restarts++;
    return restartIce.call(this);
  };
  window.RTCPeerConnection = class extends window.RTCPeerConnection {
    constructor(config) {
      super(config);
      this.addEventListener("connectionstatechange", () => window.iceLog.states.push(this.connectionState));
      this.addEventListener("signalingstatechange", () => window.iceLog.signaling.push(this.signalingState));
      this.addEventListener("icecandidate", ({ candidate }) =>
        window.iceLog.gathered.push(candidate ? candidate.candidate.split(" ").slice(2, 5).join(" ") : "end"),
      );
    }
  };
}
