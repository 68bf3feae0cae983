// Builds the SDK's browser files into build/web/sdk/ from the wasm build (bindings/, Emscripten):
// callsession.mjs (ES module), callsession.js (script tag, window.CallSession), callsession.wasm
// and callsession.d.ts. Both bundles hold the same code: web/sdk/callsession-api.js plus the
// Emscripten glue, minified by esbuild (Debian's emscripten has no closure compiler).
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const wasmBuild = path.resolve(root, process.env.CALLSESSION_WASM_BUILD ?? "build/wasm", "bindings");
// Both folders may be moved by the environment, so that parallel builds need not share one.
const outDir = path.resolve(root, process.env.CALLSESSION_SDK_OUT ?? "build/web/sdk");
const glue = path.join(wasmBuild, "callsession_wasm.js");
if (!existsSync(glue)) throw new Error(`${glue} is missing: build the wasm preset first`);

// The glue is imported by a name, resolved here to wherever the wasm build put it.
const gluePlugin = {
  name: "callsession-wasm-glue",
  setup(build) {
    build.onResolve({ filter: /^callsession-wasm-glue$/ }, () => ({ path: glue }));
  },
};

const common = {
  bundle: true,
  minify: true,
  target: "es2020",
  logLevel: "warning",
  legalComments: "none",
  plugins: [gluePlugin],
};

mkdirSync(outDir, { recursive: true });
copyFileSync(path.join(wasmBuild, "callsession_wasm.wasm"), path.join(outDir, "callsession.wasm"));
copyFileSync(path.join(root, "web/sdk/callsession.d.ts"), path.join(outDir, "callsession.d.ts"));
await Promise.all([
  esbuild.build({ ...common, entryPoints: [path.join(root, "web/sdk/entry-module.js")], format: "esm", outfile: path.join(outDir, "callsession.mjs") }),
  esbuild.build({ ...common, entryPoints: [path.join(root, "web/sdk/entry-script.js")], format: "iife", outfile: path.join(outDir, "callsession.js") }),
]);
