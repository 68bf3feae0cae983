// Several server nodes as one deployment (issue 9): each serves the SDK test page like
// startSdkServer, and all share one Redis (rooms) and one fresh PostgreSQL database (meetings,
// used tokens), from the servers scripts/test.sh starts (scripts/redis.sh, scripts/postgres.sh).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { startSdkServer } from "./sdk.mjs";

// These suites must fail, never pass by skipping, when run without the servers they need.
export function requiredEnv(name, starter) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is unset: run the suites through \`npm test\`, which starts the server (${starter})`);
  }
  return value;
}

// One administrative statement on the PostgreSQL server's maintenance database, as
// tests/server/postgres_database.cpp does for the C++ suites.
const administer = (server, sql) =>
  promisify(execFile)("psql", [`${server} dbname=postgres`, "--quiet", "--no-psqlrc", "--command", sql], {
    timeout: 30_000,
  });

// A database of its own, so that no run sees another's meetings or used tokens; `drop` ends it.
export async function freshPostgresDatabase() {
  const server = requiredEnv("CALLSESSION_TEST_POSTGRES", "scripts/postgres.sh start");
  const name = `callsession_e2e_${randomBytes(8).toString("hex")}`;
  await administer(server, `CREATE DATABASE ${name}`);
  return {
    url: `${server} dbname=${name}`,
    drop: () => administer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

// `count` nodes on their own ports: the same Redis, database, auth key (startServer's) and token
// signing secret, so that a token minted at one node verifies at another. `stop` ends every node
// (killed ones too) and drops the database.
export async function startSdkNodes(count, { env = {} } = {}) {
  const redis = requiredEnv("CALLSESSION_TEST_REDIS", "scripts/redis.sh start");
  const database = await freshPostgresDatabase();
  const shared = {
    CALLSESSION_REDIS_URL: redis,
    CALLSESSION_DATABASE_URL: database.url,
    CALLSESSION_SECRET: randomBytes(32).toString("hex"),
    ...env,
  };
  const nodes = [];
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await database.drop();
  };
  try {
    for (let i = 0; i < count; i++) nodes.push(await startSdkServer({ env: shared }));
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes, stop };
}
