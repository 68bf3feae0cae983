// Two server nodes share rooms through Redis (issue 9): participants joined at different nodes see
// each other (roster, offer/answer/ICE relayed between the nodes, decoded video), either node lists
// both, a token used at one node is refused at the other, and a node killed outright has its
// participant announced gone, as vanished, at the other node within 5 s.
// Needs CALLSESSION_TEST_REDIS and CALLSESSION_TEST_POSTGRES (scripts/test.sh exports both).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { api, launchBrowser, newMeeting, waitFor, within } from "./support/harness.mjs";
import { startSdkNodes } from "./support/nodes.mjs";
import {
  eventsOf,
  generateToken,
  joinWithToken,
  leave,
  logIn,
  logInAndJoin,
  openSdkPage,
  remoteUids,
  stateOf,
  waitForVideoFrom,
} from "./support/sdk.mjs";

const VANISH_BOUND_MS = 5000; // issue 9: a killed node's participants are announced gone within 5 s
// Every step has its own deadline (waitFor, within, Playwright's 30 s); this one catches the rest.
const TEST_DEADLINE_MS = 60_000;

let nodes;
let nodeA;
let nodeB;
let browser;
before(async () => {
  nodes = await startSdkNodes(2);
  [nodeA, nodeB] = nodes.nodes;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await nodes?.stop();
});

// Meetings are created at node A; node B knows them only through the shared database.
const meetingAtNodeA = () => newMeeting(nodeA);

// Waits until `node` lists exactly `uids`, each once, as connected to the meeting; a timeout names
// the last answer.
async function waitForListed(node, sessionId, uids, what) {
  let last;
  const listed = async () => {
    last = await api(node, "GET", `/api/meetings/${sessionId}/participants`);
    return last.status === 200 && JSON.stringify(last.body.map(({ uid }) => uid).sort()) === JSON.stringify(uids);
  };
  await waitFor(what, listed, { timeoutMs: VANISH_BOUND_MS }).catch((error) => {
    throw new Error(`${error.message}; last answer: ${last?.status} ${JSON.stringify(last?.body)}`);
  });
}

// Runs before the kill below, while both nodes are up.
test("a token used for a join at node A is refused when replayed at node B", { timeout: TEST_DEADLINE_MS }, async () => {
  const sessionId = await meetingAtNodeA();
  const atA = await openSdkPage(browser, nodeA);
  const atB = await openSdkPage(browser, nodeB);
  try {
    await within("ada's login at node A", logIn(atA.page, "ada"));
    const { token, error } = await within("a token from node A", generateToken(atA.page, sessionId));
    assert.equal(error, null);
    assert.equal((await within("ada's join at node A", joinWithToken(atA.page, token))).error, null);
    await within("ada's leave at node A", leave(atA.page));
    // The same user at the other node, so that only the token's use can refuse it.
    await within("ada's login at node B", logIn(atB.page, "ada"));
    const replayed = await within("the replayed join at node B", joinWithToken(atB.page, token));
    assert.equal(replayed.error?.code, "ERROR_TOKEN_ALREADY_USED", JSON.stringify(replayed));
    assert.deepEqual(atA.errors, []);
    assert.deepEqual(atB.errors, []);
  } finally {
    await Promise.all([atA.context.close(), atB.context.close()]);
  }
});

test(
  "participants at two nodes share one room, and a killed node's participant is seen gone within 5 s",
  { timeout: TEST_DEADLINE_MS },
  async (t) => {
    const sessionId = await meetingAtNodeA();
    const ada = await openSdkPage(browser, nodeA, { bundle: "module" });
    const bob = await openSdkPage(browser, nodeB, { bundle: "script" });
    try {
      await within("ada's join at node A", logInAndJoin(ada.page, "ada", sessionId));
      await within("bob's join at node B", logInAndJoin(bob.page, "bob", sessionId));
      assert.equal(await stateOf(ada.page), "joined");
      assert.equal(await stateOf(bob.page), "joined");
      // Decoded video both ways: the offer, answer and ICE crossed from node to node.
      await waitForVideoFrom(ada.page, "bob");
      await waitForVideoFrom(bob.page, "ada");
      assert.deepEqual(await remoteUids(ada.page), ["bob"]);
      assert.deepEqual(await remoteUids(bob.page), ["ada"]);
      // Roster: bob, joining second at node B, got ada (at node A) in his first list; ada heard
      // bob join.
      const [bobsFirstList] = await eventsOf(bob.page, "onParticipantListChanged");
      assert.deepEqual(
        bobsFirstList.participants.map(({ uid, isLocal }) => [uid, isLocal]),
        [["bob", true], ["ada", false]],
      );
      assert.deepEqual((await eventsOf(ada.page, "onParticipantJoined")).map(({ uid }) => uid), ["bob"]);
      for (const [node, name] of [[nodeA, "node A"], [nodeB, "node B"]]) {
        await waitForListed(node, sessionId, ["ada", "bob"], `${name} to list ada and bob, each once`);
      }
      assert.deepEqual(ada.errors, []);
      assert.deepEqual(bob.errors, []);

      // The page's own clock stamps the departure, so polling adds nothing to the measure.
      await bob.page.evaluate(() =>
        window.sdk.addEventListener("onParticipantLeft", () => (window.departureSeenAt ??= Date.now())),
      );
      const killedAt = Date.now();
      await nodeA.kill();
      await waitFor("bob to see ada gone", () => bob.page.evaluate(() => window.departureSeenAt), {
        timeoutMs: VANISH_BOUND_MS,
      });
      const seenAfterMs = (await bob.page.evaluate(() => window.departureSeenAt)) - killedAt;
      t.diagnostic(`bob saw ada gone ${seenAfterMs} ms after node A was killed`);
      assert.ok(seenAfterMs <= VANISH_BOUND_MS, `seen after ${seenAfterMs} ms`);
      assert.deepEqual(await eventsOf(bob.page, "onParticipantLeft"), [{ uid: "ada", reason: "vanished" }]);
      await waitFor("ada's tile removed at bob's", async () => (await remoteUids(bob.page)).length === 0);
      assert.equal(await stateOf(bob.page), "joined");
      await waitForListed(nodeB, sessionId, ["bob"], "node B to list bob alone");
      assert.deepEqual(bob.errors, []);
    } finally {
      await Promise.all([ada.context.close(), bob.context.close()]);
    }
  },
);
