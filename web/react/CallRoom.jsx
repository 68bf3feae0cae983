import { buttonStyle, screenFor, screenStyle } from "./screens.js";
import { useCallSession } from "./use-call-session.js";

// The whole room: the SDK's container (it makes itself full-screen and draws tiles and controls)
// and, above it until the call is up, a screen saying why there is no video yet.
export function CallRoom({ sessionId, config, user, settings, className, style }) {
  const { state, error, actions, containerRef } = useCallSession(sessionId, { config, user, settings });
  const screen = screenFor(state, error);
  return (
    <>
      <div ref={containerRef} className={className} style={style} />
      {screen && (
        <div style={screenStyle} data-callsession-screen={screen.id} role={screen.busy ? "status" : "alert"}>
          <h1 style={{ margin: 0, fontSize: "24px" }}>{screen.title}</h1>
          {screen.body && <p style={{ margin: 0, maxWidth: "32em", opacity: 0.8 }}>{screen.body}</p>}
          {screen.retry && (
            <button type="button" style={buttonStyle} onClick={actions.rejoin}>
              Join again
            </button>
          )}
        </div>
      )}
    </>
  );
}
