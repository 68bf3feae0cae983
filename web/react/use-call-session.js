import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { CallSession } from "callsession";
import { driverFor } from "./session-driver.js";

// The join is gated by state, not by a ref: it waits until the container element is in state (set
// by the returned callback ref), so it starts in a commit after the first mount. StrictMode's
// simulated unmount → mount of that first mount therefore never reaches the SDK, and any later
// request/release pair in one commit is collapsed by the driver. Whatever ran last wins: a new
// sessionId leaves the old room and joins the new one, and unmount leaves.
export function useCallSession(sessionId, options = {}) {
  const driver = driverFor(CallSession);
  const [owner] = useState(() => ({}));
  const [container, containerRef] = useState(null);
  const [wanted, setWanted] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const snapshot = useSyncExternalStore(driver.subscribe, driver.getSnapshot, driver.getSnapshot);

  const { config, user, settings } = options;
  const uid = user?.uid;
  const ready = Boolean(container && sessionId && wanted);
  useEffect(() => {
    if (!ready) return undefined;
    driver.request(owner, { sessionId, config, user, settings, container, attempt });
    return () => driver.release(owner);
    // config, user and settings are read when a join starts; only these change which room it is.
  }, [driver, owner, ready, sessionId, uid, container, attempt]);

  const leave = useCallback(() => setWanted(false), []);
  const rejoin = useCallback(() => {
    setWanted(true);
    setAttempt((n) => n + 1);
  }, []);
  const actions = useMemo(() => ({ leave, rejoin, ...mediaActions() }), [leave, rejoin]);

  // The snapshot describes this room only while it is this instance's current wish; until the
  // driver reaches it, the room is on its way.
  const current = snapshot.owner === owner && snapshot.sessionId === sessionId && snapshot.attempt === attempt;
  const pending = ready ? "joining" : wanted ? "idle" : "left";
  return {
    state: current ? snapshot.state : pending,
    participants: current ? snapshot.participants : [],
    error: current ? snapshot.error : null,
    actions,
    containerRef,
  };
}

function mediaActions() {
  const call = (name) => (...args) => CallSession[name](...args);
  return Object.fromEntries(
    ["muteAudio", "unmuteAudio", "pauseVideo", "resumeVideo", "setLayout", "startScreenSharing", "stopScreenSharing"].map(
      (name) => [name, call(name)],
    ),
  );
}
