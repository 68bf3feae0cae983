// A stand-in for the callsession SDK with the contract's shape (§4) and the behaviour the web layer
// relies on: one connection at a time, single-use tokens, leaveSession cancelling a join in flight
// with ERROR_JOIN_CANCELLED. Every call is logged, and `live` is the room connected now, so tests
// can state what reached "the server". Each step waits a macrotask, as network calls would.
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
const ok = (data = {}) => ({ data, error: null });
const failure = (code) => ({ data: null, error: { code, message: code } });

export function createFakeSdk() {
  const listeners = new Map();
  const usedTokens = new Set();
  let user = null;
  let tokenCount = 0;
  let joining = null; // {sessionId, cancel}
  const fake = {
    calls: [],
    live: null, // sessionId of the connection now open
    joins: [], // sessionIds of every connection that opened
    failNext: {}, // method name → error code for its next call
    participants: [],
    hold: null, // a promise every answer waits for, to keep the fake "on the network" at will

    async init() {
      log("init");
      await later();
      return ok();
    },
    async login(uid) {
      log(`login ${uid}`);
      await later();
      user = { uid, name: uid, avatar: "" };
      return ok({ ...user });
    },
    getLoggedInUser: () => (user ? { ...user } : null),
    async generateToken(sessionId) {
      log(`token ${sessionId}`);
      await later();
      const code = takeFailure("generateToken");
      if (code) return { token: undefined, expiresAt: 0, error: { code, message: code } };
      return { token: `${sessionId}#${++tokenCount}`, expiresAt: 0, error: null };
    },
    async joinSession(token, settings, container) {
      const sessionId = token.split("#")[0];
      log(`join ${sessionId}`);
      if (!container) return failure("ERROR_CONTAINER_MISSING");
      if (joining) return failure("ERROR_JOIN_IN_PROGRESS");
      if (fake.live) return failure("ERROR_ALREADY_JOINED");
      if (usedTokens.has(token)) return failure("ERROR_TOKEN_ALREADY_USED");
      usedTokens.add(token);
      let cancelled = false;
      joining = { cancel: () => (cancelled = true) };
      await later();
      joining = null;
      if (cancelled) return failure("ERROR_JOIN_CANCELLED");
      const code = takeFailure("joinSession");
      if (code) return failure(code);
      fake.live = sessionId;
      fake.joins.push(sessionId);
      emit("onSessionJoined", { sessionId, uid: user?.uid });
      emit("onParticipantListChanged", { participants: fake.participants });
      return ok({ sessionId, uid: user?.uid });
    },
    async leaveSession() {
      log("leave");
      joining?.cancel();
      if (fake.live) close({ reason: "left", error: null });
      await later();
      return ok();
    },
    addEventListener(name, callback) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name).add(callback);
      return () => listeners.get(name).delete(callback);
    },

    // Test controls: the connection ends from the other side (Leave button, expiry, network).
    closeFromServer(errorCode) {
      close({ reason: "closed", error: errorCode ? { code: errorCode, message: errorCode } : null });
    },
    setParticipants(list) {
      fake.participants = list;
      emit("onParticipantListChanged", { participants: list });
    },
  };
  for (const name of ["muteAudio", "unmuteAudio", "pauseVideo", "resumeVideo", "setLayout", "startScreenSharing", "stopScreenSharing"]) {
    fake[name] = async () => {
      log(name);
      return ok();
    };
  }

  // Runs `action` right when `call` is made, before the fake's own wait: deterministic "in flight".
  const triggers = new Map();
  fake.whenCalled = (call, action) => triggers.set(call, action);
  function log(call) {
    fake.calls.push(call);
    const action = triggers.get(call);
    triggers.delete(call);
    action?.();
  }

  async function later() {
    await tick();
    await fake.hold;
  }

  function takeFailure(method) {
    const code = fake.failNext[method];
    delete fake.failNext[method];
    return code;
  }
  function close(how) {
    const sessionId = fake.live;
    fake.live = null;
    emit("onConnectionClosed", { sessionId, ...how });
  }
  function emit(name, event) {
    for (const callback of listeners.get(name) ?? []) callback(event);
  }
  return fake;
}
