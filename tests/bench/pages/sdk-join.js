// The same measurement through the callsession SDK, exactly as an app uses it (CONTRACT.md §4).
// Login and token come first and are not timed: the baseline also starts with a token in hand.
import { firstDecodedFrame } from "./first-frame.js";

const sdk = () => import("/sdk/callsession.mjs").then((module) => module.CallSession);

function container() {
  let element = document.getElementById("room");
  if (!element) {
    element = document.createElement("div");
    element.id = "room";
    document.body.append(element);
  }
  return element;
}

function remoteVideo(element) {
  return new Promise((resolve) => {
    const find = () => element.querySelector("video[data-uid]");
    if (find()) return resolve(find());
    const observer = new MutationObserver(() => {
      if (find()) {
        observer.disconnect();
        resolve(find());
      }
    });
    observer.observe(element, { childList: true, subtree: true });
  });
}

// Resolves with a token for `sessionId`, logged in as `uid`.
window.sdkPrepare = async (authKey, uid, sessionId) => {
  const CallSession = await sdk();
  const steps = [await CallSession.init({ appId: "bench", authKey }), await CallSession.login(uid)];
  const failed = steps.find((step) => step.error);
  if (failed) throw new Error(failed.error.code);
  const { token, error } = await CallSession.generateToken(sessionId);
  if (error) throw new Error(error.code);
  return token;
};

// Joins with a prepared token; resolves with ms from the call to the first decoded remote frame
// (or 0 when nobody else is in the room yet).
window.sdkJoin = async (token, expectRemote) => {
  const CallSession = await sdk();
  const element = container();
  const startedAt = performance.now();
  const frame = expectRemote
    ? remoteVideo(element).then((video) => firstDecodedFrame(video, startedAt))
    : Promise.resolve(0);
  const { error } = await CallSession.joinSession(token, {}, element);
  if (error) throw new Error(error.code);
  return frame;
};

// Starts listening for the next participant to leave; `window.departure` then resolves with its
// epoch milliseconds (high resolution, comparable across pages of one machine). Armed before the
// leave is asked for: a leave over loopback can arrive before a listener added alongside it.
window.sdkArmDeparture = async () => {
  const CallSession = await sdk();
  window.departure = new Promise((resolve) => {
    const unsubscribe = CallSession.addEventListener("onParticipantLeft", () => {
      unsubscribe();
      resolve(performance.timeOrigin + performance.now());
    });
  });
};

window.sdkLeave = async () => {
  const CallSession = await sdk();
  const leftAt = performance.timeOrigin + performance.now();
  await CallSession.leaveSession();
  return leftAt;
};
