import { button, screenElement } from "./screen-dom.js";

// Who joins from this tab: `?uid=…&name=…` if given, else the name asked once and kept for the
// tab's life (a reload rejoins as the same person), else a prompt. The uid gets a random suffix:
// the server replaces a connection when the same uid joins twice, and two people may share a name.
const KEY = "callsession.identity";

// 8 hex digits; getRandomValues, unlike randomUUID, works on plain-http pages too.
export function randomSuffix() {
  return Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function rememberName(name) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 24) || "guest";
  const identity = { uid: `${slug}-${randomSuffix()}`, name };
  sessionStorage.setItem(KEY, JSON.stringify(identity));
  return identity;
}

export async function currentUser() {
  const query = new URLSearchParams(location.search);
  if (query.get("uid")) return { uid: query.get("uid"), name: query.get("name") || query.get("uid") };
  const remembered = sessionStorage.getItem(KEY);
  return remembered ? JSON.parse(remembered) : askForName();
}

function askForName() {
  return new Promise((resolve) => {
    const screen = screenElement({ id: "name-prompt", title: "What is your name?", body: "The others see it on your tile." });
    const form = document.createElement("form");
    Object.assign(form.style, { display: "flex", gap: "8px" });
    const input = Object.assign(document.createElement("input"), { name: "name", required: true, maxLength: 64 });
    input.setAttribute("aria-label", "Your name");
    Object.assign(input.style, { font: "inherit", padding: "8px", borderRadius: "6px", border: "1px solid #555" });
    const submit = button("Join");
    submit.type = "submit";
    form.append(input, submit);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      screen.remove();
      resolve(rememberName(input.value.trim() || "Guest"));
    });
    screen.append(form);
    document.body.append(screen);
    input.focus();
  });
}
