// The SDK's idle warm-up (bindings/view_warm_up.h): once loaded, it builds the call page in a
// hidden element and takes it away within the same task, leaving the page as it found it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { openSdkPage, withSdkServerAndBrowser } from "./support/sdk.mjs";

let server;
let browser;
withSdkServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

// Records, per MutationObserver delivery (one per task), what was added to and removed from the
// body's subtree, from before any script of the page runs.
const watchBody = `document.addEventListener("DOMContentLoaded", () => {
  window.bodyChanges = [];
  const describeOne = (element) => element.tagName.toLowerCase() + [...element.attributes].map((a) => "[" + a.name + "]").join("");
  const describe = (node) => node.nodeType !== Node.ELEMENT_NODE ? null : describeOne(node);
  // What an added element held as delivered (children appended before it was attached show only here).
  const describeTree = (node) => node.nodeType !== Node.ELEMENT_NODE ? null
    : [node, ...node.querySelectorAll("*")].map(describeOne).join(" ");
  new MutationObserver((records) => {
    const added = [];
    const removed = [];
    for (const record of records) {
      for (const node of record.addedNodes) added.push({ to: describe(record.target), node: describe(node), tree: describeTree(node) });
      for (const node of record.removedNodes) removed.push({ from: describe(record.target), node: describe(node) });
    }
    window.bodyChanges.push({ added, removed });
  }).observe(document.body, { childList: true, subtree: true });
});`;

test("when idle after loading, the SDK lays out a hidden call page once and leaves nothing behind", async () => {
  const { page, context } = await openSdkPage(browser, server, {
    prepare: (browserContext) => browserContext.addInitScript(watchBody),
  });
  try {
    const bodyBefore = await page.evaluate(() => [...document.body.children].map((child) => child.outerHTML));
    await page.waitForFunction(() => window.bodyChanges.some(({ removed }) => removed.some(({ from }) => from === "body")), null, { timeout: 10_000 });
    const changes = await page.evaluate(() => window.bodyChanges);
    const warmUp = changes.filter(({ added }) => added.some(({ to }) => to === "body"));
    assert.equal(warmUp.length, 1, JSON.stringify(changes));
    const [{ added, removed }] = warmUp;
    // Added and removed in one task: never painted.
    assert.deepEqual(added.filter(({ to }) => to === "body").map(({ node }) => node), ["div[aria-hidden][style]"]);
    assert.deepEqual(removed.filter(({ from }) => from === "body").map(({ node }) => node), ["div[aria-hidden][style]"]);
    // The page a join builds: both kinds of tile, and the controls.
    const built = added.map(({ tree }) => tree).join(" ");
    for (const part of ["video[autoplay][playsinline][data-local]", "video[autoplay][playsinline][data-uid]", "button[type][data-action]", "div[data-avatar]"]) {
      assert.ok(built.includes(part), `${part} in ${built}`);
    }
    assert.deepEqual(await page.evaluate(() => [...document.body.children].map((child) => child.outerHTML)), bodyBefore);
  } finally {
    await context.close();
  }
});
