// Bundles tests/web/fixtures/hook-app.jsx with development React, so StrictMode double-runs effects.
// `sdk: "fake"` puts the fake SDK in the bundle (a script for any page); `sdk: "real"` leaves
// "callsession" to the page's import map (a module for a page served by the real server).
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

export async function bundleHookApp({ sdk }) {
  const built = await esbuild.build({
    entryPoints: [path.join(fixtures, "hook-app.jsx")],
    bundle: true,
    write: false,
    format: sdk === "fake" ? "iife" : "esm",
    jsx: "automatic",
    ...(sdk === "fake"
      ? { alias: { callsession: path.join(fixtures, "fake-callsession.js") } }
      : { external: ["callsession"] }),
    define: { "process.env.NODE_ENV": '"development"' },
    logLevel: "warning",
  });
  return built.outputFiles[0].text;
}
