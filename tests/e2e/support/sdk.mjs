// SDK end-to-end helpers (tests/e2e/sdk-*.test.mjs): the real server serving the built SDK and a
// bare test page (tests/e2e/pages/sdk.html), and page-side steps of the join flow.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { launchBrowser, openParticipant, repoRoot, startServer, TEST_AUTH_KEY, waitFor } from "./harness.mjs";

// The server's web root: the SDK as built (build/web/sdk, or CALLSESSION_SDK_OUT as
// web/sdk/build.mjs reads it) plus the test page, copied (the server refuses symlinks that lead
// out of its root).
export async function startSdkServer(options = {}) {
  const webRoot = mkdtempSync(path.join(tmpdir(), "callsession-sdk-web-"));
  const sdk = path.resolve(repoRoot, process.env.CALLSESSION_SDK_OUT ?? "build/web/sdk");
  cpSync(sdk, path.join(webRoot, "sdk"), { recursive: true });
  cpSync(path.join(repoRoot, "tests/e2e/pages"), path.join(webRoot, "test"), { recursive: true });
  const server = await startServer({ ...options, webRoot });
  const stop = server.stop;
  server.stop = async () => {
    await stop();
    rmSync(webRoot, { recursive: true, force: true });
  };
  return server;
}

// The server and browser a test file shares: started before its tests, stopped after them;
// `use(server, browser)` hands them to the file once both are up.
export function withSdkServerAndBrowser(use) {
  let server;
  let browser;
  before(async () => {
    server = await startSdkServer();
    browser = await launchBrowser();
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}

// One participant's tab on the test page, with the SDK loaded from `bundle` ("module" or "script").
export async function openSdkPage(browser, server, { bundle = "module", ...options } = {}) {
  const participant = await openParticipant(browser, `${server.url}/test/sdk.html?bundle=${bundle}`, options);
  await participant.page.waitForFunction(() => window.sdkReady === true);
  return participant;
}

// init + login in the page; returns the login result.
export async function logIn(page, uid, { authKey = TEST_AUTH_KEY } = {}) {
  return page.evaluate(
    async ({ uid, authKey }) => {
      const init = await window.sdk.init({ appId: "e2e", authKey });
      if (init.error) return init;
      return window.sdk.login(uid, { name: `${uid} (e2e)` });
    },
    { uid, authKey },
  );
}

export async function generateToken(page, sessionId) {
  return page.evaluate((sessionId) => window.sdk.generateToken(sessionId), sessionId);
}

// A meeting created through the page's own origin, as "organiser": for servers behind a
// certificate only the browser trusts.
export const createMeetingInPage = (page) =>
  page.evaluate(async (authKey) => {
    const post = async (route, body, headers) => {
      const response = await fetch(route, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
      return response.json();
    };
    const { authToken } = await post("/api/users/login", { uid: "organiser" }, { "x-auth-key": authKey });
    const { sessionId } = await post("/api/meetings", { strategy: "uuid" }, { authorization: `Bearer ${authToken}` });
    return sessionId;
  }, TEST_AUTH_KEY);

// generateToken then joinSession into #room (or `container`, an element id); returns the join result.
export async function join(page, sessionId, { settings = {}, container = "room" } = {}) {
  return page.evaluate(
    async ({ sessionId, settings, container }) => {
      const { token, error } = await window.sdk.generateToken(sessionId);
      if (error) return { data: null, error };
      return window.sdk.joinSession(token, settings, document.getElementById(container));
    },
    { sessionId, settings, container },
  );
}

// joinSession with a token minted earlier (one replayed, say) into #room; returns the join result.
export const joinWithToken = (page, token, { settings = {}, container = "room" } = {}) =>
  page.evaluate(
    ({ token, settings, container }) => window.sdk.joinSession(token, settings, document.getElementById(container)),
    { token, settings, container },
  );

// logIn + join, failing the test on any error.
export async function logInAndJoin(page, uid, sessionId, options) {
  const login = await logIn(page, uid);
  if (login.error) throw new Error(`login ${uid}: ${JSON.stringify(login.error)}`);
  const joined = await join(page, sessionId, options);
  if (joined.error) throw new Error(`join ${uid}: ${JSON.stringify(joined.error)}`);
  return joined;
}

export const stateOf = (page, id = "room") =>
  page.evaluate((id) => document.getElementById(id).getAttribute("data-callsession-state"), id);

export const remoteUids = (page) =>
  page.evaluate(() => [...document.querySelectorAll("#room video[data-uid]")].map((v) => v.dataset.uid).sort());

// Waits until the page has decoded video from `uid`: the element has a frame size and the
// browser reports a rendered frame (requestVideoFrameCallback) — pixels, not just a connection.
export async function waitForVideoFrom(page, uid, { timeoutMs } = {}) {
  const decoded = () =>
    page.evaluate(
      (uid) =>
        new Promise((resolve) => {
          const video = document.querySelector(`video[data-uid="${CSS.escape(uid)}"]`);
          if (!video || video.videoWidth === 0) return resolve(false);
          video.requestVideoFrameCallback((now, metadata) => resolve(metadata.presentedFrames > 0));
          setTimeout(() => resolve(false), 1000);
        }),
      uid,
    );
  await waitFor(`decoded video from ${uid}`, decoded, { timeoutMs });
}

// Counts the frames the remote video from `uid` presents (read with framesOf), tagging its element
// so that a replaced one would show (watchedVideo answers null then).
export async function watchVideoFrom(page, uid) {
  await page.evaluate((uid) => {
    const video = document.querySelector(`video[data-uid="${CSS.escape(uid)}"]`);
    video.dataset.watched = "yes";
    window.framesFrom = 0;
    const count = (now, metadata) => {
      window.framesFrom = metadata.presentedFrames;
      video.requestVideoFrameCallback(count);
    };
    video.requestVideoFrameCallback(count);
  }, uid);
}
export const framesOf = (page) => page.evaluate(() => window.framesFrom);
export const watchedVideo = (page, uid) =>
  page.evaluate((uid) => document.querySelector(`video[data-uid="${CSS.escape(uid)}"]`)?.dataset.watched ?? null, uid);

// The page's events of one name, in order.
export const eventsOf = (page, name) =>
  page.evaluate((name) => window.events.filter((event) => event.name === name).map((event) => event.payload), name);

// Everything the page's SDK opened (camera and microphone tracks, peer connections, sockets) is
// closed, as tests/e2e/pages/sdk.html records it.
export async function waitForAllClosed(page) {
  await waitFor("every track, peer connection and socket closed", () => page.evaluate(() => window.allClosed()));
}

export const leave = (page) => page.evaluate(() => window.sdk.leaveSession());
