import { buttonStyle, screenStyle } from "../react/screens.js";

// A full-page screen for pages without React, the same look as <CallRoom>'s.
export function screenElement({ id, title, body, retry }, { onRetry } = {}) {
  const screen = document.createElement("div");
  Object.assign(screen.style, screenStyle);
  screen.dataset.callsessionScreen = id;
  screen.setAttribute("role", id === "connecting" ? "status" : "alert");
  const heading = document.createElement("h1");
  Object.assign(heading.style, { margin: "0", fontSize: "24px" });
  heading.textContent = title;
  screen.append(heading);
  if (body) {
    const text = document.createElement("p");
    Object.assign(text.style, { margin: "0", maxWidth: "32em", opacity: "0.8" });
    text.textContent = body;
    screen.append(text);
  }
  if (retry && onRetry) screen.append(button("Join again", onRetry));
  return screen;
}

export function button(label, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  Object.assign(element.style, buttonStyle);
  element.textContent = label;
  if (onClick) element.addEventListener("click", onClick);
  return element;
}

export const NO_DEMO_SCREEN = {
  id: "no-demo",
  title: "This server is not in demo mode",
  body: "Its pages cannot log you in. Embed the room in your app, which logs users in with its auth key.",
};

export const SDK_MISSING_SCREEN = {
  id: "sdk-missing",
  title: "The meeting could not load",
  body: "The call software did not arrive. Reload the page to try again.",
};
