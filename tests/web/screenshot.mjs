// Makes docs/screenshot.png: two participants in one meeting, as the first of them sees it, in
// headless Chromium with its fake camera. Run after a build: node tests/web/screenshot.mjs
import path from "node:path";
import { launchBrowser, repoRoot } from "../e2e/support/harness.mjs";
import { createDemoMeeting, startDemoServer, waitJoined } from "./room-pages.mjs";

const server = await startDemoServer({ webRoot: "build/web" });
const browser = await launchBrowser();
try {
  const sessionId = await createDemoMeeting(server);
  const open = async (uid, name) => {
    const context = await browser.newContext({ permissions: ["camera", "microphone"], viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/meet/${sessionId}?uid=${uid}&name=${encodeURIComponent(name)}`);
    await waitJoined(page);
    return page;
  };
  const ada = await open("ada", "Ada Lovelace");
  await open("grace", "Grace Hopper");
  await ada.waitForSelector('video[data-uid="grace"]');
  // Until the remote video has frames, its tile is still black.
  await ada.waitForFunction(() => document.querySelector('video[data-uid="grace"]').readyState >= 2);
  await ada.screenshot({ path: path.join(repoRoot, "docs/screenshot.png") });
} finally {
  await browser.close();
  await server.stop();
}
