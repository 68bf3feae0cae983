import { defineConfig } from "vite";

// The callsession server this app talks to; its API and signaling are proxied so that the app and
// the server share one origin in development, as they would behind one host in production.
const server = process.env.CALLSESSION_SERVER ?? "http://127.0.0.1:8080";

export default defineConfig({
  esbuild: { jsx: "automatic" },
  resolve: {
    // "callsession" is linked from ../..; its React import must find this app's React, not a second copy.
    dedupe: ["react", "react-dom"],
  },
  server: {
    proxy: {
      "/api": server,
      "/ws": { target: server.replace(/^http/, "ws"), ws: true },
    },
  },
});
