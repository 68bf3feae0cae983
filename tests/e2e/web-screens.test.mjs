// The room's readable screens, through the real server and SDK: every error a visitor can meet
// shows what happened and what to do, never a black room.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, openParticipant, startServer } from "./support/harness.mjs";
import { createDemoMeeting, setMeetingEnd, startDemoServer, waitJoined } from "../web/room-pages.mjs";

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

async function expectScreen(page, id, title) {
  const screen = page.locator(`[data-callsession-screen="${id}"]`);
  await screen.waitFor({ state: "visible", timeout: 20_000 });
  assert.match(await screen.locator("h1").textContent(), title);
}

for (const [page, path] of [
  ["React", "meet"],
  ["script-tag", "embed"],
]) {
  test(`${page} room: a meeting that does not exist shows "not found"`, async () => {
    const visitor = await openParticipant(browser, `${server.url}/${path}/no-such-meeting?uid=ada&name=Ada`);
    await expectScreen(visitor.page, "not-found", /not found/i);
    await visitor.context.close();
  });

  test(`${page} room: someone not on the allow list sees "not invited"`, async () => {
    const sessionId = await createDemoMeeting(server, { strategy: "uuid", allowList: ["ada"] });
    const visitor = await openParticipant(browser, `${server.url}/${path}/${sessionId}?uid=eve&name=Eve`);
    await expectScreen(visitor.page, "not-allowed", /not invited/i);
    await visitor.context.close();
  });

  test(`${page} room: a blocked camera says how to allow it`, async () => {
    const sessionId = await createDemoMeeting(server);
    const context = await browser.newContext();
    // The harness's fake-UI flag grants every camera prompt, even over a denied permission; a
    // denial reaches the page as this rejection.
    await context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/${path}/${sessionId}?uid=ada&name=Ada`);
    await expectScreen(page, "camera-denied", /blocked/i);
    assert.equal(await page.locator('[data-callsession-screen="camera-denied"] button').textContent(), "Join again");
    await context.close();
  });
}

test("a meeting past its time shows \"ended\"", async () => {
  const sessionId = await createDemoMeeting(server);
  setMeetingEnd(server, sessionId, "unixepoch() - 1");
  const visitor = await openParticipant(browser, `${server.url}/meet/${sessionId}?uid=ada&name=Ada`);
  await expectScreen(visitor.page, "expired", /ended/i);
  await visitor.context.close();
});

test("a meeting that ends during the call replaces the call with \"ended\"", async () => {
  const sessionId = await createDemoMeeting(server);
  // The server reads a meeting's end when one joins: set it before, with time enough to join.
  setMeetingEnd(server, sessionId, "unixepoch() + 12");
  const visitor = await openParticipant(browser, `${server.url}/meet/${sessionId}?uid=ada&name=Ada`);
  await waitJoined(visitor.page);
  await expectScreen(visitor.page, "expired", /ended/i);
  await visitor.context.close();
});

test("a server not in demo mode says its pages cannot log in", async () => {
  const private_ = await startServer({ webRoot: "build/web-dev" });
  try {
    const visitor = await openParticipant(browser, `${private_.url}/meet/demo?uid=ada&name=Ada`);
    await expectScreen(visitor.page, "no-demo", /not in demo mode/i);
    await visitor.context.close();
  } finally {
    await private_.stop();
  }
});
