// Builds the web layer after the SDK bundle (build/web/sdk/) exists:
// - build/web/react/: callsession/react as an ES module for apps (React and the SDK left to the app);
// - build/web/: the pages with production React, served by default;
// - build/web-dev/: the same pages with development React, where StrictMode double-runs effects
//   (tests serve it), plus a copy of the SDK so it is a complete web root.
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const from = (...parts) => path.join(root, "web", ...parts);
const to = (...parts) => path.join(root, "build", ...parts);

const common = {
  bundle: true,
  format: "esm",
  target: "es2022",
  jsx: "automatic",
  logLevel: "warning",
  // Pages map this name to /sdk/callsession.mjs with an import map; apps' bundlers resolve the package.
  external: ["callsession"],
};

function reactPackage() {
  mkdirSync(to("web/react"), { recursive: true });
  copyFileSync(from("react/index.d.ts"), to("web/react/index.d.ts"));
  return esbuild.build({
    ...common,
    entryPoints: [from("react/index.js")],
    outfile: to("web/react/index.mjs"),
    external: [...common.external, "react", "react-dom", "react/jsx-runtime"],
  });
}

function pages(outDir, mode) {
  rmSync(path.join(outDir, "assets"), { recursive: true, force: true });
  mkdirSync(path.join(outDir, "assets"), { recursive: true });
  for (const page of ["index.html", "meet.html", "embed.html"]) copyFileSync(from("pages", page), path.join(outDir, page));
  copyFileSync(from("pages/page.css"), path.join(outDir, "assets/page.css"));
  return esbuild.build({
    ...common,
    entryPoints: ["start.js", "meet.jsx", "embed.js"].map((entry) => from("pages", entry)),
    outdir: path.join(outDir, "assets"),
    define: { "process.env.NODE_ENV": JSON.stringify(mode) },
    minify: mode === "production",
  });
}

if (!existsSync(to("web/sdk"))) throw new Error("build/web/sdk is missing: build the SDK first (web/sdk/build.mjs)");
await Promise.all([reactPackage(), pages(to("web"), "production"), pages(to("web-dev"), "development")]);
cpSync(to("web/sdk"), to("web-dev/sdk"), { recursive: true });
