// Debian's coturn on loopback, set up as a deployment would set it up for callsession: the
// shared-secret scheme (use-auth-secret), so that only credentials the callsession server minted
// under the same secret get a relay.
import { randomBytes } from "node:crypto";
import { createSocket } from "node:dgram";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, spawnCollecting } from "./harness.mjs";

export const turnserverBinary = "/usr/bin/turnserver";

// A STUN Binding request (RFC 5389 §6): type 0x0001, no attributes, the magic cookie, a random
// transaction id. Any answer means the server is listening.
function bindingRequest() {
  const header = Buffer.alloc(20);
  header.writeUInt16BE(0x0001, 0);
  header.writeUInt32BE(0x2112a442, 4);
  randomBytes(12).copy(header, 8);
  return header;
}

function stunAnswers(port) {
  return new Promise((resolve) => {
    const socket = createSocket("udp4");
    const done = (answered) => {
      clearTimeout(timer);
      socket.close();
      resolve(answered);
    };
    const timer = setTimeout(() => done(false), 200);
    socket.once("message", () => done(true));
    socket.once("error", () => done(false));
    socket.send(bindingRequest(), port, "127.0.0.1");
  });
}

// Starts turnserver with `secret` on a free loopback port and resolves once it answers STUN.
// `url` is what CALLSESSION_TURN_URLS takes; `log` collects what it printed.
export async function startTurnServer({ secret }) {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "callsession-turn-"));
  const args = [
    "--listening-ip=127.0.0.1",
    `--listening-port=${port}`,
    "--relay-ip=127.0.0.1",
    // Both browsers are on this machine: their relayed addresses are loopback ones.
    "--allow-loopback-peers",
    "--use-auth-secret",
    `--static-auth-secret=${secret}`,
    "--realm=callsession.test",
    "--no-tls",
    "--no-dtls",
    "--no-cli",
    "--no-tcp-relay",
    `--db=${path.join(dir, "turndb")}`,
    `--pidfile=${path.join(dir, "turnserver.pid")}`,
    "--log-file=stdout",
    "--simple-log",
    "--verbose",
  ];
  const { child, log, exited } = spawnCollecting(turnserverBinary, args);

  const deadline = Date.now() + 10_000;
  while (!(await stunAnswers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`turnserver did not start:\n${log.join("")}`);
    }
  }
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    log,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
