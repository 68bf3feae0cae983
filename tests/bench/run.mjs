// `npm run bench`: where callsession stands against the alternatives, all measured in this one run
// on this machine, printed as a table and written to build/bench/results.json. It asserts nothing
// about timings; `--smoke` runs one iteration to prove the script still works (CI runs that).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import {
  NO_LIMITS, TEST_AUTH_KEY, api, createMeeting, launchBrowser, loginAs, repoRoot, startServer, waitFor,
} from "../e2e/support/harness.mjs";
import { canPin, measureRelay } from "./relay.mjs";
import { median, summarize } from "./stats.mjs";

const smoke = process.argv.includes("--smoke");
// `--relay-only`: only the server relay rows (no browser), for working on the server.
const relayOnly = process.argv.includes("--relay-only");
const iterations = smoke ? 1 : Number(process.env.BENCH_ITERATIONS ?? 10);
const pagesDir = path.join(repoRoot, "tests/bench/pages");
const sdkDir = path.join(repoRoot, "build/web/sdk");
const epochNow = () => performance.timeOrigin + performance.now();

// One participant's page, from the server's own origin: the pages reach /ws and /sdk/ same-origin,
// as an app would. (A document Playwright fulfils itself has no network origin, and Chromium's
// local-network checks then refuse its connections to 127.0.0.1.)
async function benchPage(browser, server) {
  const context = await browser.newContext({ permissions: ["camera", "microphone"] });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error("page error:", error.message));
  await page.goto(`${server.url}/bench/bench.html`);
  await page.waitForFunction(() => window.baselineJoin && window.floorConnect && window.sdkJoin);
  return { page, close: () => context.close() };
}

// The production web build with the benchmark pages beside it, in a folder of its own.
function benchWebRoot() {
  const root = mkdtempSync(path.join(tmpdir(), "callsession-bench-"));
  cpSync(path.join(repoRoot, "build/web"), root, { recursive: true });
  cpSync(pagesDir, path.join(root, "bench"), { recursive: true });
  return root;
}

// A step that does not finish in time fails naming itself: a call that never comes up must end
// the iteration with a reason, not hold the run (and CI) until it is killed.
const STEP_TIMEOUT_MS = 30_000;
function step(name, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: no result in ${STEP_TIMEOUT_MS} ms`)), STEP_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function roomOfTwo(server) {
  const [host, guest] = [await loginAs(server, "bench-a"), await loginAs(server, "bench-b")];
  const { sessionId } = await createMeeting(server, host.authToken, { strategy: "uuid" });
  return { sessionId, host, guest };
}

async function tokenFor(server, login, sessionId) {
  const { status, body } = await api(server, "POST", `/api/meetings/${sessionId}/token`, {
    authToken: login.authToken,
  });
  if (status !== 200) throw new Error(`token: ${status} ${JSON.stringify(body)}`);
  return body.token;
}

async function participantsIn(server, sessionId) {
  return (await api(server, "GET", `/api/meetings/${sessionId}/participants`)).body ?? [];
}

async function measureFloor(browser, server) {
  const one = await benchPage(browser, server);
  try {
    return await one.page.evaluate(() => window.floorConnect());
  } finally {
    await one.close();
  }
}

async function measureBaseline(browser, server) {
  const { sessionId, host, guest } = await roomOfTwo(server);
  const [a, b] = [await benchPage(browser, server), await benchPage(browser, server)];
  try {
    const hostToken = await tokenFor(server, host, sessionId);
    const guestToken = await tokenFor(server, guest, sessionId);
    a.page.evaluate((token) => window.baselineJoin(token), hostToken).catch(() => {});
    await waitFor("baseline host in room", async () => (await participantsIn(server, sessionId)).length === 1);
    return await step("baseline guest's first frame", b.page.evaluate((token) => window.baselineJoin(token), guestToken));
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

// One SDK call: join → first frame, then graceful leave → seen gone, then abrupt close → removal.
async function measureSdk(browser, server) {
  const { sessionId } = await roomOfTwo(server);
  const [a, b] = [await benchPage(browser, server), await benchPage(browser, server)];
  try {
    const prepare = (page, uid) =>
      page.evaluate(([key, u, s]) => window.sdkPrepare(key, u, s), [TEST_AUTH_KEY, uid, sessionId]);
    await step("SDK host join", a.page.evaluate((token) => window.sdkJoin(token, false), await prepare(a.page, "bench-a")));
    const joinToFrame = await step("SDK guest's first frame",
      b.page.evaluate((token) => window.sdkJoin(token, true), await prepare(b.page, "bench-b")));

    await b.page.evaluate(() => window.sdkArmDeparture());
    const seenGone = b.page.evaluate(() => window.departure);
    seenGone.catch(() => {});  // if what follows fails, report that failure, not this one
    const leftAt = await step("SDK host leave", a.page.evaluate(() => window.sdkLeave()));
    const gracefulLeave = (await step("guest sees the host leave", seenGone)) - leftAt;

    await step("SDK host rejoin", a.page.evaluate((token) => window.sdkJoin(token, false), await prepare(a.page, "bench-a")));
    await waitFor("host back in room", async () => (await participantsIn(server, sessionId)).length === 2);
    await b.page.evaluate(() => window.sdkArmDeparture());
    const seenVanished = b.page.evaluate(() => window.departure);
    seenVanished.catch(() => {});
    const closedAt = epochNow();
    await a.close();
    const abruptClose = (await step("guest sees the closed host gone", seenVanished)) - closedAt;
    return { joinToFrame, gracefulLeave, abruptClose };
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

async function measureSdkLoad(browser, server) {
  const one = await benchPage(browser, server);
  try {
    return await one.page.evaluate(async (key) => {
      const startedAt = performance.now();
      const { CallSession } = await import("/sdk/callsession.mjs");
      const { error } = await CallSession.init({ appId: "bench", authKey: key });
      if (error) throw new Error(error.code);
      return performance.now() - startedAt;
    }, TEST_AUTH_KEY);
  } finally {
    await one.close();
  }
}

function sdkWeight() {
  const files = ["callsession.mjs", "callsession.js", "callsession.wasm"];
  const rows = files.map((name) => {
    const bytes = readFileSync(path.join(sdkDir, name));
    return { file: name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  // A page downloads one of the two JS builds plus the wasm.
  const pageGzip = rows.find((r) => r.file === "callsession.mjs").gzip + rows.find((r) => r.file === "callsession.wasm").gzip;
  return { files: rows, pageGzip };
}

const fmt = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : "n/a");
const ratio = (a, b) => (Number.isFinite(a) && b > 0 ? `${(a / b).toFixed(2)}×` : "n/a");

// Machines of one kind can differ several-fold in these figures; the results say which ran them.
let chromiumVersion = null;
const samples = { floor: [], baseline: [], sdk: [], gracefulLeave: [], abruptClose: [], sdkLoad: [] };
const failures = [];
if (!relayOnly) await measureBrowserRows();

async function measureBrowserRows() {
  const webRoot = benchWebRoot();
  const server = await startServer({ webRoot, env: NO_LIMITS });
  const browser = await launchBrowser();
  chromiumVersion = browser.version();
  try {
    for (let i = 0; i < iterations; ++i) {
      // A failed iteration is reported (here and in results.json) and tried once more; the run fails
      // if that fails too.
      for (let attempt = 1; ; ++attempt) {
        try {
          const floor = await measureFloor(browser, server);
          // The two take turns going first, so that whatever the first leaves behind (contexts
          // still winding down, a warmer browser) weighs on both sides alike.
          let baseline, sdk;
          if (i % 2 === 0) {
            baseline = await measureBaseline(browser, server);
            sdk = await measureSdk(browser, server);
          } else {
            sdk = await measureSdk(browser, server);
            baseline = await measureBaseline(browser, server);
          }
          const sdkLoad = await measureSdkLoad(browser, server);
          samples.floor.push(floor);
          samples.baseline.push(baseline);
          samples.sdk.push(sdk.joinToFrame);
          samples.gracefulLeave.push(sdk.gracefulLeave);
          samples.abruptClose.push(sdk.abruptClose);
          samples.sdkLoad.push(sdkLoad);
          break;
        } catch (error) {
          failures.push({ iteration: i + 1, attempt, error: error.message });
          process.stderr.write(`ITERATION ${i + 1} FAILED (attempt ${attempt}): ${error.message}\n`);
          if (attempt === 2) throw error;
        }
      }
      process.stderr.write(`iteration ${i + 1}/${iterations} done\n`);
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(webRoot, { recursive: true, force: true });
  }
}

// Offered load (latency): every participant relays `rate` signals per second to the next one in its
// room. Saturation (throughput): `window` signals in flight per participant (tests/bench/relay.mjs);
// pinned: the same with the relay and the generator on separate cores.
const pinned = canPin();
const relaySizes = smoke
  ? [{ connections: 100, rate: 10, seconds: 2 }, { connections: 100, window: 1, seconds: 2, pinned }]
  : [{ connections: 1000, rate: 20, seconds: 10 }, { connections: 5000, rate: 4, seconds: 10 },
    { connections: 1000, window: 2, seconds: 10 }, { connections: 5000, window: 1, seconds: 10 },
    ...(pinned ? [{ connections: 1000, window: 2, seconds: 10, pinned }, { connections: 5000, window: 1, seconds: 10, pinned }] : [])];
const relay = [];
for (const load of relaySizes) relay.push({ ...load, ...(await measureRelay(load)) });

const results = {
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version, chromium: chromiumVersion },
  iterations,
  failures,
  joinToFirstFrame: {
    callsession: summarize(samples.sdk),
    plainJsBaseline: summarize(samples.baseline),
    floorTwoPcsOnePage: summarize(samples.floor),
    // The SDK's time over the baseline's of the same iteration: a slow stretch of the machine
    // weighs on both halves of a pair, not on one side's median.
    pairedRatio: summarize(samples.sdk.map((sdk, i) => sdk / samples.baseline[i])),
  },
  departure: { gracefulLeave: summarize(samples.gracefulLeave), abruptClose: summarize(samples.abruptClose) },
  sdk: relayOnly ? null : { ...sdkWeight(), loadAndInit: summarize(samples.sdkLoad) },
  serverRelay: relay,
};
mkdirSync(path.join(repoRoot, "build/bench"), { recursive: true });
writeFileSync(path.join(repoRoot, "build/bench/results.json"), JSON.stringify(results, null, 2));

if (!relayOnly) printBrowserRows();

function printBrowserRows() {
  const join = results.joinToFirstFrame;
  console.log(`\ncallsession benchmarks — ${iterations} iteration(s), medians (p90)`);
  console.log(`machine: ${describeMachine()}\n`);
  console.log("join → first decoded remote frame");
  for (const [label, s] of [["callsession SDK", join.callsession], ["plain-JS baseline", join.plainJsBaseline], ["floor (2 PCs, 1 page)", join.floorTwoPcsOnePage]]) {
    console.log(`  ${label.padEnd(24)} ${fmt(s.median).padStart(8)} (${fmt(s.p90)})   vs baseline ${ratio(s.median, join.plainJsBaseline.median)}`);
  }
  const paired = join.pairedRatio;
  console.log(`  SDK ÷ baseline, paired by iteration: median ${ratio(paired.median, 1)} (p90 ${ratio(paired.p90, 1)})   target ≤ 1.00×`);
  console.log("departure");
  console.log(`  graceful leave → seen    ${fmt(results.departure.gracefulLeave.median).padStart(8)} (${fmt(results.departure.gracefulLeave.p90)})   target ≤ 300 ms`);
  console.log(`  abrupt close → removed   ${fmt(results.departure.abruptClose.median).padStart(8)} (${fmt(results.departure.abruptClose.p90)})   target ≤ 3000 ms`);
  console.log("SDK weight (what a page downloads)");
  for (const row of results.sdk.files) console.log(`  ${row.file.padEnd(24)} ${String(row.raw).padStart(8)} B raw ${String(row.gzip).padStart(8)} B gzip`);
  console.log(`  page total (mjs + wasm)  ${String(results.sdk.pageGzip).padStart(8)} B gzip   target ≤ 65536; CometChat 690 KB, LiveKit 154 KB, Daily 72 KB`);
  console.log(`  load + init in browser   ${fmt(median(samples.sdkLoad)).padStart(8)}`);
}

function describeMachine() {
  const { cores, cpu, node, chromium } = results.machine;
  return `${cores} cores (${cpu}), Node ${node}${chromium ? `, Chromium ${chromium}` : ""}`;
}

if (relayOnly) console.log(`\ncallsession benchmarks — server relay only\nmachine: ${describeMachine()}\n`);
console.log("server relay (same generator, same traffic; reference = Node ws relay)");
console.log("  achieved: messages relayed per second, as limited by relay and generator together");
console.log("  per CPU-s: messages relayed per second of the relay's own CPU (all threads), over the same window");
const perConnection = (r, n) => `${(((r.serverMemoryKiB.peak - r.serverMemoryKiB.before) * 1024) / n / 1024).toFixed(1)} KB/conn`;
const perCpuSecond = (r) => (r.relayedPerServerCpuSecond > 0 ? `${r.relayedPerServerCpuSecond.toFixed(0)}/CPU-s` : "n/a");
// How busy the relay and the generator were: CPU-seconds per second of window (1.00 = one core).
const busy = (r) => `relay ${r.serverCpuPerWindowSecond.toFixed(2)} gen ${(r.generatorCpuSeconds / r.windowSeconds).toFixed(2)} cores`;
for (const row of relay) {
  const [c, r] = [row.callsession, row.reference];
  const traffic = (row.window ? `saturating (${row.window} in flight each)` : `× ${row.rate}/s`) + (row.pinned ? ", pinned" : "");
  console.log(`  ${row.connections} conns ${traffic}`);
  console.log(`    callsession ${c.relayedPerSecond.toFixed(0).padStart(7)}/s achieved ${perCpuSecond(c).padStart(13)} p99 ${(c.relayP99Micros / 1000).toFixed(1)} ms ${perConnection(c, row.connections)}  (${busy(c)})`);
  console.log(`    reference   ${r.relayedPerSecond.toFixed(0).padStart(7)}/s achieved ${perCpuSecond(r).padStart(13)} p99 ${(r.relayP99Micros / 1000).toFixed(1)} ms ${perConnection(r, row.connections)}  (${busy(r)})`);
  console.log(`    callsession ÷ reference: achieved ${ratio(c.relayedPerSecond, r.relayedPerSecond)}, per CPU-s ${ratio(c.relayedPerServerCpuSecond, r.relayedPerServerCpuSecond)}, held ${c.held}/${r.held}`);
}
console.log(`\nwritten: build/bench/results.json`);
