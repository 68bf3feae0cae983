// Helpers for the web layer's end-to-end tests (tests/e2e/web-*.test.mjs), on top of the shared
// harness: a server in demo mode (the pages log in with the auth key it writes into them), meetings
// made through its API, and what a page or the server says about a room.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { api, repoRoot, startServer, waitFor } from "../e2e/support/harness.mjs";
import { bundleHookApp } from "./fixture-bundle.mjs";

// Demo mode: no CALLSESSION_AUTH_KEY, so the server makes one and writes it into every page.
// Tests serve the development build unless told otherwise: StrictMode double-runs effects there.
export async function startDemoServer({ webRoot = "build/web-dev", env = {} } = {}) {
  const server = await startServer({ webRoot, env: { CALLSESSION_AUTH_KEY: undefined, ...env } });
  const page = await (await fetch(`${server.url}/`)).text();
  const config = page.match(/__CALLSESSION_CONFIG__\s*=\s*(\{.*?\})\s*;?\s*<\/script>/);
  if (!config) throw new Error(`no demo config in the served page:\n${page}`);
  server.authKey = JSON.parse(config[1]).authKey;
  return server;
}

// A meeting minted by the server, as an app's backend would ask for it.
export async function createDemoMeeting(server, options = { strategy: "uuid" }) {
  const login = await api(server, "POST", "/api/users/login", {
    body: { uid: "host", name: "Host" },
    headers: { "x-auth-key": server.authKey },
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  const meeting = await api(server, "POST", "/api/meetings", { body: options, authToken: login.body.authToken });
  if (meeting.status !== 201) throw new Error(`create meeting: ${meeting.status} ${JSON.stringify(meeting.body)}`);
  return meeting.body.sessionId;
}

// The uids the server counts as connected to a meeting, sorted, duplicates kept.
export async function connectedUids(server, sessionId) {
  const { status, body } = await api(server, "GET", `/api/meetings/${encodeURIComponent(sessionId)}/participants`);
  if (status !== 200) throw new Error(`participants of ${sessionId}: ${status} ${JSON.stringify(body)}`);
  return body.map((participant) => participant.uid).sort();
}

// Waits until the server lists exactly `uids` (each once) in the meeting.
export async function expectConnected(server, sessionId, uids) {
  const want = JSON.stringify([...uids].sort());
  await waitFor(`${sessionId} to list ${want}`, async () => JSON.stringify(await connectedUids(server, sessionId)) === want);
}

export const roomState = (page) => page.getAttribute("[data-callsession-state]", "data-callsession-state");

export async function waitJoined(page) {
  await page.waitForSelector('[data-callsession-state="joined"]', { timeout: 15_000 });
}

// Records every screen id (data-callsession-screen) the page ever shows, from its first script on.
export async function recordScreens(context) {
  await context.addInitScript(() => {
    window.__screensSeen = [];
    new MutationObserver(() => {
      for (const element of document.querySelectorAll("[data-callsession-screen]")) {
        const id = element.dataset.callsessionScreen;
        if (window.__screensSeen.at(-1) !== id) window.__screensSeen.push(id);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
}
export const screensSeen = (page) => page.evaluate(() => window.__screensSeen);

// A demo server whose web root is the development build plus the hook-app fixture over the real SDK
// (/hook-app.html), so that the fixture talks to the server as the real pages do: same origin, and
// a loopback page, which Chromium lets open a loopback WebSocket. window.show(props) drives it.
export async function startHookAppServer() {
  const webRoot = mkdtempSync(path.join(tmpdir(), "callsession-web-"));
  cpSync(path.join(repoRoot, "build/web-dev"), webRoot, { recursive: true });
  writeFileSync(path.join(webRoot, "hook-app.js"), await bundleHookApp({ sdk: "real" }));
  writeFileSync(
    path.join(webRoot, "hook-app.html"),
    `<!doctype html><script type="importmap">{"imports":{"callsession":"/sdk/callsession.mjs"}}</script>
     <div id="root"></div><script type="module" src="/hook-app.js"></script>`,
  );
  const server = await startDemoServer({ webRoot });
  const stop = server.stop;
  server.stop = async () => {
    await stop();
    rmSync(webRoot, { recursive: true, force: true });
  };
  return server;
}

export async function openHookApp(browser, server) {
  const context = await browser.newContext({ permissions: ["camera", "microphone"] });
  const page = await context.newPage();
  await page.goto(`${server.url}/hook-app.html`);
  await page.waitForFunction(() => typeof window.show === "function");
  return { context, page };
}

// Moves a meeting's end, as only time would otherwise: `when` is SQL, e.g. "unixepoch() - 1".
// Through the sqlite3 shell, since the API keeps meetings open for at least a minute.
export function setMeetingEnd(server, sessionId, when) {
  execFileSync("sqlite3", [
    "-cmd",
    ".timeout 5000",
    server.dbPath,
    `UPDATE meetings SET expires_at = ${when} WHERE session_id = '${sessionId.replace(/'/g, "''")}'`,
  ]);
}
