// `npm start` as a new user meets it (CONTRACT.md §1): on a machine where everything is installed
// and built it comes up quickly, prints one ready line with the demo meeting's URL, serves it, and
// Ctrl-C (SIGINT to the terminal's whole process group) stops it cleanly, freeing the port.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { freePort, repoRoot, waitFor } from "./support/harness.mjs";

const dataDir = mkdtempSync(path.join(tmpdir(), "callsession-npm-start-"));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const portIsOpen = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });

test("npm start prints the demo meeting's URL, serves it, and stops cleanly on Ctrl-C", async () => {
  const port = await freePort();
  // detached: its own process group, as a shell gives a foreground job; Ctrl-C signals the group.
  const child = spawn("npm", ["start"], {
    cwd: repoRoot,
    detached: true,
    env: { ...process.env, PORT: String(port), CALLSESSION_DB: path.join(dataDir, "callsession.db") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let log = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  try {
    await waitFor("the ready line", () => /callsession ready: (\S+)/.test(out), { timeoutMs: 120_000 });
    const [, url] = out.match(/callsession ready: (\S+)/);
    assert.equal(url, `http://127.0.0.1:${port}/meet/demo`);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-type"), /^text\/html/);
    const meeting = await fetch(`http://127.0.0.1:${port}/api/meetings/demo`);
    assert.equal(meeting.status, 200);
  } finally {
    process.kill(-child.pid, "SIGINT");
  }
  // npm itself ends as a shell job does on Ctrl-C, by the signal; the server under it must have
  // shut down in order rather than been cut off.
  const { code, signal } = await exited;
  assert.ok(signal === "SIGINT" || code === 0 || code === 130, `npm ended with ${code ?? signal}`);
  assert.match(log, /signal 2: shutting down/, `server log:\n${log}`);
  assert.match(log, /\bstopped\b/, `server log:\n${log}`);
  assert.equal(await portIsOpen(port), false, "the port is still served after Ctrl-C");
});
