// Calls through a real TURN relay: Debian's coturn on loopback with a shared secret, the server
// minting each join's credentials under CALLSESSION_TURN_SECRET, and pages that ask for relay-only
// ICE. Media must flow and both sides must have picked a relayed pair; a secret coturn does not
// share must reach the page as an error, never as a black room.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { createMeeting, launchBrowser, loginAs, waitFor } from "./support/harness.mjs";
import { eventsOf, logInAndJoin, openSdkPage, startSdkServer, waitForVideoFrom } from "./support/sdk.mjs";
import { startTurnServer } from "./support/turn.mjs";

const secret = `e2e-turn-${randomBytes(12).toString("hex")}`;
const relayOnly = { settings: { iceTransportPolicy: "relay" } };

let turn;
let browser;
before(async () => {
  turn = await startTurnServer({ secret });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await turn?.stop();
});

// A callsession server that hands out `turn`'s URL with credentials minted under `turnSecret`,
// and ada and bob on their own pages in one of its meetings, joined relay-only.
async function relayedCall(turnSecret) {
  const server = await startSdkServer({
    env: { CALLSESSION_TURN_URLS: turn.url, CALLSESSION_TURN_SECRET: turnSecret },
  });
  const { authToken } = await loginAs(server, "organiser");
  const { sessionId } = await createMeeting(server, authToken);
  const ada = await openSdkPage(browser, server);
  const bob = await openSdkPage(browser, server);
  await logInAndJoin(ada.page, "ada", sessionId, relayOnly);
  await logInAndJoin(bob.page, "bob", sessionId, relayOnly);
  return {
    server,
    ada,
    bob,
    async close() {
      await Promise.all([ada.context.close(), bob.context.close()]);
      await server.stop();
    },
  };
}

// Per open peer connection: the candidate types of the pair ICE selected (null before one is),
// the types of every local candidate, and the ICE servers it was given.
const iceOf = (page) =>
  page.evaluate(async () => {
    const peers = window.opened.peers.filter((peer) => peer.connectionState !== "closed");
    return Promise.all(
      peers.map(async (peer) => {
        const stats = [...(await peer.getStats()).values()];
        const byId = new Map(stats.map((report) => [report.id, report]));
        const transport = stats.find((report) => report.type === "transport" && report.selectedCandidatePairId);
        const pair = transport && byId.get(transport.selectedCandidatePairId);
        return {
          selected: pair && [byId.get(pair.localCandidateId).candidateType, byId.get(pair.remoteCandidateId).candidateType],
          localTypes: [...new Set(stats.filter((r) => r.type === "local-candidate").map((r) => r.candidateType))],
          iceServers: peer.getConfiguration().iceServers,
          policy: peer.getConfiguration().iceTransportPolicy,
        };
      }),
    );
  });

test("relay-only: two tabs call through coturn, and both select a relayed candidate pair", async () => {
  const call = await relayedCall(secret);
  try {
    await waitForVideoFrom(call.ada.page, "bob");
    await waitForVideoFrom(call.bob.page, "ada");
    for (const side of [call.ada, call.bob]) {
      const [ice, ...others] = await waitFor("a selected candidate pair", async () => {
        const peers = await iceOf(side.page);
        return peers.length === 1 && peers[0].selected ? peers : null;
      });
      assert.deepEqual(others, []);
      assert.deepEqual(ice.selected, ["relay", "relay"]);
      assert.deepEqual(ice.localTypes, ["relay"]); // no host address ever offered to the other side
      assert.equal(ice.policy, "relay");
      assert.deepEqual(await eventsOf(side.page, "onError"), []);
      assert.deepEqual(side.errors, []);
      // The credentials the page got are the server's to mint and the page's to use, not to log.
      const [relay] = ice.iceServers;
      assert.deepEqual(relay.urls, [turn.url]);
      assert.match(relay.username, /^\d+:(ada|bob)$/);
      const serverLog = call.server.log.join("");
      assert.ok(!serverLog.includes(relay.credential), "the TURN password is in the server log");
      assert.ok(!serverLog.includes(secret), "the TURN secret is in the server log");
    }
  } finally {
    await call.close();
  }
});

test("a TURN secret coturn does not share: each page gets ERROR_RELAY_REFUSED", async () => {
  const call = await relayedCall(`not-${secret}`);
  try {
    for (const side of [call.ada, call.bob]) {
      const [refusal] = await waitFor("an onError", async () => {
        const errors = await eventsOf(side.page, "onError");
        return errors.length > 0 ? errors : null;
      });
      assert.equal(refusal.error.code, "ERROR_RELAY_REFUSED");
      assert.match(refusal.error.message, /401/);
      assert.match(refusal.error.message, /CALLSESSION_TURN_SECRET/);
    }
  } finally {
    await call.close();
  }
});
