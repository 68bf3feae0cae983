// <script src=".../callsession.js">: sets window.CallSession; the .wasm is found next to the script
// (document.currentScript is only set while the script first runs, which is now).
import { createCallSession } from "./callsession-api.js";

window.CallSession = createCallSession(new URL("callsession.wasm", document.currentScript.src).href);
