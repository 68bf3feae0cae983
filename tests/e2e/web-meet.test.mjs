// The React room (/meet/:sessionId, StrictMode, development React) with the real SDK and server.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, openParticipant } from "./support/harness.mjs";
import { createDemoMeeting, expectConnected, connectedUids, recordScreens, screensSeen, startDemoServer, waitJoined } from "../web/room-pages.mjs";

let server;
let browser;
before(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// Counts what a page's SDK reports about the others, from before the page's own room starts.
async function watchOthers(page) {
  await page.evaluate(async () => {
    const { CallSession } = await import("/sdk/callsession.mjs");
    window.__others = [];
    CallSession.addEventListener("onParticipantJoined", (event) => window.__others.push(`joined ${event.uid}`));
    CallSession.addEventListener("onParticipantLeft", (event) => window.__others.push(`left ${event.uid} ${event.reason}`));
  });
}

test("two tabs in StrictMode: each user is connected exactly once, and nobody connects then leaves at once", async () => {
  const sessionId = await createDemoMeeting(server);
  const ada = await openParticipant(browser, `${server.url}/meet/${sessionId}?uid=ada&name=Ada`);
  await waitJoined(ada.page);
  await watchOthers(ada.page);
  const bob = await openParticipant(browser, `${server.url}/meet/${sessionId}?uid=bob&name=Bob`);
  await waitJoined(bob.page);
  await ada.page.waitForSelector('video[data-uid="bob"]');
  await bob.page.waitForSelector('video[data-uid="ada"]');

  await expectConnected(server, sessionId, ["ada", "bob"]);
  assert.deepEqual(await ada.page.evaluate(() => window.__others), ["joined bob"]);
  assert.deepEqual([...ada.errors, ...bob.errors], []);
  await Promise.all([ada.context.close(), bob.context.close()]);
});

test("a visible Connecting… screen comes before the call, which then shows no screen", async () => {
  const sessionId = await createDemoMeeting(server);
  const context = await browser.newContext({ permissions: ["camera", "microphone"] });
  await recordScreens(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/meet/${sessionId}?uid=ada&name=Ada`);
  await waitJoined(page);
  await page.waitForSelector("[data-callsession-screen]", { state: "detached" });
  assert.deepEqual(await screensSeen(page), ["connecting"]);
  await context.close();
});

test("without ?uid the room asks for a name first, then joins under it", async () => {
  const sessionId = await createDemoMeeting(server);
  const { page, context } = await openParticipant(browser, `${server.url}/meet/${sessionId}`);
  await page.fill('[data-callsession-screen="name-prompt"] input', "Grace Hopper");
  await page.click('[data-callsession-screen="name-prompt"] button');
  await waitJoined(page);
  const [uid] = await connectedUids(server, sessionId);
  assert.match(uid, /^grace-hopper-[0-9a-f]{8}$/);
  await context.close();
});

test("closing a tab: the others see it go at once, not after a ping timeout", async () => {
  const sessionId = await createDemoMeeting(server);
  const ada = await openParticipant(browser, `${server.url}/meet/${sessionId}?uid=ada&name=Ada`);
  await waitJoined(ada.page);
  await watchOthers(ada.page);
  const bob = await openParticipant(browser, `${server.url}/meet/${sessionId}?uid=bob&name=Bob`);
  await waitJoined(bob.page);
  await bob.page.close({ runBeforeUnload: true });
  // pagehide sends a leave; the server ends the room's view of bob when that or the socket's close
  // arrives. Headless Chromium does not always flush the leave frame out of a closing tab, so the
  // reason may be "vanished" (socket closed) as well as "left": what must hold is that the others
  // see it within 1.5 s, where a tab that just went silent takes the 2.5 s ping limit.
  await ada.page.waitForFunction(() => window.__others.some((e) => e.startsWith("left bob")), null, { timeout: 1500 });
  await expectConnected(server, sessionId, ["ada"]);
  const others = await ada.page.evaluate(() => window.__others);
  assert.equal(others[0], "joined bob");
  assert.match(others[1], /^left bob (left|vanished)$/);
  assert.equal(others.length, 2);
  await Promise.all([ada.context.close(), bob.context.close()]);
});
