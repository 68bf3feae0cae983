// /embed/:sessionId — the same room with only the script-tag bundle (window.CallSession) and no
// framework: the driver and screens of callsession/react are framework-free.
import { screenFor } from "../react/screens.js";
import { driverFor } from "../react/session-driver.js";
import { demoConfig, sessionIdFromPath } from "./config.js";
import { currentUser } from "./identity.js";
import { NO_DEMO_SCREEN, SDK_MISSING_SCREEN, screenElement } from "./screen-dom.js";

document.getElementById("loading").remove();
const config = demoConfig();
if (!window.CallSession) {
  document.body.append(screenElement(SDK_MISSING_SCREEN));
} else if (!config) {
  document.body.append(screenElement(NO_DEMO_SCREEN));
} else {
  const user = await currentUser();
  const driver = driverFor(window.CallSession);
  const owner = {};
  const container = document.getElementById("room");
  let attempt = 0;
  const join = () => driver.request(owner, { sessionId: sessionIdFromPath(), config, user, container, attempt: attempt++ });

  let shown = null;
  let shownFor = null;
  const render = () => {
    const { state, error } = driver.getSnapshot();
    if (`${state} ${error?.code}` === shownFor) return; // participant updates change no screen
    shownFor = `${state} ${error?.code}`;
    shown?.remove();
    const screen = screenFor(state, error);
    shown = screen && screenElement(screen, { onRetry: join });
    if (shown) document.body.append(shown);
  };
  driver.subscribe(render);
  render();
  join();
}
