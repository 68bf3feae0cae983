// Every error code a page can trigger, each resolved as {error: {code, message}} (never a throw or
// a rejection), and nothing left half-joined after one.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { createMeeting, loginAs, waitFor } from "./support/harness.mjs";
import { generateToken, leave, logIn, logInAndJoin, openSdkPage, stateOf, waitForAllClosed, withSdkServerAndBrowser } from "./support/sdk.mjs";

let server;
let browser;
let tab;
let sessionId;
withSdkServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});
beforeEach(async (t) => {
  const { authToken } = await loginAs(server, "organiser");
  sessionId = (await createMeeting(server, authToken)).sessionId;
  tab = await openSdkPage(browser, server);
  t.after(async () => {
    assert.deepEqual(tab.errors, [], "no uncaught page errors");
    await tab.context.close();
  });
});

const codeOf = (result) => result.error?.code;

// joinSession(token, settings, #container) in the page; container null passes null.
function joinWith(token, { settings = {}, container = "room", page = tab.page } = {}) {
  return page.evaluate(
    ({ token, settings, container }) => window.sdk.joinSession(token, settings, container && document.getElementById(container)),
    { token, settings, container },
  );
}

async function tokenFor(page = tab.page) {
  const { token, error } = await generateToken(page, sessionId);
  assert.equal(error, null);
  return token;
}

// A real token with one of its three parts replaced.
function withPart(token, index, part) {
  const parts = token.split(".");
  parts[index] = part;
  return parts.join(".");
}

// After a refused join nothing was opened: no camera, no socket.
async function assertNothingOpened() {
  assert.deepEqual(
    await tab.page.evaluate(() => [window.opened.streams.length, window.opened.sockets.length]),
    [0, 0],
  );
}

test("login before init is ERROR_NOT_INITIALIZED", async () => {
  assert.equal(codeOf(await tab.page.evaluate(() => window.sdk.login("ada"))), "ERROR_NOT_INITIALIZED");
});

test("a wrong auth key is ERROR_AUTH_FAILED", async () => {
  assert.equal(codeOf(await logIn(tab.page, "ada", { authKey: "wrong" })), "ERROR_AUTH_FAILED");
  assert.equal(await tab.page.evaluate(() => window.sdk.getLoggedInUser()), null);
});

test("a token before login is ERROR_AUTH_TOKEN_MISSING", async () => {
  await tab.page.evaluate(() => window.sdk.init({ appId: "e2e" }));
  const result = await generateToken(tab.page, sessionId);
  assert.equal(result.token, undefined);
  assert.equal(codeOf(result), "ERROR_AUTH_TOKEN_MISSING");
});

test("a token for a meeting that does not exist is ERROR_SESSION_NOT_FOUND", async () => {
  await logIn(tab.page, "ada");
  assert.equal(codeOf(await generateToken(tab.page, "no-such-meeting")), "ERROR_SESSION_NOT_FOUND");
});

test("getLoggedInUser is a plain object after login and null after logout", async () => {
  await logIn(tab.page, "ada");
  assert.deepEqual(await tab.page.evaluate(() => window.sdk.getLoggedInUser()), { uid: "ada", name: "ada (e2e)", avatar: "" });
  await tab.page.evaluate(() => window.sdk.logout());
  assert.equal(await tab.page.evaluate(() => window.sdk.getLoggedInUser()), null);
});

test("a missing or detached container is ERROR_CONTAINER_MISSING", async () => {
  await logIn(tab.page, "ada");
  assert.equal(codeOf(await joinWith(await tokenFor(), { container: null })), "ERROR_CONTAINER_MISSING");
  const detached = await tab.page.evaluate(
    (token) => window.sdk.joinSession(token, {}, document.createElement("div")),
    await tokenFor(),
  );
  assert.equal(codeOf(detached), "ERROR_CONTAINER_MISSING");
  await assertNothingOpened();
});

test("a container that measures 0x0 is ERROR_CONTAINER_ZERO_SIZE and keeps its own style", async () => {
  await logIn(tab.page, "ada");
  const result = await joinWith(await tokenFor(), { container: "inside-hidden" });
  assert.equal(codeOf(result), "ERROR_CONTAINER_ZERO_SIZE");
  assert.equal(await stateOf(tab.page, "inside-hidden"), "error");
  assert.equal(await tab.page.getAttribute("#inside-hidden", "style"), null);
  await assertNothingOpened();
});

test("bad settings are ERROR_SETTINGS_INVALID", async () => {
  await logIn(tab.page, "ada");
  const token = await tokenFor();
  for (const settings of [{ sessionTyp: "VIDEO" }, { startAudioMuted: "yes" }, { layout: "GRID" }, 42]) {
    const result = await joinWith(token, { settings });
    assert.equal(codeOf(result), "ERROR_SETTINGS_INVALID", JSON.stringify(settings));
  }
  await assertNothingOpened();
  assert.equal((await joinWith(token)).error, null, "the token was not spent by refused joins");
});

test("a malformed token is ERROR_TOKEN_INVALID", async () => {
  await logIn(tab.page, "ada");
  for (const token of ["", "abc", "a.b.c", 42]) assert.equal(codeOf(await joinWith(token)), "ERROR_TOKEN_INVALID");
  await assertNothingOpened();
});

test("a forged token is refused by the server with ERROR_TOKEN_INVALID", async () => {
  await logIn(tab.page, "ada");
  const forged = withPart(await tokenFor(), 2, "A".repeat(43)); // 32 zero bytes: the wrong HMAC
  assert.equal(codeOf(await joinWith(forged)), "ERROR_TOKEN_INVALID");
  assert.equal(await stateOf(tab.page), "error");
  await waitForAllClosed(tab.page);
});

test("an expired token is ERROR_TOKEN_EXPIRED", async () => {
  await logIn(tab.page, "ada");
  const token = await tokenFor();
  // The laptop's clock jumps ten minutes past the token's lifetime (300 s by default).
  await tab.page.evaluate(() => {
    const now = Date.now.bind(Date);
    Date.now = () => now() + 600_000;
  });
  assert.equal(codeOf(await joinWith(token)), "ERROR_TOKEN_EXPIRED");
  await assertNothingOpened();
});

test("another user's token is ERROR_TOKEN_USER_MISMATCH", async () => {
  const other = await openSdkPage(browser, server);
  try {
    await logIn(other.page, "bob");
    const bobsToken = await tokenFor(other.page);
    await logIn(tab.page, "ada");
    assert.equal(codeOf(await joinWith(bobsToken)), "ERROR_TOKEN_USER_MISMATCH");
  } finally {
    await other.context.close();
  }
});

test("a token used for a join is ERROR_TOKEN_ALREADY_USED when replayed in the same tab", async () => {
  await logIn(tab.page, "ada");
  const token = await tokenFor();
  assert.equal((await joinWith(token)).error, null);
  await leave(tab.page);
  assert.equal(codeOf(await joinWith(token)), "ERROR_TOKEN_ALREADY_USED");
});

test("a token replayed from another tab is refused by the server with ERROR_TOKEN_ALREADY_USED", async () => {
  const other = await openSdkPage(browser, server);
  try {
    await logIn(other.page, "ada");
    const token = await tokenFor(other.page);
    assert.equal((await joinWith(token, { page: other.page })).error, null);
    await leave(other.page);
    await logIn(tab.page, "ada");
    assert.equal(codeOf(await joinWith(token)), "ERROR_TOKEN_ALREADY_USED");
  } finally {
    await other.context.close();
  }
});

test("a second join while one is in flight is ERROR_JOIN_IN_PROGRESS; the first completes", async () => {
  await logIn(tab.page, "ada");
  const [first, second] = await tab.page.evaluate(async (tokens) => {
    const room = document.getElementById("room");
    return Promise.all(tokens.map((token) => window.sdk.joinSession(token, {}, room)));
  }, [await tokenFor(), await tokenFor()]);
  assert.equal(first.error, null);
  assert.equal(codeOf(second), "ERROR_JOIN_IN_PROGRESS");
  assert.equal(await stateOf(tab.page), "joined");
});

test("a join while joined is ERROR_ALREADY_JOINED", async () => {
  await logInAndJoin(tab.page, "ada", sessionId);
  assert.equal(codeOf(await joinWith(await tokenFor())), "ERROR_ALREADY_JOINED");
});

test("a leave during a join cancels it with ERROR_JOIN_CANCELLED and closes what it opened", async () => {
  await logIn(tab.page, "ada");
  const [joined, left] = await tab.page.evaluate(async (token) => {
    const joining = window.sdk.joinSession(token, {}, document.getElementById("room"));
    const leaving = window.sdk.leaveSession();
    return Promise.all([joining, leaving]);
  }, await tokenFor());
  assert.equal(codeOf(joined), "ERROR_JOIN_CANCELLED");
  assert.deepEqual(left, { data: null, error: null });
  assert.equal(await stateOf(tab.page), "left");
  // The camera that was being opened is stopped when it arrives, after the leave.
  await waitFor("the late camera to be opened", () => tab.page.evaluate(() => window.opened.streams.length === 1));
  await waitForAllClosed(tab.page);
  assert.deepEqual(await tab.page.evaluate(() => window.events.map((event) => event.name)), []);
});

test("denied camera permission is ERROR_MEDIA_PERMISSION_DENIED and the socket is closed", async () => {
  await logIn(tab.page, "ada");
  await tab.page.evaluate(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
  });
  assert.equal(codeOf(await joinWith(await tokenFor())), "ERROR_MEDIA_PERMISSION_DENIED");
  assert.equal(await stateOf(tab.page), "error");
  await waitForAllClosed(tab.page);
});

test("leaveSession is safe before any join and twice after one", async () => {
  assert.deepEqual(await leave(tab.page), { data: null, error: null });
  await logInAndJoin(tab.page, "ada", sessionId);
  assert.deepEqual(await leave(tab.page), { data: null, error: null });
  assert.deepEqual(await leave(tab.page), { data: null, error: null });
  assert.equal(await stateOf(tab.page), "left");
});
