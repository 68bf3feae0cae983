// /meet/:sessionId — the React room, in StrictMode as apps run it during development.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { CallRoom } from "../react/index.js";
import { demoConfig, sessionIdFromPath } from "./config.js";
import { currentUser } from "./identity.js";
import { NO_DEMO_SCREEN, screenElement } from "./screen-dom.js";

const config = demoConfig();
if (!config) {
  document.body.append(screenElement(NO_DEMO_SCREEN));
} else {
  const user = await currentUser();
  createRoot(document.getElementById("root")).render(
    <StrictMode>
      <CallRoom sessionId={sessionIdFromPath()} config={config} user={user} />
    </StrictMode>,
  );
}
