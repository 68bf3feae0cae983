// More than two, and the ways a participant goes: three in a full mesh, a leave then a rejoin with
// a fresh token, a tab that dies, and the same user joining from a second tab.
import assert from "node:assert/strict";
import { test } from "node:test";
import { newMeeting, waitFor } from "./support/harness.mjs";
import {
  eventsOf,
  join,
  leave,
  logInAndJoin,
  openSdkPage,
  remoteUids,
  stateOf,
  waitForAllClosed,
  waitForVideoFrom,
  withSdkServerAndBrowser,
} from "./support/sdk.mjs";

let server;
let browser;
withSdkServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

// Opens one tab per uid and joins them one after the other.
async function joinAll(sessionId, uids) {
  const tabs = {};
  for (const uid of uids) {
    tabs[uid] = await openSdkPage(browser, server);
    await logInAndJoin(tabs[uid].page, uid, sessionId);
  }
  return tabs;
}

const closeAll = (tabs) => Promise.all(Object.values(tabs).map((tab) => tab.context.close()));

test("three participants each decode the other two", async () => {
  const tabs = await joinAll(await newMeeting(server), ["ada", "bob", "cy"]);
  try {
    for (const [uid, tab] of Object.entries(tabs)) {
      const others = Object.keys(tabs).filter((other) => other !== uid);
      for (const other of others) await waitForVideoFrom(tab.page, other);
      assert.deepEqual(await remoteUids(tab.page), others);
      // Three tiles side by side or in a grid, none overlapping.
      const rects = await tab.page.evaluate(() =>
        [...document.querySelectorAll("#room video")].map((video) => video.parentElement.getBoundingClientRect().toJSON()),
      );
      assert.equal(rects.length, 3);
      for (const [i, a] of rects.entries()) {
        for (const b of rects.slice(i + 1)) {
          assert.ok(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, "tiles overlap");
        }
      }
    }
  } finally {
    await closeAll(tabs);
  }
});

test("a participant who left rejoins with a fresh token and is seen again", async () => {
  const sessionId = await newMeeting(server);
  const tabs = await joinAll(sessionId, ["ada", "bob"]);
  try {
    await leave(tabs.ada.page);
    await waitFor("bob to see ada gone", async () => (await remoteUids(tabs.bob.page)).length === 0);
    const rejoined = await join(tabs.ada.page, sessionId);
    assert.deepEqual(rejoined, { data: { sessionId, uid: "ada" }, error: null });
    await waitForVideoFrom(tabs.bob.page, "ada");
    await waitForVideoFrom(tabs.ada.page, "bob");
    assert.equal((await eventsOf(tabs.ada.page, "onSessionJoined")).length, 2);
  } finally {
    await closeAll(tabs);
  }
});

test("a tab that dies is gone for the others within 3 s", async () => {
  const tabs = await joinAll(await newMeeting(server), ["ada", "bob"]);
  try {
    await waitForVideoFrom(tabs.ada.page, "bob");
    // The renderer crashes: no leave message, no page lifecycle, as when a laptop lid closes.
    const devtools = await tabs.bob.context.newCDPSession(tabs.bob.page);
    devtools.send("Page.crash").catch(() => {});
    await waitFor("ada to see bob gone", async () => (await remoteUids(tabs.ada.page)).length === 0, { timeoutMs: 3_000 });
    const [left] = await eventsOf(tabs.ada.page, "onParticipantLeft");
    assert.equal(left.uid, "bob");
    assert.equal(await stateOf(tabs.ada.page), "joined");
  } finally {
    await closeAll(tabs);
  }
});

test("the same user joining from a second tab ends the first tab's connection", async () => {
  const sessionId = await newMeeting(server);
  const first = await openSdkPage(browser, server);
  const second = await openSdkPage(browser, server);
  try {
    await logInAndJoin(first.page, "ada", sessionId);
    await logInAndJoin(second.page, "ada", sessionId);
    await waitFor("the first tab to be closed", async () => (await stateOf(first.page)) === "left");
    const [closed] = await eventsOf(first.page, "onConnectionClosed");
    assert.equal(closed.reason, "closed");
    assert.equal(closed.error.code, "ERROR_SIGNALING_FAILED");
    assert.equal((await eventsOf(first.page, "onError")).length, 1);
    assert.deepEqual(await eventsOf(first.page, "onSessionLeft"), []);
    await waitForAllClosed(first.page);
    assert.equal(await stateOf(second.page), "joined");
  } finally {
    await first.context.close();
    await second.context.close();
  }
});
