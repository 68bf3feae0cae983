// What a room shows instead of video: one readable screen per state or error, so a room is never
// a silent black box. Plain data, shared by <CallRoom> and the script-tag page. `id` is put on the
// screen as data-callsession-screen, for styling and tests; `retry` offers a "join again" button.

const ERROR_SCREENS = {
  ERROR_SESSION_EXPIRED: {
    id: "expired",
    title: "This meeting has ended",
    body: "Its time ran out. Start a new meeting and share the new link.",
  },
  ERROR_SESSION_NOT_FOUND: {
    id: "not-found",
    title: "Meeting not found",
    body: "Check the link: there is no meeting with this id.",
  },
  ERROR_NOT_AUTHORIZED: {
    id: "not-allowed",
    title: "You are not invited to this meeting",
    body: "Only the people on its guest list can join. Ask the host to add you.",
  },
  ERROR_MEDIA_PERMISSION_DENIED: {
    id: "camera-denied",
    title: "Camera and microphone are blocked",
    body: "Allow them for this site (the camera icon in the address bar), then join again.",
    retry: true,
  },
};

export function screenFor(state, error) {
  if (state === "joined") return null;
  if (state === "left") return { id: "left", title: "You left the meeting", body: "", retry: true };
  if (state === "error") {
    return (
      ERROR_SCREENS[error?.code] ?? {
        id: "error",
        title: "Could not join the meeting",
        body: error?.message ?? "Something went wrong.",
        retry: true,
      }
    );
  }
  return { id: "connecting", title: "Connecting…", body: "", busy: true };
}

// A fixed layer above the SDK's full-screen container, readable on its own.
export const screenStyle = {
  position: "fixed",
  inset: "0",
  zIndex: "2147483000",
  display: "flex",
  flexDirection: "column",
  alignItems: "center",
  justifyContent: "center",
  gap: "12px",
  padding: "24px",
  textAlign: "center",
  background: "#1b1e24",
  color: "#f2f3f5",
  font: "16px/1.5 system-ui, sans-serif",
};
export const buttonStyle = {
  font: "inherit",
  padding: "8px 20px",
  border: "0",
  borderRadius: "6px",
  background: "#3b6ef5",
  color: "#fff",
  cursor: "pointer",
};
