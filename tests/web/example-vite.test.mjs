// The README's React example (examples/react-vite) builds with Vite against this checkout's
// package, and the app it emits carries the SDK's own WebAssembly: a bundler follows the SDK's
// `new URL("callsession.wasm", import.meta.url)` and ships the very module the build made.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { promisify } from "node:util";
import { repoRoot } from "../e2e/support/harness.mjs";

const example = path.join(repoRoot, "examples/react-vite");
const outDir = mkdtempSync(path.join(tmpdir(), "callsession-vite-example-"));
after(() => rmSync(outDir, { recursive: true, force: true }));

test("the README's Vite example builds, shipping the SDK's wasm", async () => {
  const vite = path.join(example, "node_modules/vite/bin/vite.js");
  await promisify(execFile)(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir"], {
    cwd: example,
    env: { ...process.env, VITE_CALLSESSION_AUTH_KEY: "example-key" },
  });
  const html = readFileSync(path.join(outDir, "index.html"), "utf8");
  const script = html.match(/<script[^>]+src="\/(assets\/[^"]+\.js)"/);
  assert.ok(script, `index.html loads no built script:\n${html}`);

  const assets = readdirSync(path.join(outDir, "assets"));
  const wasm = assets.filter((name) => name.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one wasm asset expected, got ${assets.join(", ")}`);
  const shipped = readFileSync(path.join(outDir, "assets", wasm[0]));
  const built = readFileSync(path.join(repoRoot, "build/web/sdk/callsession.wasm"));
  assert.ok(shipped.equals(built), "the app ships another wasm than the SDK build's");
  const bundle = readFileSync(path.join(outDir, script[1]), "utf8");
  assert.ok(bundle.includes(wasm[0]), "the bundle does not load the wasm it ships");
});
