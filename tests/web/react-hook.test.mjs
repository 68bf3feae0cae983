// callsession/react in headless Chromium with development React (StrictMode double-runs effects
// there) over a fake SDK: the StrictMode gating, room switches, unmount, pagehide and the screens.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser } from "../e2e/support/harness.mjs";
import { bundleHookApp } from "./fixture-bundle.mjs";

const config = { appId: "demo", authKey: "key" };
const user = { uid: "ada", name: "Ada" };
let browser;
let bundle;

before(async () => {
  bundle = await bundleHookApp({ sdk: "fake" });
  browser = await launchBrowser();
});
after(() => browser?.close());

async function openApp() {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.setContent('<!doctype html><div id="root"></div>');
  await page.addScriptTag({ content: bundle });
  const calls = () => page.evaluate(() => window.sdk.calls);
  const screen = () => page.evaluate(() => document.querySelector("[data-callsession-screen]")?.dataset.callsessionScreen ?? null);
  const live = () => page.evaluate(() => window.sdk.live);
  const until = (what, predicate) => page.waitForFunction(predicate, undefined, { timeout: 5000 }).catch(() => {
    throw new Error(`timed out waiting for ${what}`);
  });
  return { page, errors, calls, screen, live, until };
}

test("StrictMode's mount → unmount → mount joins once and never leaves", async () => {
  const { page, errors, calls, screen, until } = await openApp();
  await page.evaluate((props) => window.show(props), { sessionId: "a", config, user });
  await until("joined", () => window.sdk.live === "a" && !document.querySelector("[data-callsession-screen]"));
  assert.equal(await page.evaluate(() => window.effectRuns), 2, "development React double-ran the mount effect");
  assert.deepEqual(await calls(), ["init", "login ada", "token a", "join a"]);
  assert.equal(await screen(), null);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a room on its way shows Connecting…", async () => {
  const { page, screen, until } = await openApp();
  await page.evaluate((props) => {
    window.sdk.hold = new Promise((resolve) => (window.answer = resolve));
    window.show(props);
  }, { sessionId: "a", config, user });
  await until("the SDK called", () => window.sdk.calls.includes("init"));
  assert.equal(await screen(), "connecting");
  assert.match(await page.textContent("[data-callsession-screen]"), /Connecting…/);
  await page.evaluate(() => window.answer());
  await until("joined", () => !document.querySelector("[data-callsession-screen]"));
  await page.close();
});

test("a new sessionId leaves the old room and joins the new one with a fresh token", async () => {
  const { page, calls, until } = await openApp();
  await page.evaluate((props) => window.show(props), { sessionId: "a", config, user });
  await until("joined a", () => window.sdk.live === "a");
  await page.evaluate((props) => window.show(props), { sessionId: "b", config, user });
  await until("joined b", () => window.sdk.live === "b" && !document.querySelector("[data-callsession-screen]"));
  assert.deepEqual((await calls()).slice(4), ["leave", "token b", "join b"]);
  await page.close();
});

test("unmount leaves", async () => {
  const { page, calls, until } = await openApp();
  await page.evaluate((props) => window.show(props), { sessionId: "a", config, user });
  await until("joined", () => window.sdk.live === "a");
  await page.evaluate(() => window.show(null));
  await until("left", () => window.sdk.live === null);
  assert.equal((await calls()).at(-1), "leave");
  await page.close();
});

test("twenty rapid mounts, unmounts and switches settle in one connection, in the last room, with no error shown", async () => {
  const { page, live, until } = await openApp();
  await page.evaluate(async (props) => {
    const seen = new Set();
    new MutationObserver(() => {
      for (const element of document.querySelectorAll("[data-callsession-screen]")) seen.add(element.dataset.callsessionScreen);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
    const rooms = ["a", "b", "c"];
    for (let step = 0; step < 20; step++) {
      window.show(step % 4 === 3 ? null : { ...props, sessionId: rooms[step % 3] });
      for (let wait = 0; wait < step % 5; wait++) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    window.show({ ...props, sessionId: "c" });
    window.seen = seen;
  }, { config, user });
  await until("settled in c", () => window.sdk.live === "c" && !document.querySelector("[data-callsession-screen]"));
  assert.equal(await live(), "c");
  const seen = await page.evaluate(() => [...window.seen]);
  assert.deepEqual(seen, ["connecting"]);
  await page.close();
});

for (const [method, code, screenId] of [
  ["generateToken", "ERROR_SESSION_EXPIRED", "expired"],
  ["generateToken", "ERROR_SESSION_NOT_FOUND", "not-found"],
  ["generateToken", "ERROR_NOT_AUTHORIZED", "not-allowed"],
  ["joinSession", "ERROR_MEDIA_PERMISSION_DENIED", "camera-denied"],
  ["joinSession", "ERROR_NETWORK", "error"],
]) {
  test(`${code} from ${method} shows the ${screenId} screen`, async () => {
    const { page, screen, until } = await openApp();
    await page.evaluate(({ props, method, code }) => {
      window.sdk.failNext[method] = code;
      window.show(props);
    }, { props: { sessionId: "a", config, user }, method, code });
    await until("an error screen", () => document.querySelector("[data-callsession-screen]:not([data-callsession-screen=connecting])"));
    assert.equal(await screen(), screenId);
    assert.equal(await page.getAttribute("[data-callsession-screen]", "role"), "alert");
    await page.close();
  });
}

test("Join again after camera-denied joins with a fresh token", async () => {
  const { page, calls, until } = await openApp();
  await page.evaluate((props) => {
    window.sdk.failNext.joinSession = "ERROR_MEDIA_PERMISSION_DENIED";
    window.show(props);
  }, { sessionId: "a", config, user });
  await page.click("[data-callsession-screen=camera-denied] button");
  await until("joined", () => window.sdk.live === "a" && !document.querySelector("[data-callsession-screen]"));
  assert.deepEqual((await calls()).filter((call) => call.startsWith("token")), ["token a", "token a"]);
  await page.close();
});

test("a close from inside the container (its Leave button) shows the left screen, which can join again", async () => {
  const { page, screen, until } = await openApp();
  await page.evaluate((props) => window.show(props), { sessionId: "a", config, user });
  await until("joined", () => window.sdk.live === "a" && !document.querySelector("[data-callsession-screen]"));
  await page.evaluate(() => window.sdk.closeFromServer());
  await until("the left screen", () => document.querySelector("[data-callsession-screen=left]"));
  assert.equal(await screen(), "left");
  await page.click("[data-callsession-screen=left] button");
  await until("joined again", () => window.sdk.joins.length === 2 && !document.querySelector("[data-callsession-screen]"));
  await page.close();
});

test("pagehide leaves", async () => {
  const { page, calls, until } = await openApp();
  await page.evaluate((props) => window.show(props), { sessionId: "a", config, user });
  await until("joined", () => window.sdk.live === "a");
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false })));
  assert.equal((await calls()).at(-1), "leave");
  assert.equal(await page.evaluate(() => window.sdk.live), null);
  await page.close();
});

test("the hook returns the state, the others in the room, and the error", async () => {
  const { page, until } = await openApp();
  const probe = (name) => page.getAttribute("#probe", `data-${name}`);
  await page.evaluate((props) => window.showHook(props), { sessionId: "a", config, user });
  await until("joined", () => document.querySelector("#probe")?.dataset.state === "joined");
  await page.evaluate(() => window.sdk.setParticipants([{ uid: "bob", name: "Bob" }]));
  await until("bob listed", () => document.querySelector("#probe").dataset.participants === "bob");
  await page.evaluate(() => window.sdk.closeFromServer("ERROR_SESSION_EXPIRED"));
  await until("error", () => document.querySelector("#probe").dataset.state === "error");
  assert.equal(await probe("error"), "ERROR_SESSION_EXPIRED");
  assert.equal(await probe("participants"), "");
  await page.close();
});
