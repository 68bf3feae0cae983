// The server's own TLS: with CALLSESSION_TLS_CERT and CALLSESSION_TLS_KEY it serves HTTPS and WSS,
// and the SDK on an https:// page signals over wss:// without being told. The certificate is a
// self-signed one for a name that is not localhost (browsers treat localhost as secure even
// over plain HTTP, which would prove nothing), trusted by Chromium as a real one would be.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { launchBrowser, startServer } from "./support/harness.mjs";
import { startSdkServer } from "./support/sdk.mjs";
import { holdSecureCall, makeCertificate, trustingBrowserArgs } from "./support/tls.mjs";

const hostname = "calls.callsession.test";

let certificate;
let server;
let browser;
before(async () => {
  certificate = makeCertificate(hostname);
  server = await startSdkServer({
    env: { CALLSESSION_TLS_CERT: certificate.certPath, CALLSESSION_TLS_KEY: certificate.keyPath },
  });
  browser = await launchBrowser({ args: trustingBrowserArgs(hostname, certificate.spkiPin) });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  certificate?.remove();
});

test("the ready line names https when the server has a certificate", () => {
  assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
});

test("two tabs call over HTTPS and WSS on a name that is not localhost", async () => {
  await holdSecureCall(browser, `https://${hostname}:${server.port}`);
});

test("a certificate or key that cannot be used stops the start, naming the variable", async () => {
  const other = makeCertificate("other.callsession.test");
  const garbage = path.join(path.dirname(other.certPath), "garbage.pem");
  writeFileSync(garbage, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
  try {
    const cases = [
      ["CALLSESSION_TLS_CERT", { CALLSESSION_TLS_CERT: garbage, CALLSESSION_TLS_KEY: certificate.keyPath }],
      ["CALLSESSION_TLS_CERT", { CALLSESSION_TLS_CERT: `${garbage}.missing`, CALLSESSION_TLS_KEY: certificate.keyPath }],
      // A key, but not the certificate's.
      ["CALLSESSION_TLS_KEY", { CALLSESSION_TLS_CERT: certificate.certPath, CALLSESSION_TLS_KEY: other.keyPath }],
      ["CALLSESSION_TLS_KEY", { CALLSESSION_TLS_CERT: certificate.certPath, CALLSESSION_TLS_KEY: garbage }],
    ];
    for (const [variable, env] of cases) {
      await assert.rejects(startServer({ env }), (error) => {
        assert.match(error.message, /exited with 1 before ready/);
        assert.match(error.message, new RegExp(`cannot start: ${variable}`));
        return true;
      });
    }
  } finally {
    other.remove();
  }
});
