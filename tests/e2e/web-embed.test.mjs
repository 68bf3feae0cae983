// The script-tag room (/embed/:sessionId, no framework) in one meeting with the React room.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, openParticipant } from "./support/harness.mjs";
import { createDemoMeeting, expectConnected, startDemoServer, waitJoined } from "../web/room-pages.mjs";

let server;
let browser;
before(async () => {
  // The production build: what a visitor gets.
  server = await startDemoServer({ webRoot: "build/web" });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test("the embed page and the React page join one meeting and see each other", async () => {
  const sessionId = await createDemoMeeting(server);
  const ada = await openParticipant(browser, `${server.url}/meet/${sessionId}?uid=ada&name=Ada`);
  const bob = await openParticipant(browser, `${server.url}/embed/${sessionId}?uid=bob&name=Bob`);
  await Promise.all([waitJoined(ada.page), waitJoined(bob.page)]);
  await ada.page.waitForSelector('video[data-uid="bob"]');
  await bob.page.waitForSelector('video[data-uid="ada"]');
  await expectConnected(server, sessionId, ["ada", "bob"]);
  const scripts = await bob.page.evaluate(() =>
    performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname).filter((path) => path.endsWith("js")),
  );
  assert.deepEqual(scripts.sort(), ["/assets/embed.js", "/sdk/callsession.js"], "only the script-tag SDK and the page's own script");
  assert.deepEqual([...ada.errors, ...bob.errors], []);
  await Promise.all([ada.context.close(), bob.context.close()]);
});
