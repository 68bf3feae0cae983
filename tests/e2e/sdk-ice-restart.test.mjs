// A two-tab call whose media path breaks gets an ICE restart and keeps going. The pages reach each
// other only through a UDP relay in this process (support/udp_relay.mjs); cutting it stops every
// packet while both peer connections stay open, as a network change would. The SDK must notice,
// restart ICE from the impolite side only (bob: the higher uid), and the new candidates, relayed
// afresh, must carry the same remote video in the same element, with nobody announced as left.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createMeeting, launchBrowser, loginAs, waitFor } from "./support/harness.mjs";
import {
  eventsOf,
  framesOf,
  logInAndJoin,
  openSdkPage,
  startSdkServer,
  waitForVideoFrom,
  watchedVideo,
  watchVideoFrom,
} from "./support/sdk.mjs";
import { iceRelayInit, startUdpRelay } from "./support/udp_relay.mjs";

// Chromium calls the silence "disconnected" after some seconds (5 to 7 here), the SDK waits its 3 s
// grace, and a restart on loopback takes under a second: 20 s is a generous bound, not a measure.
const RECOVERY_MS = 20_000;

let server;
let browser;
let relay;
before(async () => {
  server = await startSdkServer();
  browser = await launchBrowser();
  relay = startUdpRelay();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  relay?.close();
});

const throughRelay = async (context) => {
  await context.exposeFunction("relayPort", (address, port) => relay.map(address, port));
  await context.addInitScript(iceRelayInit);
};

// The remote ICE username fragment of the page's live peer connection: a restart changes it.
const remoteUfrag = (page) =>
  page.evaluate(() => {
    const peer = window.opened.peers.find((p) => p.signalingState !== "closed");
    return peer?.remoteDescription?.sdp.match(/^a=ice-ufrag:(.*)$/m)?.[1] ?? null;
  });
const iceLog = (page) => page.evaluate(() => window.iceLog);

test("a call whose media path breaks is restarted by one side and keeps its video", async () => {
  const { authToken } = await loginAs(server, "organiser");
  const { sessionId } = await createMeeting(server, authToken);
  const ada = await openSdkPage(browser, server, { prepare: throughRelay });
  const bob = await openSdkPage(browser, server, { prepare: throughRelay });
  try {
    await logInAndJoin(ada.page, "ada", sessionId);
    await logInAndJoin(bob.page, "bob", sessionId);
    await waitForVideoFrom(ada.page, "bob");
    await waitForVideoFrom(bob.page, "ada");
    assert.ok(relay.stats.relayed > 0, "the media goes through the relay");
    await watchVideoFrom(ada.page, "bob");
    await watchVideoFrom(bob.page, "ada");
    const ufrags = { ada: await remoteUfrag(ada.page), bob: await remoteUfrag(bob.page) };

    relay.cut();
    await waitFor("ada's connection to notice the cut", async () => (await iceLog(ada.page)).states.includes("disconnected"), {
      timeoutMs: RECOVERY_MS,
    });
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
    assert.deepEqual(ada.errors, []);
    assert.deepEqual(bob.errors, []);
  } finally {
    await Promise.all([ada.context.close(), bob.context.close()]);
  }
});
