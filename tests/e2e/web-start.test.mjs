// The start page (/): it mints a meeting on the server, shows and copies its link, then goes there.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser } from "./support/harness.mjs";
import { connectedUids, startDemoServer, waitJoined } from "../web/room-pages.mjs";

let server;
let browser;
before(async () => {
  server = await startDemoServer({ webRoot: "build/web" });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test("start a meeting: its link is shown and copied, then the room opens and joins under the name given", async () => {
  const context = await browser.newContext({ permissions: ["camera", "microphone", "clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.fill('input[name="name"]', "Ada");
  await page.click("#start button");
  await page.locator("#result").waitFor({ state: "visible" });
  const link = await page.locator("#link").inputValue();
  const sessionId = new URL(link).pathname.match(/^\/meet\/(.+)$/)[1];

  await page.click("#copy");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

  await page.waitForURL(link);
  await waitJoined(page);
  const [uid] = await connectedUids(server, sessionId);
  assert.match(uid, /^ada-/);
  await context.close();
});
