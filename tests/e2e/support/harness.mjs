// Shared end-to-end harness: the real server on a free loopback port with its own database, and
// Debian's headless Chromium through playwright-core with fake camera and microphone.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const serverBinary = path.join(repoRoot, "build/native/src/server/callsession-server");
export const chromiumBinary = "/usr/lib/chromium/chromium";
export const TEST_AUTH_KEY = "e2e-auth-key";

export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Starts a helper process (a TURN server, a proxy) with everything it prints collected in `log`;
// `exited` resolves with its exit code.
export function spawnCollecting(binary, args) {
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  const log = [];
  child.stdout.on("data", (chunk) => log.push(chunk.toString()));
  child.stderr.on("data", (chunk) => log.push(chunk.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return { child, log, exited };
}

// Benchmarks and load measure speed, not policy: from one loopback address they log in, mint and
// join far past what the server allows one address by default.
export const NO_LIMITS = Object.freeze({
  CALLSESSION_MAX_CONNECTIONS_PER_ADDRESS: "0",
  CALLSESSION_LOGINS_PER_MINUTE: "0",
  CALLSESSION_TOKENS_PER_MINUTE: "0",
  CALLSESSION_JOINS_PER_MINUTE: "0",
});

// Starts the server and resolves once it printed its ready line. `env` adds to or overrides the
// defaults (a fixed auth key; pass CALLSESSION_AUTH_KEY: undefined for demo mode). `port` and
// `dbPath` given again restart a killed server as the same one.
export async function startServer({ env = {}, webRoot = "build/web", dbPath, port: fixedPort } = {}) {
  const port = fixedPort ?? (await freePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), "callsession-e2e-"));
  const database = dbPath ?? path.join(dataDir, "callsession.db");
  const childEnv = {
    ...process.env,
    PORT: String(port),
    CALLSESSION_DB: database,
    CALLSESSION_WEB_ROOT: path.resolve(repoRoot, webRoot),
    CALLSESSION_AUTH_KEY: TEST_AUTH_KEY,
    ...env,
  };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];

  const child = spawn(serverBinary, [], { cwd: repoRoot, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  const log = [];
  child.stderr.on("data", (chunk) => log.push(chunk.toString()));
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not become ready:\n${log.join("")}`)), 10_000);
    child.stdout.on("data", (chunk) => {
      out += chunk.toString();
      const match = out.match(/callsession ready: (http\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[1]).origin);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before ready:\n${log.join("")}`));
    });
  });

  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    url,
    port,
    dbPath: database,
    process: child,
    log,
    // Graceful stop; the data folder goes too unless the caller passed its own dbPath.
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      if (!dbPath) rmSync(dataDir, { recursive: true, force: true });
    },
    // Abrupt end, as a crash or kill -9 would be.
    async kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

// `args` add Chromium flags (host mapping, a certificate to trust).
export async function launchBrowser({ args = [] } = {}) {
  return chromium.launch({
    executablePath: chromiumBinary,
    headless: true,
    args: [
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      "--allow-loopback-in-peer-connection",
      "--autoplay-policy=no-user-gesture-required",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...args,
    ],
  });
}

// One participant = one browser context, as separate people would be. `prepare(context)` runs
// before the page opens (init scripts, bindings).
export async function openParticipant(browser, url, { permissions = ["camera", "microphone"], prepare } = {}) {
  const context = await browser.newContext({ permissions });
  await prepare?.(context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(url);
  return { context, page, errors };
}

// HTTP API helpers, for tests that set up meetings without a page.
export async function api(server, method, route, { body, authToken, headers = {} } = {}) {
  const response = await fetch(server.url + route, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(authToken ? { authorization: `Bearer ${authToken}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export async function loginAs(server, uid, name = uid) {
  const { status, body } = await api(server, "POST", "/api/users/login", {
    body: { uid, name },
    headers: { "x-auth-key": TEST_AUTH_KEY },
  });
  if (status !== 200) throw new Error(`login ${uid}: ${status} ${JSON.stringify(body)}`);
  return body;
}

export async function createMeeting(server, authToken, options = { strategy: "uuid" }) {
  const { status, body } = await api(server, "POST", "/api/meetings", { body: options, authToken });
  if (status !== 201 && status !== 200) throw new Error(`create meeting: ${status} ${JSON.stringify(body)}`);
  return body;
}

// A fresh meeting's sessionId, created at `server` by an organiser who then takes no part.
export async function newMeeting(server) {
  const { authToken } = await loginAs(server, "organiser");
  return (await createMeeting(server, authToken)).sessionId;
}

// `promise`'s result, or an error naming `what` once `timeoutMs` pass: for page calls (a join) that
// a broken server could leave pending for good, so that the test fails saying which step hung.
export async function within(what, promise, timeoutMs = 10_000) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result in ${timeoutMs} ms: ${what}`)), timeoutMs);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

// Polls until `probe` returns a truthy value, or throws after `timeoutMs` naming what it waited for.
export async function waitFor(what, probe, { timeoutMs = 10_000, intervalMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}
