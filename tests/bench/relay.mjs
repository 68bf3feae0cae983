// Server rows of the benchmark: the same load generator, with the same traffic, against
// callsession-server and against the Node `ws` reference relay, one after the other in this run.
// Traffic is either offered at `rate` signals per participant per second (latency at a load both
// carry) or saturating, `window` signals in flight per participant, each passed on as it arrives
// (throughput: as fast as the relay and the generator together go).
//
// The generator shares the machine with the relay, so achieved throughput at saturation is bounded
// by whichever of the two is slower. The generator therefore also reports each relay's CPU time
// over exactly the measured window: messages relayed per server CPU-second is what the relay itself
// costs, comparable between the two relays whoever was the limit. With `pinned`, relay and
// generator run on separate cores (taskset), so neither takes CPU from the other.
import { execFile, spawn } from "node:child_process";
import { cpus } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { NO_LIMITS, TEST_AUTH_KEY, freePort, repoRoot, startServer } from "../e2e/support/harness.mjs";

const run = promisify(execFile);
const loadgen = path.join(repoRoot, "build/native/tests/load/callsession-loadgen");

// Pinned runs put the relay (all its threads) on core 0 and the generator on core 1.
export const canPin = () => cpus().length >= 2;
const RELAY_CORE = "0";
const GENERATOR_CORE = "1";

async function generate(port, pid, { connections, rate = 0, window = 0, seconds, pinned }, extra = []) {
  const args = [`--port=${port}`, `--server-pid=${pid}`, `--connections=${connections}`,
    "--room-size=4", `--rate=${rate}`, `--window=${window}`, `--seconds=${seconds}`, "--churn=0", ...extra];
  const [command, commandArgs] = pinned ? ["taskset", ["-c", GENERATOR_CORE, loadgen, ...args]] : [loadgen, args];
  const { stdout } = await run(command, commandArgs, { maxBuffer: 1 << 20 }).catch((error) => error);
  return JSON.parse(stdout.trim().split("\n").pop());
}

async function pin(pid) {
  await run("taskset", ["-a", "-cp", RELAY_CORE, String(pid)]);
}

async function startReference() {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repoRoot, "tests/bench/reference-relay.mjs"), String(port)],
    { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve) => child.stdout.once("data", resolve));
  return { port, pid: child.pid, stop: () => new Promise((resolve) => { child.once("exit", resolve); child.kill(); }) };
}

// Returns {callsession, reference} load-generator reports for one size.
export async function measureRelay(load) {
  const server = await startServer({ env: NO_LIMITS });
  let callsession;
  try {
    if (load.pinned) await pin(server.process.pid);
    callsession = await generate(server.port, server.process.pid, load, [`--auth-key=${TEST_AUTH_KEY}`]);
  } finally {
    await server.stop();
  }
  const reference = await startReference();
  try {
    if (load.pinned) await pin(reference.pid);
    return { callsession, reference: await generate(reference.port, reference.pid, load, ["--reference"]) };
  } finally {
    await reference.stop();
  }
}
