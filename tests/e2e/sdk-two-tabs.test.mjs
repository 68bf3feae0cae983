// Two participants in one session, each in their own browser context, one page per SDK bundle:
// both join, real video decodes both ways, a leave is seen by the other, and the leaver keeps
// nothing open.
import assert from "node:assert/strict";
import { test } from "node:test";
import { newMeeting, waitFor } from "./support/harness.mjs";
import {
  eventsOf,
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

// ada (ES module) and bob (script-tag bundle), joined and seeing each other.
async function twoInACall() {
  const sessionId = await newMeeting(server);
  const ada = await openSdkPage(browser, server, { bundle: "module" });
  const bob = await openSdkPage(browser, server, { bundle: "script" });
  const joined = await logInAndJoin(ada.page, "ada", sessionId);
  assert.deepEqual(joined, { data: { sessionId, uid: "ada" }, error: null });
  await logInAndJoin(bob.page, "bob", sessionId);
  return { sessionId, ada, bob, close: () => Promise.all([ada.context.close(), bob.context.close()]) };
}

test("two tabs join one session and decode each other's video", async () => {
  const { ada, bob, close } = await twoInACall();
  try {
    assert.equal(await stateOf(ada.page), "joined");
    assert.equal(await stateOf(bob.page), "joined");
    await waitForVideoFrom(ada.page, "bob");
    await waitForVideoFrom(bob.page, "ada");
    assert.deepEqual(await remoteUids(ada.page), ["bob"]);
    assert.deepEqual(await remoteUids(bob.page), ["ada"]);
    assert.equal(await ada.page.locator("#room video[data-local]").count(), 1);
    // Each preview plays its own camera: ada's from her join (alone), bob's once ada's video played.
    for (const { page } of [ada, bob]) {
      await page.waitForFunction(() => document.querySelector("#room video[data-local]").srcObject?.getVideoTracks()[0]?.readyState === "live");
    }
    const [tile] = await ada.page.locator("#room video[data-uid=bob]").evaluateAll((videos) =>
      videos.map((video) => video.parentElement.textContent),
    );
    assert.match(tile, /bob \(e2e\)/);
    const [list] = await eventsOf(bob.page, "onParticipantListChanged");
    assert.deepEqual(
      list.participants.map(({ uid, isLocal }) => [uid, isLocal]),
      [["bob", true], ["ada", false]],
    );
    assert.deepEqual(ada.errors, []);
    assert.deepEqual(bob.errors, []);
  } finally {
    await close();
  }
});

// Both send audio and video; bundled from the first offer, each side gathers candidates (and,
// with TURN, allocates) for one transport, not one per media section.
test("the call runs on one ICE transport from the first offer, signaling only usable candidates", async () => {
  const { ada, bob, close } = await twoInACall();
  try {
    await waitForVideoFrom(bob.page, "ada");
    await waitForVideoFrom(ada.page, "bob");
    const gathered = (page) => page.evaluate(() => window.opened.peers.map((peer) => [...peer.gatheredMids]));
    // bob joined second, so bob made the offer.
    assert.deepEqual(await gathered(bob.page), [["0"]]);
    assert.deepEqual(await gathered(ada.page), [["0"]]);
    // Whether the browser gathers active TCP candidates (port 9) at all depends on how soon ICE
    // connects, so bob's peer is handed one of each kind as if gathered: the other side gets the
    // UDP one, and no active TCP candidate ever, since no check is ever sent to one.
    await bob.page.evaluate(() => {
      const [peer] = window.opened.peers;
      for (const line of ["candidate:1 1 tcp 1518214911 127.0.0.1 9 typ host tcptype active", "candidate:2 1 udp 2122194687 127.0.0.1 9 typ host"]) {
        const candidate = new RTCIceCandidate({ candidate: line, sdpMid: "0", sdpMLineIndex: 0 });
        peer.dispatchEvent(new RTCPeerConnectionIceEvent("icecandidate", { candidate }));
      }
    });
    const receivedBy = (page) => page.evaluate(() => window.opened.peers.flatMap((peer) => peer.receivedCandidates));
    await waitFor("ada to receive the UDP candidate", async () =>
      (await receivedBy(ada.page)).includes("candidate:2 1 udp 2122194687 127.0.0.1 9 typ host"),
    );
    for (const page of [ada.page, bob.page]) {
      assert.deepEqual((await receivedBy(page)).filter((candidate) => /tcptype active/.test(candidate)), []);
    }
  } finally {
    await close();
  }
});

for (const leaver of ["ada", "bob"]) {
  test(`when ${leaver} leaves, the other sees them gone and ${leaver} keeps nothing open`, async () => {
    const call = await twoInACall();
    const stayer = leaver === "ada" ? "bob" : "ada";
    try {
      await waitForVideoFrom(call[stayer].page, leaver);
      assert.deepEqual(await leave(call[leaver].page), { data: null, error: null });

      assert.equal(await stateOf(call[leaver].page), "left");
      assert.equal(await call[leaver].page.locator("#room video").count(), 0);
      await waitForAllClosed(call[leaver].page);
      assert.deepEqual(await eventsOf(call[leaver].page, "onConnectionClosed"), [
        { sessionId: call.sessionId, reason: "left", error: null },
      ]);
      assert.equal((await eventsOf(call[leaver].page, "onSessionLeft")).length, 1);

      await waitFor(`${stayer} to see ${leaver} gone`, async () => (await remoteUids(call[stayer].page)).length === 0);
      assert.deepEqual(await eventsOf(call[stayer].page, "onParticipantLeft"), [{ uid: leaver, reason: "left" }]);
      assert.equal(await stateOf(call[stayer].page), "joined");
    } finally {
      await call.close();
    }
  });
}

test("the in-container Leave button leaves like leaveSession", async () => {
  const call = await twoInACall();
  try {
    await call.ada.page.click("#room [data-action=leave]");
    await waitFor("ada to have left", async () => (await stateOf(call.ada.page)) === "left");
    await waitForAllClosed(call.ada.page);
    assert.equal((await eventsOf(call.ada.page, "onConnectionClosed"))[0].reason, "left");
    await waitFor("bob to see ada gone", async () => (await remoteUids(call.bob.page)).length === 0);
  } finally {
    await call.close();
  }
});

// A render writes only what changed: rewriting every label and button on each change would make
// the browser lay out and shape all of their text again, for every tile, every time.
test("a change on the other side rewrites only that side's tile", async () => {
  const call = await twoInACall();
  try {
    await waitForVideoFrom(call.ada.page, "bob");
    await call.ada.page.evaluate(() => {
      window.rewritten = new Set();
      new MutationObserver((records) => {
        for (const { target } of records) {
          const element = target.nodeType === Node.ELEMENT_NODE ? target : target.parentElement;
          const tile = element.closest("[data-participant]");
          const control = element.closest("[data-action]");
          window.rewritten.add(tile ? `tile ${tile.dataset.participant}` : control ? `control ${control.dataset.action}` : element.tagName);
        }
      }).observe(document.getElementById("room"), { subtree: true, childList: true, characterData: true, attributes: true });
    });
    assert.deepEqual(await call.bob.page.evaluate(() => window.sdk.muteAudio()), { data: null, error: null });
    await call.ada.page.waitForSelector('#room [data-participant="bob"][data-audio-muted]');
    assert.deepEqual(await call.ada.page.evaluate(() => [...window.rewritten]), ["tile bob"]);
  } finally {
    await call.close();
  }
});

test("muting and pausing reach the other side", async () => {
  const call = await twoInACall();
  try {
    await call.ada.page.click("#room [data-action=toggle-audio]");
    assert.deepEqual(await eventsOf(call.ada.page, "onAudioMuted"), [{ uid: "ada", muted: true, isLocal: true }]);
    assert.deepEqual(await call.ada.page.evaluate(() => window.sdk.pauseVideo()), { data: null, error: null });
    await waitFor("bob to see ada muted and paused", async () => {
      const lists = await eventsOf(call.bob.page, "onParticipantListChanged");
      const ada = lists.at(-1).participants.find((participant) => participant.uid === "ada");
      return ada.audioMuted && ada.videoPaused;
    });
    assert.equal(await call.ada.page.getAttribute("#room [data-action=toggle-audio]", "aria-pressed"), "true");
  } finally {
    await call.close();
  }
});
