// callsession/react with the real SDK and server: rapid mounts, unmounts and room switches in
// StrictMode (development React) end with exactly one connection, in the last room.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser } from "./support/harness.mjs";
import { connectedUids, createDemoMeeting, expectConnected, openHookApp, startHookAppServer, waitJoined } from "../web/room-pages.mjs";

let server;
let browser;
before(async () => {
  server = await startHookAppServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test("twenty rapid mounts, unmounts and sessionId switches settle in one connection, in the last room", async () => {
  const rooms = [await createDemoMeeting(server), await createDemoMeeting(server), await createDemoMeeting(server)];
  const { page, context } = await openHookApp(browser, server);
  const config = { appId: "demo", authKey: server.authKey, serverUrl: server.url };
  await page.evaluate(
    async ({ rooms, config }) => {
      const user = { uid: "ada", name: "Ada" };
      for (let step = 0; step < 20; step++) {
        window.show(step % 4 === 3 ? null : { sessionId: rooms[step % 3], config, user });
        // Let each wish get a little further than the one before: none, a task, a few tasks.
        for (let wait = 0; wait < step % 5; wait++) await new Promise((resolve) => setTimeout(resolve, 5 * wait));
      }
      window.show({ sessionId: rooms[2], config, user });
    },
    { rooms, config },
  );
  await waitJoined(page);
  await expectConnected(server, rooms[2], ["ada"]);
  assert.deepEqual(await connectedUids(server, rooms[0]), []);
  assert.deepEqual(await connectedUids(server, rooms[1]), []);
  assert.equal(await page.locator("[data-callsession-state]").count(), 1);
  await context.close();
});
