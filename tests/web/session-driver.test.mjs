// The driver behind callsession/react and the embed page, against a fake SDK: which SDK calls a
// sequence of wishes produces, and the state it reports.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createDriver } from "../../web/react/session-driver.js";
import { createFakeSdk } from "./fake-sdk.js";
import { until } from "./until.js";

const config = { appId: "demo", authKey: "key" };
const user = { uid: "ada", name: "Ada" };

function setup() {
  const sdk = createFakeSdk();
  const page = new EventTarget();
  const driver = createDriver(sdk, page);
  const container = {};
  const owner = {}; // a hook instance, or the embed page
  const room = (sessionId, attempt = 0) => ({ sessionId, config, user, container, attempt });
  const state = () => driver.getSnapshot().state;
  return { sdk, page, driver, owner, room, state };
}

test("a request inits, logs in, takes a token and joins, once", async () => {
  const { sdk, driver, owner, room, state } = setup();
  driver.request(owner, room("a"));
  await until("joined", () => state() === "joined");
  assert.deepEqual(sdk.calls, ["init", "login ada", "token a", "join a"]);
  assert.equal(sdk.live, "a");
});

test("a release and an equal request in one tick (StrictMode's remount) join once and never leave", async () => {
  const { sdk, driver, owner, room, state } = setup();
  driver.request(owner, room("a"));
  driver.release(owner);
  driver.request(owner, room("a"));
  await until("joined", () => state() === "joined");
  assert.deepEqual(sdk.calls, ["init", "login ada", "token a", "join a"]);
});

test("a new room while a join is in flight cancels it, without an error, and joins the new one", async () => {
  const { sdk, driver, owner, room, state } = setup();
  const errors = [];
  driver.subscribe(() => driver.getSnapshot().error && errors.push(driver.getSnapshot().error));
  sdk.whenCalled("join a", () => driver.request(owner, room("b")));
  driver.request(owner, room("a"));
  await until("joined b", () => state() === "joined" && driver.getSnapshot().sessionId === "b");
  assert.deepEqual(sdk.calls.slice(3), ["join a", "leave", "token b", "join b"]);
  assert.deepEqual(sdk.joins, ["b"]);
  assert.deepEqual(errors, []);
});

test("a wish that moves away and back while its join is in flight ends joined, never shown as left", async () => {
  const { sdk, driver, owner, room, state } = setup();
  const states = [];
  driver.subscribe(() => states.push(state()));
  sdk.whenCalled("join a", () => {
    driver.request(owner, room("b"));
    // Back to a after the driver has cancelled the join for b's sake, before the join answers.
    queueMicrotask(() => queueMicrotask(() => driver.request(owner, room("a"))));
  });
  driver.request(owner, room("a"));
  await until("joined a", () => state() === "joined");
  assert.deepEqual(sdk.calls.slice(3), ["join a", "leave", "token a", "join a"]);
  assert.deepEqual(sdk.joins, ["a"]);
  assert.ok(!states.includes("left"), `states: ${states}`);
});

test("switching rooms leaves the old one before joining the new one, with a fresh token", async () => {
  const { sdk, driver, owner, room, state } = setup();
  driver.request(owner, room("a"));
  await until("joined a", () => sdk.live === "a");
  driver.request(owner, room("b"));
  await until("joined b", () => sdk.live === "b" && state() === "joined");
  assert.deepEqual(sdk.calls.slice(4), ["leave", "token b", "join b"]);
});

test("twenty rapid switches end with one connection, in the last room", async () => {
  const { sdk, driver, owner, room, state } = setup();
  const rooms = ["a", "b", "c"];
  for (let step = 0; step < 20; step++) {
    if (step % 4 === 3) driver.release(owner);
    else driver.request(owner, room(rooms[step % 3]));
    // Vary how far each wish gets before the next one: none, a little, a whole join.
    for (let wait = 0; wait < step % 5; wait++) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  driver.request(owner, room("c"));
  await until("settled in c", () => state() === "joined" && sdk.live === "c");
  assert.equal(driver.getSnapshot().sessionId, "c");
});

test("releasing leaves the room", async () => {
  const { sdk, driver, owner, room, state } = setup();
  driver.request(owner, room("a"));
  await until("joined", () => state() === "joined");
  driver.release(owner);
  await until("left", () => state() === "left");
  assert.equal(sdk.live, null);
  assert.equal(sdk.calls.at(-1), "leave");
});

test("a room released and later wanted again (a hidden then shown <Activity>) joins again", async () => {
  const { sdk, driver, owner, room, state } = setup();
  driver.request(owner, room("a"));
  await until("joined", () => state() === "joined");
  driver.release(owner);
  await until("left", () => state() === "left");
  driver.request(owner, room("a"));
  await until("joined again", () => sdk.live === "a" && state() === "joined");
  assert.deepEqual(sdk.joins, ["a", "a"]);
});

test("a refused token is the state's error and is not retried", async () => {
  const { sdk, driver, owner, room, state } = setup();
  sdk.failNext.generateToken = "ERROR_SESSION_EXPIRED";
  driver.request(owner, room("a"));
  await until("error", () => state() === "error");
  assert.equal(driver.getSnapshot().error.code, "ERROR_SESSION_EXPIRED");
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(sdk.calls, ["init", "login ada", "token a"]);
});

test("an SDK call that throws ends in an error state, not an endless join", async () => {
  const { sdk, driver, owner, room, state } = setup();
  sdk.generateToken = async () => {
    throw new TypeError("boom");
  };
  driver.request(owner, room("a"));
  await until("error", () => state() === "error");
  assert.deepEqual(driver.getSnapshot().error, { code: "ERROR_UNEXPECTED", message: "boom" });
});

test("a close from the other side settles as left and is not rejoined behind the user's back", async () => {
  const { sdk, driver, owner, room, state } = setup();
  driver.request(owner, room("a"));
  await until("joined", () => state() === "joined");
  sdk.closeFromServer();
  assert.equal(state(), "left");
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(sdk.calls.filter((call) => call === "join a").length, 1);
});

test("a close after an SDK error reports that error", async () => {
  const { sdk, driver, owner, room, state } = setup();
  driver.request(owner, room("a"));
  await until("joined", () => state() === "joined");
  sdk.closeFromServer("ERROR_SESSION_EXPIRED");
  assert.equal(state(), "error");
  assert.equal(driver.getSnapshot().error.code, "ERROR_SESSION_EXPIRED");
});

test("a new attempt at the same room joins again with a fresh token", async () => {
  const { sdk, driver, owner, room, state } = setup();
  driver.request(owner, room("a", 0));
  await until("joined", () => state() === "joined");
  sdk.closeFromServer();
  driver.request(owner, room("a", 1));
  await until("joined again", () => sdk.joins.length === 2 && state() === "joined");
  assert.deepEqual(sdk.calls.filter((call) => call.startsWith("token")), ["token a", "token a"]);
});

test("pagehide leaves at once; a page restored from the back/forward cache joins again", async () => {
  const { sdk, page, driver, owner, room, state } = setup();
  driver.request(owner, room("a"));
  await until("joined", () => state() === "joined");
  page.dispatchEvent(new Event("pagehide"));
  assert.equal(sdk.calls.at(-1), "leave", "leaveSession is called inside the pagehide handler");
  assert.equal(sdk.live, null);
  page.dispatchEvent(Object.assign(new Event("pageshow"), { persisted: true }));
  await until("joined again", () => sdk.live === "a" && sdk.joins.length === 2);
});

test("participants follow the SDK's list while in the room", async () => {
  const { sdk, driver, owner, room, state } = setup();
  driver.request(owner, room("a"));
  await until("joined", () => state() === "joined");
  sdk.setParticipants([{ uid: "bob", name: "Bob", audioMuted: false, videoPaused: true }]);
  assert.deepEqual(driver.getSnapshot().participants, [{ uid: "bob", name: "Bob", audioMuted: false, videoPaused: true }]);
});
