// A two-tab call survives a server restart: both pages hear onConnectionLost then
// onConnectionRestored, the server lists both again within the contract's 5 s, and the remote video
// never stops decoding, in the very element it started in (the peer connections were kept). The
// kept connections take the TURN credentials minted for the rejoin: those of the first join expire.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { api, createMeeting, launchBrowser, loginAs, waitFor } from "./support/harness.mjs";
import {
  eventsOf,
  framesOf,
  logInAndJoin,
  openSdkPage,
  startSdkServer,
  stateOf,
  waitForVideoFrom,
  watchedVideo,
  watchVideoFrom,
} from "./support/sdk.mjs";

const RESTORE_BOUND_MS = 5000; // CONTRACT: presence is back within 5 s of the restart
// Credentials are minted per join; nothing listens there, which ICE shrugs off on loopback.
const TURN = { CALLSESSION_TURN_URLS: "turn:127.0.0.1:9", CALLSESSION_TURN_SECRET: "reconnect-secret" };
// The TURN username of the page's (only) peer connection: "<expiry seconds>:<uid>".
const turnUsername = (page) =>
  page.evaluate(() => window.opened.peers[0].getConfiguration().iceServers.find(({ username }) => username)?.username);

let dataDir;
let server;
let browser;
before(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "callsession-reconnect-"));
  server = await startSdkServer({ dbPath: path.join(dataDir, "callsession.db"), env: TURN });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

// Records the connection events (the test page does not) and watches the remote video.
async function watch(page, remoteUid) {
  await page.evaluate(() => {
    for (const name of ["onConnectionLost", "onConnectionRestored"]) {
      window.sdk.addEventListener(name, (payload) => window.events.push({ name, payload }));
    }
  });
  await watchVideoFrom(page, remoteUid);
}

const connectionEvents = (page) =>
  page.evaluate(() => window.events.map(({ name }) => name).filter((name) => name.startsWith("onConnection")));

async function framesGrow(page, what) {
  const before = await framesOf(page);
  await waitFor(what, async () => (await framesOf(page)) > before);
}

test("a call survives a server restart with its media flowing", async () => {
  const { authToken } = await loginAs(server, "organiser");
  const { sessionId } = await createMeeting(server, authToken);
  const ada = await openSdkPage(browser, server, { bundle: "module" });
  const bob = await openSdkPage(browser, server, { bundle: "script" });
  try {
    await logInAndJoin(ada.page, "ada", sessionId);
    await logInAndJoin(bob.page, "bob", sessionId);
    await waitForVideoFrom(ada.page, "bob");
    await waitForVideoFrom(bob.page, "ada");
    await watch(ada.page, "bob");
    await watch(bob.page, "ada");
    const firstUsernames = [await turnUsername(ada.page), await turnUsername(bob.page)];
    assert.match(firstUsernames[0], /^\d+:ada$/);

    await server.kill();
    for (const page of [ada.page, bob.page]) {
      await waitFor("onConnectionLost", async () => (await connectionEvents(page)).includes("onConnectionLost"));
      assert.equal(await stateOf(page), "joined");
    }
    // Peer to peer, the media does not need the server.
    await framesGrow(ada.page, "bob's video while the server is down");
    await framesGrow(bob.page, "ada's video while the server is down");

    const { port, dbPath } = server;
    await server.stop(); // the killed one's web root
    // The rejoin's credentials expire at least a second later, so they differ from the first.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    server = await startSdkServer({ port, dbPath, env: TURN });
    const restarted = Date.now();
    const withinBound = () => ({ timeoutMs: Math.max(0, RESTORE_BOUND_MS - (Date.now() - restarted)) });

    await waitFor(
      "both participants listed again",
      async () => {
        const { status, body } = await api(server, "GET", `/api/meetings/${sessionId}/participants`);
        return status === 200 && body.map(({ uid }) => uid).sort().join() === "ada,bob";
      },
      withinBound(),
    );
    for (const page of [ada.page, bob.page]) {
      await waitFor("onConnectionRestored", async () => (await connectionEvents(page)).includes("onConnectionRestored"), withinBound());
      assert.deepEqual(await connectionEvents(page), ["onConnectionLost", "onConnectionRestored"]);
      assert.equal(await stateOf(page), "joined");
    }

    await framesGrow(ada.page, "bob's video after the restart");
    await framesGrow(bob.page, "ada's video after the restart");
    const rejoinUsernames = [await turnUsername(ada.page), await turnUsername(bob.page)];
    for (const [i, uid] of ["ada", "bob"].entries()) {
      assert.match(rejoinUsernames[i], new RegExp(`^\\d+:${uid}$`));
      assert.ok(
        Number.parseInt(rejoinUsernames[i]) > Number.parseInt(firstUsernames[i]),
        `${uid}'s open connection kept ${firstUsernames[i]}, the rejoin minted ${rejoinUsernames[i]}`,
      );
    }
    assert.equal(await watchedVideo(ada.page, "bob"), "yes");
    assert.equal(await watchedVideo(bob.page, "ada"), "yes");
    assert.deepEqual(await eventsOf(ada.page, "onParticipantLeft"), []);
    assert.deepEqual(await eventsOf(bob.page, "onConnectionClosed"), []);
    assert.deepEqual(ada.errors, []);
    assert.deepEqual(bob.errors, []);
  } finally {
    await Promise.all([ada.context.close(), bob.context.close()]);
  }
});
