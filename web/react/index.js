// callsession/react: a StrictMode-safe hook and component around the callsession SDK.
export { useCallSession } from "./use-call-session.js";
export { CallRoom } from "./CallRoom.jsx";
export { screenFor } from "./screens.js";
