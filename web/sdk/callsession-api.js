// The idiomatic JS API (CONTRACT.md §4) over the raw embind exports of bindings/sdk_exports.cpp.
// Thin on purpose: the rules live in the C++ core; this layer waits for the module, turns JSON
// answers into plain objects, and keeps the app's event listeners. Expected failures resolve with
// `error` set; nothing here rejects or throws at the app.
import createCallSessionModule from "callsession-wasm-glue";

const LOAD_FAILED = { code: "ERROR_NETWORK", message: "The SDK's WebAssembly module could not be loaded." };

// The microphones and cameras, as getDevices answers them. Labels stay empty until the page has
// been allowed a camera or microphone once (the browser's rule, not ours).
async function listDevices() {
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    const of = (kind) => devices.filter((device) => device.kind === kind).map(({ deviceId, label }) => ({ deviceId, label }));
    return { data: { audioInputs: of("audioinput"), videoInputs: of("videoinput") }, error: null };
  } catch (error) {
    return { data: null, error: { code: "ERROR_MEDIA_PERMISSION_DENIED", message: String(error?.message ?? error) } };
  }
}

// JSON text for the core, or text it refuses (a cyclic object, a BigInt) rather than an exception.
function jsonText(value) {
  if (value === undefined) return "";
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "!";
  }
}

// The container given to joinSession: an element, or the id of one.
function containerOf(container) {
  return typeof container === "string" ? document.getElementById(container) : (container ?? null);
}

// `wasmUrl`: where callsession.wasm is; the two bundles find it next to themselves.
export function createCallSession(wasmUrl) {
  const listeners = new Map();
  // The core emits during its own steps; listeners run after, each in its own microtask, so that
  // one that calls back into the SDK (or throws) disturbs neither the core nor the others.
  const deliver = (name, payload) => {
    for (const listener of listeners.get(name) ?? []) queueMicrotask(() => listener(payload));
  };
  const onEvent = (name, payloadJson) => deliver(name, JSON.parse(payloadJson));
  // A device plugged in or out: the new lists, for apps that offer a choice.
  navigator.mediaDevices?.addEventListener?.("devicechange", async () => {
    if (!listeners.get("onDeviceListChanged")?.size) return;
    const { data } = await listDevices();
    if (data) deliver("onDeviceListChanged", data);
  });

  let module = null;
  const ready = createCallSessionModule({ locateFile: () => wasmUrl, onEvent }).then(
    (loaded) => {
      // Compiles the join's code and has the browser set up the call page's styles while the
      // page has nothing to do, not during the first join (core/client/warm_up.h,
      // bindings/view_warm_up.h); one at a time, so that neither holds up the page for long.
      const whenIdle = globalThis.requestIdleCallback ?? ((run) => setTimeout(run, 0));
      whenIdle(() => {
        loaded.warmUp();
        whenIdle(() => loaded.warmUpView());
      });
      return (module = loaded);
    },
    () => null,
  );
  const withModule = async (use, failed = { data: null, error: LOAD_FAILED }) => ((await ready) ? use(module) : failed);
  // A raw export that answers JSON text at once.
  const now = (name, ...args) => withModule((m) => JSON.parse(m[name](...args)));
  // A raw export that answers through a callback.
  const later = (name, args, failed) =>
    withModule((m) => new Promise((resolve) => m[name](...args, (text) => resolve(JSON.parse(text)))), failed);

  return Object.freeze({
    init: (config) => now("init", jsonText(config ?? {}), globalThis.location?.origin ?? ""),
    // `profile` ({name, avatar}) is optional: the server keeps what it knows.
    login: (uid, profile = {}) => later("login", [uid, jsonText(profile)]),
    logout: () => now("logout"),
    getLoggedInUser: () => (module ? JSON.parse(module.getLoggedInUser()) : null),
    generateToken: (sessionId) => later("generateToken", [sessionId], { error: LOAD_FAILED }),
    joinSession: (token, settings = {}, container = undefined) =>
      later("joinSession", [token, jsonText(settings), containerOf(container)]),
    leaveSession: () => now("leaveSession"),
    muteAudio: () => now("setAudioMuted", true),
    unmuteAudio: () => now("setAudioMuted", false),
    pauseVideo: () => now("setVideoPaused", true),
    resumeVideo: () => now("setVideoPaused", false),
    setLayout: (layout) => now("setLayout", layout),
    getDevices: listDevices,
    setAudioInput: (deviceId) => later("setAudioInput", [deviceId]),
    setVideoInput: (deviceId) => later("setVideoInput", [deviceId]),
    startScreenSharing: () => later("startScreenSharing", []),
    stopScreenSharing: () => now("stopScreenSharing"),
    addEventListener(name, callback) {
      if (typeof callback !== "function") return () => {};
      if (!listeners.has(name)) listeners.set(name, new Set());
      // A wrapper, so that adding one function twice gives two independent subscriptions.
      const entry = (payload) => callback(payload);
      listeners.get(name).add(entry);
      return () => listeners.get(name)?.delete(entry);
    },
  });
}
