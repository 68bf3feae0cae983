// The in-call features across two tabs, each control seen from the other side: mute, pause,
// voice-only sessions, device switches, screen sharing, layouts and the hide settings.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createMeeting, loginAs, waitFor } from "./support/harness.mjs";
import { eventsOf, logInAndJoin, openSdkPage, waitForAllClosed, waitForVideoFrom, withSdkServerAndBrowser } from "./support/sdk.mjs";

let server;
let browser;
withSdkServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

// ada and bob in one call, seeing each other; `adaSettings` are ada's join settings.
async function twoInACall(adaSettings = {}) {
  const { authToken } = await loginAs(server, "organiser");
  const { sessionId } = await createMeeting(server, authToken);
  const ada = await openSdkPage(browser, server);
  const bob = await openSdkPage(browser, server);
  await logInAndJoin(ada.page, "ada", sessionId, { settings: adaSettings });
  await logInAndJoin(bob.page, "bob", sessionId);
  await waitForVideoFrom(ada.page, "bob");
  return { ada, bob, close: () => Promise.all([ada.context.close(), bob.context.close()]) };
}

const call = (page, name, ...args) => page.evaluate(({ name, args }) => window.sdk[name](...args), { name, args });

// The marks on a participant's tile ("" for oneself), as the page shows them.
const tileOf = (page, uid) =>
  page.evaluate((uid) => {
    const tile = document.querySelector(`#room [data-participant="${CSS.escape(uid)}"]`);
    if (!tile) return null;
    const video = tile.querySelector("video");
    const avatar = tile.querySelector("[data-avatar]");
    return {
      audioMuted: tile.hasAttribute("data-audio-muted"),
      videoPaused: tile.hasAttribute("data-video-paused"),
      pinned: tile.hasAttribute("data-pinned"),
      hasVideo: video !== null,
      videoVisible: video !== null && getComputedStyle(video).visibility === "visible",
      avatarVisible: avatar !== null && getComputedStyle(avatar).display !== "none",
      label: tile.textContent,
      rect: (({ x, y, width, height }) => ({ x, y, width, height }))(tile.getBoundingClientRect()),
    };
  }, uid);

// The average colour of the picture the page shows for `uid`.
const colourOf = (page, uid) =>
  page.evaluate((uid) => {
    const video = document.querySelector(`video[data-uid="${CSS.escape(uid)}"]`);
    const canvas = Object.assign(document.createElement("canvas"), { width: 32, height: 18 });
    const context = canvas.getContext("2d");
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < pixels.length; i += 4) for (let c = 0; c < 3; ++c) sum[c] += pixels[i + c];
    return sum.map((total) => Math.round(total / (pixels.length / 4)));
  }, uid);
const isMagenta = ([r, g, b]) => r > 180 && g < 90 && b > 180;

// What the page sends: the track of `kind` on each of its peer connections' senders.
const sentTracks = (page, kind) =>
  page.evaluate(
    (kind) =>
      window.opened.peers
        .filter((peer) => peer.signalingState !== "closed")
        .map((peer) => peer.getSenders().find((sender) => sender.track?.kind === kind)?.track)
        .map((track) => track && { id: track.id, label: track.label, readyState: track.readyState }),
    kind,
  );

// Every track the page opened of `kind`, in order.
const openedTracks = (page, kind) =>
  page.evaluate(
    (kind) =>
      window.opened.tracks
        .filter((track) => track.kind === kind)
        .map((track) => ({ id: track.id, label: track.label, readyState: track.readyState })),
    kind,
  );

// Audio packets bob has received from ada so far.
const audioPacketsReceived = (page) =>
  page.evaluate(async () => {
    let packets = 0;
    for (const peer of window.opened.peers) {
      if (peer.signalingState === "closed") continue;
      (await peer.getStats()).forEach((report) => {
        if (report.type === "inbound-rtp" && report.kind === "audio") packets += report.packetsReceived;
      });
    }
    return packets;
  });

async function waitForAudioFlowing(page) {
  const before = await audioPacketsReceived(page);
  await waitFor("audio packets to keep arriving", async () => (await audioPacketsReceived(page)) > before + 10);
}

test("a mute is seen on the other side's tile and list, and an unmute clears it", async () => {
  const { ada, bob, close } = await twoInACall();
  try {
    await ada.page.click("#room [data-action=toggle-audio]");
    assert.deepEqual(await eventsOf(ada.page, "onAudioMuted"), [{ uid: "ada", muted: true, isLocal: true }]);
    await waitFor("bob to see ada's tile muted", async () => (await tileOf(bob.page, "ada")).audioMuted);
    assert.deepEqual(await eventsOf(bob.page, "onAudioMuted"), [{ uid: "ada", muted: true, isLocal: false }]);
    const list = (await eventsOf(bob.page, "onParticipantListChanged")).at(-1).participants;
    assert.equal(list.find((participant) => participant.uid === "ada").audioMuted, true);
    assert.equal((await tileOf(ada.page, "")).audioMuted, true);

    assert.deepEqual(await call(ada.page, "unmuteAudio"), { data: null, error: null });
    await waitFor("bob to see ada unmuted", async () => !(await tileOf(bob.page, "ada")).audioMuted);
  } finally {
    await close();
  }
});

test("a paused video shows the name instead of the picture on the other side", async () => {
  const { ada, bob, close } = await twoInACall();
  try {
    await waitForVideoFrom(bob.page, "ada");
    await ada.page.click("#room [data-action=toggle-video]");
    assert.deepEqual(await eventsOf(ada.page, "onVideoPaused"), [{ uid: "ada", paused: true, isLocal: true }]);
    await waitFor("bob to see ada paused", async () => (await tileOf(bob.page, "ada")).videoPaused);
    assert.deepEqual(await eventsOf(bob.page, "onVideoPaused"), [{ uid: "ada", paused: true, isLocal: false }]);
    const paused = await tileOf(bob.page, "ada");
    assert.equal(paused.videoVisible, false);
    assert.equal(paused.avatarVisible, true);
    assert.equal(await ada.page.getAttribute("#room [data-action=toggle-video]", "aria-pressed"), "true");

    assert.deepEqual(await call(ada.page, "resumeVideo"), { data: null, error: null });
    await waitFor("bob to see ada's video again", async () => (await tileOf(bob.page, "ada")).videoVisible);
    assert.equal((await tileOf(bob.page, "ada")).avatarVisible, false);
    await waitForVideoFrom(bob.page, "ada");
  } finally {
    await close();
  }
});

test("startAudioMuted and startVideoPaused hold from the start", async () => {
  const { ada, bob, close } = await twoInACall({ startAudioMuted: true, startVideoPaused: true });
  try {
    const own = await tileOf(ada.page, "");
    assert.equal(own.audioMuted, true);
    assert.equal(own.videoPaused, true);
    // The tracks every peer connection was given were off before the first frame.
    const enabled = await ada.page.evaluate(() =>
      window.opened.peers.flatMap((peer) => peer.getSenders().map((sender) => sender.track.enabled)),
    );
    assert.deepEqual(enabled, [false, false]);
    await waitFor("bob to see ada muted and paused", async () => {
      const tile = await tileOf(bob.page, "ada");
      return tile.audioMuted && tile.videoPaused && tile.avatarVisible;
    });
    assert.equal(await ada.page.getAttribute("#room [data-action=toggle-audio]", "aria-pressed"), "true");
  } finally {
    await close();
  }
});

test("a VOICE session never opens a camera and the other side shows a name tile", async () => {
  const { ada, bob, close } = await twoInACall({ sessionType: "VOICE" });
  try {
    assert.deepEqual(await openedTracks(ada.page, "video"), []);
    assert.equal(await ada.page.locator("#room video[data-local]").count(), 0);
    const own = await tileOf(ada.page, "");
    assert.equal(own.hasVideo, false);
    assert.equal(own.avatarVisible, true);
    assert.equal(await ada.page.locator("#room [data-action=toggle-video]").count(), 0);
    assert.equal(await ada.page.locator("#room [data-action=share-screen]").count(), 0);
    assert.equal((await call(ada.page, "resumeVideo")).error.code, "ERROR_SETTINGS_INVALID");

    await waitFor("bob to see ada as a name tile", async () => (await tileOf(bob.page, "ada")).avatarVisible);
    assert.equal((await tileOf(bob.page, "ada")).videoVisible, false);
    await waitForAudioFlowing(bob.page);
  } finally {
    await close();
  }
});

test("getDevices lists microphones and cameras with ids and labels", async () => {
  const { ada, close } = await twoInACall();
  try {
    const { data, error } = await call(ada.page, "getDevices");
    assert.equal(error, null);
    assert.ok(data.audioInputs.length >= 1 && data.videoInputs.length >= 1);
    for (const device of [...data.audioInputs, ...data.videoInputs]) {
      assert.deepEqual(Object.keys(device).sort(), ["deviceId", "label"]);
      assert.ok(device.deviceId && device.label);
    }
  } finally {
    await close();
  }
});

test("switching the microphone and camera keeps media flowing on the same connection", async () => {
  const { ada, bob, close } = await twoInACall();
  try {
    await waitForVideoFrom(bob.page, "ada");
    const { data } = await call(ada.page, "getDevices");
    const peersBefore = await ada.page.evaluate(() => window.opened.peers.length);
    const [oldAudio] = await sentTracks(ada.page, "audio");
    const [oldVideo] = await sentTracks(ada.page, "video");

    const microphone = data.audioInputs.at(-1);
    assert.deepEqual(await call(ada.page, "setAudioInput", microphone.deviceId), { data: null, error: null });
    await waitFor("the new microphone on the connection", async () => (await sentTracks(ada.page, "audio"))[0].id !== oldAudio.id);
    const [newAudio] = await sentTracks(ada.page, "audio");
    assert.equal(newAudio.label, microphone.label);
    assert.equal(newAudio.readyState, "live");
    await waitFor("the old microphone stopped", async () =>
      (await openedTracks(ada.page, "audio")).find((track) => track.id === oldAudio.id).readyState === "ended",
    );
    await waitForAudioFlowing(bob.page);

    const camera = data.videoInputs.at(-1);
    assert.deepEqual(await call(ada.page, "setVideoInput", camera.deviceId), { data: null, error: null });
    await waitFor("the new camera on the connection", async () => (await sentTracks(ada.page, "video"))[0].id !== oldVideo.id);
    assert.equal(
      (await openedTracks(ada.page, "video")).find((track) => track.id === oldVideo.id).readyState,
      "ended",
    );
    await waitForVideoFrom(bob.page, "ada");
    assert.equal(await ada.page.evaluate(() => window.opened.peers.length), peersBefore);  // no new connection

    assert.equal((await call(ada.page, "setVideoInput", "no-such-camera")).error.code, "ERROR_MEDIA_PERMISSION_DENIED");
    assert.deepEqual(ada.errors, []);
  } finally {
    await close();
  }
});

test("the share-screen control sends the browser's screen capture and stopping sends the camera again", async () => {
  const { ada, bob, close } = await twoInACall();
  try {
    const [camera] = await sentTracks(ada.page, "video");
    await ada.page.click("#room [data-action=share-screen]");
    await waitFor("ada to send a screen", async () => (await sentTracks(ada.page, "video"))[0].label.startsWith("screen:"));
    await waitFor("the control to show sharing", async () =>
      (await ada.page.getAttribute("#room [data-action=share-screen]", "aria-pressed")) === "true",
    );
    await waitForVideoFrom(bob.page, "ada");

    await ada.page.click("#room [data-action=share-screen]");
    await waitFor("ada to send the camera again", async () => (await sentTracks(ada.page, "video"))[0].id === camera.id);
    const screens = (await openedTracks(ada.page, "video")).filter((track) => track.label.startsWith("screen:"));
    assert.deepEqual(screens.map((track) => track.readyState), ["ended"]);
    await waitForVideoFrom(bob.page, "ada");
  } finally {
    await close();
  }
});

test("a shared screen arrives on the other side, and ending it from the browser brings the camera back", async () => {
  const { ada, bob, close } = await twoInACall();
  try {
    await waitForVideoFrom(bob.page, "ada");
    assert.equal(isMagenta(await colourOf(bob.page, "ada")), false);
    await ada.page.evaluate(() => (window.paintedScreen = "#ff00ff"));
    assert.deepEqual(await call(ada.page, "startScreenSharing"), { data: null, error: null });
    await waitFor("bob to see ada's magenta screen", async () => isMagenta(await colourOf(bob.page, "ada")));

    // The browser's own "Stop sharing" ends the track; the SDK hears it as `ended`.
    await ada.page.evaluate(() => {
      const screen = window.opened.tracks.at(-1);
      screen.dispatchEvent(new Event("ended"));
    });
    await waitFor("bob to see ada's camera again", async () => !isMagenta(await colourOf(bob.page, "ada")));
    assert.equal(await ada.page.getAttribute("#room [data-action=share-screen]", "aria-pressed"), "false");
    assert.deepEqual(await call(ada.page, "stopScreenSharing"), { data: null, error: null });

    await call(ada.page, "leaveSession");
    await waitForAllClosed(ada.page);
  } finally {
    await close();
  }
});

test("the layout control cycles the layouts and a click pins a tile to the large slot", async () => {
  const { ada, close } = await twoInACall();
  try {
    const control = "#room [data-action=layout]";
    for (let click = 0; click < 3; ++click) await ada.page.click(control);
    assert.deepEqual(
      (await eventsOf(ada.page, "onCallLayoutChanged")).map((event) => event.layout),
      ["SIDEBAR", "SPOTLIGHT", "TILE"],
    );
    const tile = [await tileOf(ada.page, ""), await tileOf(ada.page, "bob")];
    assert.equal(tile[0].rect.width, tile[1].rect.width);

    assert.deepEqual(await call(ada.page, "setLayout", "SPOTLIGHT"), { data: null, error: null });
    assert.ok((await tileOf(ada.page, "bob")).rect.width > (await tileOf(ada.page, "")).rect.width * 2);
    await ada.page.click(`#room [data-participant=""]`);
    const pinned = await tileOf(ada.page, "");
    assert.equal(pinned.pinned, true);
    assert.ok(pinned.rect.width > (await tileOf(ada.page, "bob")).rect.width * 2);
    assert.equal((await call(ada.page, "setLayout", "GRID")).error.code, "ERROR_SETTINGS_INVALID");
  } finally {
    await close();
  }
});

test("the control bar covers no tile, in every layout", async () => {
  const { ada, close } = await twoInACall();
  try {
    // Rectangles of the bar and of every tile, and whether any pair of them overlaps.
    const overlaps = () =>
      ada.page.evaluate(() => {
        const rectOf = (element) => element.getBoundingClientRect();
        const bar = rectOf(document.querySelector("#room [data-callsession-controls]"));
        return [...document.querySelectorAll("#room [data-participant]")]
          .map(rectOf)
          .filter((tile) => tile.left < bar.right && bar.left < tile.right && tile.top < bar.bottom && bar.top < tile.bottom)
          .map(({ x, y, width, height }) => ({ x, y, width, height }));
      });
    for (const layout of ["TILE", "SIDEBAR", "SPOTLIGHT"]) {
      assert.deepEqual(await call(ada.page, "setLayout", layout), { data: null, error: null });
      assert.deepEqual(await overlaps(), [], layout);
    }
  } finally {
    await close();
  }
});

test("hideControlPanel and the hide…Button settings remove those controls", async () => {
  const { ada, close } = await twoInACall({
    hideLeaveSessionButton: true,
    hideToggleAudioButton: true,
    hideToggleVideoButton: true,
  });
  try {
    const actions = await ada.page.$$eval("#room [data-action]", (buttons) => buttons.map((b) => b.dataset.action));
    assert.deepEqual(actions, ["share-screen", "layout"]);
  } finally {
    await close();
  }
  const hidden = await twoInACall({ hideControlPanel: true });
  try {
    assert.equal(await hidden.ada.page.locator("#room [data-action]").count(), 0);
    assert.equal(await hidden.bob.page.locator("#room [data-action]").count(), 5);
  } finally {
    await hidden.close();
  }
});
