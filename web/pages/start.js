// / — start a meeting: log in with the demo config's auth key, have the server mint a meeting,
// show its link with a copy button, then go there.
import { demoConfig } from "./config.js";
import { randomSuffix, rememberName } from "./identity.js";

const OPEN_AFTER_SECONDS = 5; // time to copy the link before the room takes the page

const form = document.getElementById("start");
const result = document.getElementById("result");
const link = document.getElementById("link");
const status = document.getElementById("status");

async function api(method, route, { body, headers = {} } = {}) {
  const response = await fetch(route, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error?.message ?? `${method} ${route}: ${response.status}`);
  return answer;
}

async function startMeeting(name) {
  const config = demoConfig();
  if (!config) throw new Error("This server is not in demo mode, so this page cannot log in.");
  // The host's identity is kept for this tab, so the room does not ask for the name again.
  const host = name ? rememberName(name) : { uid: `host-${randomSuffix()}` };
  const { authToken } = await api("POST", "/api/users/login", {
    headers: { "x-auth-key": config.authKey },
    body: { uid: host.uid, name: host.name },
  });
  return api("POST", "/api/meetings", {
    headers: { authorization: `Bearer ${authToken}` },
    body: { strategy: "uuid" },
  });
}

function countDownTo(url) {
  let left = OPEN_AFTER_SECONDS;
  const tick = () => {
    if (left === 0) return location.assign(url);
    status.textContent = `Opening the meeting in ${left} s…`;
    left -= 1;
    return setTimeout(tick, 1000);
  };
  tick();
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  form.querySelector("button").disabled = true;
  status.textContent = "Creating a meeting…";
  try {
    const meeting = await startMeeting(form.elements.name.value.trim());
    link.value = new URL(meeting.url, location.origin).href;
    result.hidden = false;
    document.getElementById("open").href = meeting.url;
    countDownTo(meeting.url);
  } catch (error) {
    status.textContent = error.message;
    form.querySelector("button").disabled = false;
  }
});

document.getElementById("copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(link.value);
    document.getElementById("copy").textContent = "Copied";
  } catch {
    // No clipboard permission (e.g. plain http on another host): leave the link selected instead.
    link.select();
  }
});
