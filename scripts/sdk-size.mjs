// Measures what a page downloads for the SDK: raw and gzip bytes of the wasm and of each bundle
// (glue + JS wrapper), and the total a page loads with one bundle. A measurement, not a test; the
// target (issue 4) is at most 64 KB gzip for wasm + glue + wrapper.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const sdk = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../build/web/sdk");
const TARGET = 64 * 1024;

const measure = (name) => {
  const bytes = readFileSync(path.join(sdk, name));
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const row = ({ name, raw, gzip }) => console.log(`${name.padEnd(28)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)}`);

const wasm = measure("callsession.wasm");
const bundles = [measure("callsession.mjs"), measure("callsession.js")];
console.log(`${"file".padEnd(28)} ${"raw".padStart(10)} ${"gzip".padStart(10)}`);
for (const file of [wasm, ...bundles]) row(file);
for (const bundle of bundles) {
  const total = { name: `total: wasm + ${bundle.name}`, raw: wasm.raw + bundle.raw, gzip: wasm.gzip + bundle.gzip };
  row(total);
  console.log(`${"".padEnd(28)} ${total.gzip <= TARGET ? "within" : "over"} the ${kb(TARGET)} gzip target by ${kb(Math.abs(TARGET - total.gzip))}`);
}
