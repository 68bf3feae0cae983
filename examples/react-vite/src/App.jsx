import { useState } from "react";
import { CallRoom } from "callsession/react";

// The server's app auth key (CALLSESSION_AUTH_KEY), given at build time: VITE_CALLSESSION_AUTH_KEY.
const config = { appId: "react-vite-example", authKey: import.meta.env.VITE_CALLSESSION_AUTH_KEY };

// The meeting to join: ?session=<sessionId> (a sessionId the server minted, e.g. "demo").
const sessionId = new URLSearchParams(location.search).get("session") ?? "demo";

export function App() {
  const [user, setUser] = useState(null);
  if (!user) return <NameForm onName={(name) => setUser({ uid: `${name.toLowerCase()}-${Date.now()}`, name })} />;
  return <CallRoom sessionId={sessionId} config={config} user={user} />;
}

function NameForm({ onName }) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onName(new FormData(event.currentTarget).get("name"));
      }}
    >
      <label>
        Your name <input name="name" required pattern="[A-Za-z0-9]+" />
      </label>
      <button type="submit">Join {sessionId}</button>
    </form>
  );
}
