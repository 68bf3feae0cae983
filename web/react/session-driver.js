// The SDK holds one connection per page, so every room on a page (hook instances, the embed page)
// goes through one driver per SDK object. The driver reconciles the room that is wanted now (the
// wish) with the room the SDK is in, one SDK call at a time: rapid changes collapse into the latest
// wish, a join in flight for a room no longer wanted is cancelled, and a release followed by an
// equal request in the same tick (React.StrictMode's mount → unmount → mount) touches the SDK once.
// Framework-free, so the script-tag page uses it too.

const CANCELLED = "ERROR_JOIN_CANCELLED";
const drivers = new WeakMap();

export function driverFor(sdk) {
  let driver = drivers.get(sdk);
  if (!driver) {
    driver = createDriver(sdk, globalThis.window);
    drivers.set(sdk, driver);
  }
  return driver;
}

// Objects (owners, containers) get a number, so that a wish's identity fits in one string.
const objectIds = new WeakMap();
let nextObjectId = 1;
function idOf(object) {
  if (!objectIds.has(object)) objectIds.set(object, nextObjectId++);
  return objectIds.get(object);
}

// What makes two wishes the same room: config, user name and settings are read when a join starts
// and do not by themselves cause a rejoin; a new attempt does.
function keyOf(owner, target) {
  return [idOf(owner), target.sessionId, target.user?.uid ?? "", idOf(target.container), target.attempt].join("|");
}

const IDLE = Object.freeze({ owner: null, sessionId: null, attempt: 0, state: "idle", participants: [], error: null });

// The snapshot always describes the latest wish (or, once released, its way out), tagged with its
// owner, sessionId and attempt so that a hook can tell whether it is about the room it shows.
export function createDriver(sdk, win) {
  let wish = null; // {owner, key, sessionId, user, config, settings, container, attempt}
  let joined = null; // the wish the SDK is connected for
  let settledKey = null; // the current wish ended in error or an SDK-side close: not retried
  let inFlight = null; // the wish whose joinSession is pending
  let cancelling = null; // our leaveSession that cancels inFlight
  let leaving = false; // our leaveSession of `joined` is pending
  let running = false;
  let suspended = false; // between pagehide and a pageshow from the back/forward cache
  let initKey = null;
  let snapshot = IDLE;
  const listeners = new Set();

  const wanted = () => (suspended ? null : wish);
  const isWanted = (target) => wanted()?.key === target.key;

  function publish(changes) {
    snapshot = Object.freeze({ ...snapshot, ...changes });
    for (const listener of listeners) listener();
  }
  // A released wish on its way out ends as "left" once nothing is pending for it.
  const publishLeftIfReleased = () => wish === null && publish({ state: "left", participants: [] });

  // Runs after the current tick, so that a release and an equal request in one commit cancel out.
  function kick() {
    queueMicrotask(() => {
      if (inFlight && !isWanted(inFlight) && !cancelling) cancelling = sdk.leaveSession();
      if (!running) run();
    });
  }

  async function run() {
    running = true;
    try {
      for (;;) {
        await cancelling;
        cancelling = null;
        const target = wanted();
        if (joined && joined.key !== target?.key) await leave();
        else if (target && !joined && target.key !== settledKey) await join(target);
        else break;
      }
    } catch (thrown) {
      // The SDK promises errors as values; should one throw anyway, the room says so rather than
      // stay "Connecting…" for ever.
      inFlight = null;
      leaving = false;
      settledKey = wish?.key ?? null;
      publish({ state: "error", error: { code: "ERROR_UNEXPECTED", message: String(thrown?.message ?? thrown) } });
    } finally {
      running = false;
    }
  }

  async function leave() {
    const left = joined;
    leaving = true;
    await sdk.leaveSession();
    leaving = false;
    if (joined === left) joined = null;
    publishLeftIfReleased();
  }

  async function join(target) {
    // An outcome counts only for the room still wanted; the loop has moved on from any other.
    const settle = (changes) => {
      if (!isWanted(target)) return publishLeftIfReleased();
      settledKey = target.key;
      return publish(changes);
    };

    const ready = await prepare(target);
    if (ready.error) return settle({ state: "error", error: ready.error });
    if (!isWanted(target)) return publishLeftIfReleased();
    // Tokens are single use: every join asks for its own.
    const { token, error: tokenError } = await sdk.generateToken(target.sessionId);
    if (tokenError) return settle({ state: "error", error: tokenError });
    if (!isWanted(target)) return publishLeftIfReleased();

    inFlight = target;
    const { error } = await sdk.joinSession(token, target.settings ?? {}, target.container);
    inFlight = null;
    // Our own cancel (the wish moved on, perhaps back again) is not an error: the loop goes on.
    // Anyone else's (a direct SDK call) settles the wish as left rather than fight the user.
    if (error?.code === CANCELLED && cancelling) return publishLeftIfReleased();
    if (error?.code === CANCELLED) return settle({ state: "left" });
    if (error) return settle({ state: "error", error });
    joined = target;
    if (isWanted(target)) publish({ state: "joined" });
    return undefined;
  }

  // init once per config, login when the user differs; both optional for apps that do them first.
  async function prepare({ config, user }) {
    if (config) {
      const key = JSON.stringify(config);
      if (key !== initKey) {
        const { error } = await sdk.init(config);
        if (error) return { error };
        initKey = key;
      }
    }
    if (user && sdk.getLoggedInUser()?.uid !== user.uid) {
      const { error } = await sdk.login(user.uid, user.name ? { name: user.name } : {});
      if (error) return { error };
    }
    return {};
  }

  // The SDK's own ends (in-container Leave button, network loss, expiry) settle the wish: the
  // app offers a rejoin instead of the driver reconnecting behind the user's back.
  sdk.addEventListener("onConnectionClosed", (event) => {
    if (!joined || leaving) return;
    const closed = joined;
    joined = null;
    if (!isWanted(closed)) return;
    settledKey = closed.key;
    publish(event?.error ? { state: "error", error: event.error, participants: [] } : { state: "left", participants: [] });
  });
  sdk.addEventListener("onParticipantListChanged", (event) => {
    if (joined && isWanted(joined)) publish({ participants: participantsOf(event) });
  });

  // Leave at once when the page goes away, so the others see the departure now rather than when
  // the server's ping times out; a page restored from the back/forward cache joins again.
  win?.addEventListener("pagehide", () => {
    suspended = true;
    if (joined || inFlight) {
      sdk.leaveSession();
      joined = null;
    }
  });
  win?.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    suspended = false;
    settledKey = null;
    if (wish) publish({ state: "joining", participants: [], error: null });
    kick();
  });

  return {
    request(owner, target) {
      const key = keyOf(owner, target);
      if (wish?.key === key) return;
      wish = { ...target, owner, key };
      settledKey = null;
      const { sessionId, attempt } = target;
      const already = joined?.key === key; // released and wanted again within one tick
      publish({
        owner,
        sessionId,
        attempt,
        state: already ? "joined" : "joining",
        participants: already ? snapshot.participants : [],
        error: null,
      });
      kick();
    },
    release(owner) {
      if (wish?.owner !== owner) return;
      wish = null;
      settledKey = null;
      publish({ state: joined || running ? "leaving" : "left" });
      kick();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
  };
}

// The event carries everyone, oneself first (isLocal); copied so the app cannot alter the SDK's.
function participantsOf(event) {
  return (event?.participants ?? []).map((participant) => ({ ...participant }));
}
