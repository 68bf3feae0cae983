// A two-tab call whose media path breaks gets an ICE restart. The pages reach each other only
// through a UDP relay in this process (support/udp_relay.mjs); cutting it stops every packet while
// both peer connections stay open, as a network change would. The SDK must notice and restart ICE
// from the impolite side only (bob: the higher uid). If the new candidates, relayed afresh, work,
// the same remote video goes on in the same element and nobody is announced as left; if the cut
// is for good, both drop each other as vanished once the attempts run out.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createMeeting, loginAs, waitFor } from "./support/harness.mjs";
import {
  eventsOf,
  framesOf,
  leave,
  logInAndJoin,
  openSdkPage,
  stateOf,
  waitForAllClosed,
  waitForVideoFrom,
  watchedVideo,
  watchVideoFrom,
  withSdkServerAndBrowser,
} from "./support/sdk.mjs";
import { iceRelayInit, startUdpRelay } from "./support/udp_relay.mjs";

// Chromium calls the silence "disconnected" after some seconds (5 to 7 here), the SDK waits its 3 s
// grace, and a restart on loopback takes under a second: 20 s is a generous bound, not a measure.
const RECOVERY_MS = 20_000;
// Then 3 attempts of 5 s before a peer is dropped.
const GIVE_UP_MS = RECOVERY_MS + 15_000;

let server;
let browser;
withSdkServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

// The remote ICE username fragment of the page's live peer connection: a restart changes it.
const remoteUfrag = (page) =>
  page.evaluate(() => {
    const peer = window.opened.peers.find((p) => p.signalingState !== "closed");
    return peer?.remoteDescription?.sdp.match(/^a=ice-ufrag:(.*)$/m)?.[1] ?? null;
  });
const iceLog = (page) => page.evaluate(() => window.iceLog);

// ada and bob in a call whose media goes through `relay`, each seeing the other's video. `body`
// runs in it; the pages close after.
async function inCallThroughRelay(relay, body) {
  const throughRelay = async (context) => {
    await context.exposeFunction("relayPort", (address, port) => relay.map(address, port));
    await context.addInitScript(iceRelayInit);
  };
  const { authToken } = await loginAs(server, "organiser");
  const { sessionId } = await createMeeting(server, authToken);
  const ada = await openSdkPage(browser, server, { prepare: throughRelay });
  const bob = await openSdkPage(browser, server, { prepare: throughRelay });
  try {
    await logInAndJoin(ada.page, "ada", sessionId);
    await logInAndJoin(bob.page, "bob", sessionId);
    // Each candidate takes a round trip to this process: more than the harness's usual 10 s.
    await waitForVideoFrom(ada.page, "bob", { timeoutMs: RECOVERY_MS }).catch(explain(relay, ada, bob));
    await waitForVideoFrom(bob.page, "ada", { timeoutMs: RECOVERY_MS }).catch(explain(relay, ada, bob));
    assert.ok(relay.stats.relayed > 0, "the media goes through the relay");
    await body(ada, bob);
    assert.deepEqual(ada.errors, []);
    assert.deepEqual(bob.errors, []);
  } finally {
    await Promise.all([ada.context.close(), bob.context.close()]);
    relay.close();
  }
}

// Rethrows `error` with what the relay and both connections went through, for a call that never
// came up.
const explain = (relay, ...participants) => async (error) => {
  const states = await Promise.all(participants.map(({ page }) => iceLog(page)));
  throw new Error(`${error.message}; relay ${JSON.stringify(relay.stats)}; states ${JSON.stringify(states)}`);
};

async function waitForDisconnected(page, name) {
  await waitFor(`${name}'s connection to notice the cut`, async () => (await iceLog(page)).states.includes("disconnected"), {
    timeoutMs: RECOVERY_MS,
  });
}

test("a call whose media path breaks is restarted by one side and keeps its video", async () => {
  const relay = startUdpRelay();
  await inCallThroughRelay(relay, async (ada, bob) => {
    await watchVideoFrom(ada.page, "bob");
    await watchVideoFrom(bob.page, "ada");
    const ufrags = { ada: await remoteUfrag(ada.page), bob: await remoteUfrag(bob.page) };

    relay.cut();
    await waitForDisconnected(ada.page, "ada");
    const framesAtCut = await framesOf(ada.page);

    // A new ICE generation on both sides, connected again.
    for (const [page, name] of [
      [ada.page, "ada"],
      [bob.page, "bob"],
    ]) {
      await waitFor(
        `${name}'s connection restarted with new credentials`,
        async () => (await remoteUfrag(page)) !== ufrags[name] && (await iceLog(page)).states.at(-1) === "connected",
        { timeoutMs: RECOVERY_MS },
      );
    }
    assert.ok(relay.stats.dropped > 0, "the cut dropped packets");
    assert.ok((await iceLog(bob.page)).restarts >= 1, "bob, the impolite side, restarted ICE");
    assert.equal((await iceLog(ada.page)).restarts, 0, "ada, the polite side, only answered");

    // The same elements present new frames: the media flows again through the new path.
    await waitFor("bob's video after the restart", async () => (await framesOf(ada.page)) > framesAtCut + 10);
    const bobFrames = await framesOf(bob.page);
    await waitFor("ada's video after the restart", async () => (await framesOf(bob.page)) > bobFrames + 10);
    assert.equal(await watchedVideo(ada.page, "bob"), "yes");
    assert.equal(await watchedVideo(bob.page, "ada"), "yes");
    assert.deepEqual(await eventsOf(ada.page, "onParticipantLeft"), []);
    assert.deepEqual(await eventsOf(bob.page, "onParticipantLeft"), []);
  });
});

test("a media path cut for good is dropped on both sides as vanished once the restarts run out", async () => {
  const relay = startUdpRelay();
  await inCallThroughRelay(relay, async (ada, bob) => {
    relay.cut({ forGood: true });
    for (const [page, other] of [
      [ada.page, "bob"],
      [bob.page, "ada"],
    ]) {
      await waitFor(`${other} dropped`, async () => (await eventsOf(page, "onParticipantLeft")).length > 0, {
        timeoutMs: GIVE_UP_MS,
      });
      assert.deepEqual(await eventsOf(page, "onParticipantLeft"), [{ uid: other, reason: "vanished" }]);
      assert.equal(await page.locator(`video[data-uid="${other}"]`).count(), 0);
      assert.equal(await stateOf(page), "joined");
    }
    assert.equal((await iceLog(bob.page)).restarts, 3, "bob restarted ICE as many times as allowed");
    assert.equal((await iceLog(ada.page)).restarts, 0);
  });
});

test("a leave during an ICE restart ends it: the other side drops the leaver at once, as left", async () => {
  const relay = startUdpRelay();
  await inCallThroughRelay(relay, async (ada, bob) => {
    relay.cut({ forGood: true });
    await waitFor("bob's first restart", async () => (await iceLog(bob.page)).restarts === 1, { timeoutMs: RECOVERY_MS });
    const left = await leave(ada.page);
    assert.equal(left.error, null);
    await waitForAllClosed(ada.page);
    await waitFor("ada dropped", async () => (await eventsOf(bob.page, "onParticipantLeft")).length > 0);
    assert.deepEqual(await eventsOf(bob.page, "onParticipantLeft"), [{ uid: "ada", reason: "left" }]);
    // Its connection closed with the peer, bob has nothing left to restart.
    assert.ok(await bob.page.evaluate(() => window.opened.peers.every((peer) => peer.signalingState === "closed")));
    assert.equal(await stateOf(bob.page), "joined");
    assert.deepEqual(await eventsOf(ada.page, "onParticipantLeft"), []);
  });
});
