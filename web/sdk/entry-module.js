// `import { CallSession } from "callsession"`: the ES module finds its .wasm next to itself.
import { createCallSession } from "./callsession-api.js";

export const CallSession = createCallSession(new URL("./callsession.wasm", import.meta.url).href);
export default CallSession;
