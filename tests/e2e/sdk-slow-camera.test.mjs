// A camera that is slow to answer (a real one can take as long as the whole handshake): the
// joiner's connections open on the roster, its tracks join them when the camera answers, and the
// join completes only then. A connection that offered first takes them on its first negotiation;
// one that answered a newcomer's offer meanwhile sends them after a second one.
import assert from "node:assert/strict";
import { test } from "node:test";
import { newMeeting } from "./support/harness.mjs";
import { join, logIn, logInAndJoin, openSdkPage, stateOf, waitForVideoFrom, withSdkServerAndBrowser } from "./support/sdk.mjs";

let server;
let browser;
withSdkServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

// getUserMedia answers only once the test calls window.answerCamera().
const cameraOnCue = `(() => {
  const devices = navigator.mediaDevices;
  const ask = devices.getUserMedia.bind(devices);
  let answer;
  const cue = new Promise((resolve) => { answer = resolve; });
  window.answerCamera = () => answer();
  devices.getUserMedia = (constraints) => cue.then(() => ask(constraints));
})();`;

async function slowCameraTab() {
  return openSdkPage(browser, server, { prepare: (context) => context.addInitScript(cameraOnCue) });
}

const connectedPeers = (page) =>
  page.evaluate(() => window.opened.peers.filter((peer) => peer.connectionState === "connected").length);

test("a joiner whose camera is slow connects before it answers, then sends its video", async () => {
  const sessionId = await newMeeting(server);
  const ada = await openSdkPage(browser, server);
  const bob = await slowCameraTab();
  try {
    await logInAndJoin(ada.page, "ada", sessionId);
    assert.equal((await logIn(bob.page, "bob")).error, null);
    const joining = join(bob.page, sessionId);
    await bob.page.waitForFunction(() => window.opened.peers.some((peer) => peer.connectionState === "connected"));
    assert.equal(await stateOf(bob.page), "joining");
    assert.equal(await bob.page.evaluate(() => window.opened.streams.length), 0, "no camera yet");

    await bob.page.evaluate(() => window.answerCamera());
    const joined = await joining;
    assert.deepEqual(joined, { data: { sessionId, uid: "bob" }, error: null });
    await waitForVideoFrom(ada.page, "bob");
    await waitForVideoFrom(bob.page, "ada");
    // One connection, on the one negotiation bob's offer made: an audio and a video section only.
    assert.equal(await connectedPeers(bob.page), 1);
    const kinds = (page) => page.evaluate(() => window.opened.peers[0].getTransceivers().map((t) => t.receiver.track.kind));
    assert.deepEqual(await kinds(bob.page), ["audio", "video"]);
    assert.deepEqual(await kinds(ada.page), ["audio", "video"]);
    assert.deepEqual(ada.errors, []);
    assert.deepEqual(bob.errors, []);
  } finally {
    await Promise.all([ada.context.close(), bob.context.close()]);
  }
});

test("a newcomer who offers while a camera is awaited gets that camera's video too", async () => {
  const sessionId = await newMeeting(server);
  const ada = await openSdkPage(browser, server);
  const bob = await slowCameraTab();
  const cy = await openSdkPage(browser, server);
  try {
    await logInAndJoin(ada.page, "ada", sessionId);
    assert.equal((await logIn(bob.page, "bob")).error, null);
    const joining = join(bob.page, sessionId);
    await bob.page.waitForFunction(() => window.opened.peers.some((peer) => peer.connectionState === "connected"));
    // cy comes after bob, so cy offers to bob, whose camera has not answered.
    await logInAndJoin(cy.page, "cy", sessionId);
    await bob.page.waitForFunction(() => window.opened.peers.filter((peer) => peer.connectionState === "connected").length === 2);
    assert.equal(await stateOf(bob.page), "joining");

    await bob.page.evaluate(() => window.answerCamera());
    assert.equal((await joining).error, null);
    for (const [tab, from] of [[ada, "bob"], [ada, "cy"], [bob, "ada"], [bob, "cy"], [cy, "ada"], [cy, "bob"]]) {
      await waitForVideoFrom(tab.page, from);
    }
    for (const tab of [ada, bob, cy]) assert.deepEqual(tab.errors, []);
  } finally {
    await Promise.all([ada.context.close(), bob.context.close(), cy.context.close()]);
  }
});
