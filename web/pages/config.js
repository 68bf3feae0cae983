// The demo config the server writes into each page (<!--CALLSESSION_CONFIG-->); null when the server
// is not in demo mode, where only an app holding the auth key can log users in.
export function demoConfig() {
  const config = window.__CALLSESSION_CONFIG__;
  if (!config?.authKey) return null;
  return { appId: config.appId, authKey: config.authKey, serverUrl: location.origin };
}

// The sessionId of /meet/:sessionId and /embed/:sessionId.
export function sessionIdFromPath() {
  return decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() ?? "");
}
