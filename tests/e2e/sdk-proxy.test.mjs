// The README's reverse-proxy deployment, run for real: Debian's nginx with the README's own site
// block holds the certificate and passes the signaling WebSocket upgrade to a callsession server
// on plain HTTP, and two tabs hold a call through it on an https:// name that is not localhost.
import { after, before, test } from "node:test";
import { launchBrowser } from "./support/harness.mjs";
import { startReadmeNginx } from "./support/nginx.mjs";
import { startSdkServer } from "./support/sdk.mjs";
import { holdSecureCall, makeCertificate, trustingBrowserArgs } from "./support/tls.mjs";

const hostname = "calls.callsession.test";

let certificate;
let server;
let proxy;
let browser;
before(async () => {
  certificate = makeCertificate(hostname);
  // As the README says to start it behind a proxy.
  server = await startSdkServer({ env: { CALLSESSION_TRUST_PROXY: "1" } });
  proxy = await startReadmeNginx({ hostname, certificate, upstreamPort: server.port });
  browser = await launchBrowser({ args: trustingBrowserArgs(hostname, certificate.spkiPin) });
});
after(async () => {
  await browser?.close();
  await proxy?.stop();
  await server?.stop();
  certificate?.remove();
});

test("two tabs call through the README's nginx site over HTTPS and WSS", async () => {
  await holdSecureCall(browser, `https://${hostname}:${proxy.port}`);
});
