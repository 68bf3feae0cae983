// A self-signed certificate made with Debian's openssl for a name that is not localhost, and the
// Chromium flags that make a browser reach that name on loopback and trust the certificate, as a
// browser trusts a real one: the page is a secure context and may use the camera.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createMeetingInPage, logInAndJoin, openSdkPage, stateOf, waitForVideoFrom } from "./sdk.mjs";

export const opensslBinary = "/usr/bin/openssl";

// Writes a P-256 key and a one-day certificate for `hostname`; returns their paths and the
// certificate's public key pin (base64 SHA-256 of its SubjectPublicKeyInfo).
export function makeCertificate(hostname) {
  const dir = mkdtempSync(path.join(tmpdir(), "callsession-tls-"));
  const certPath = path.join(dir, "cert.pem");
  const keyPath = path.join(dir, "key.pem");
  execFileSync(opensslBinary, [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-days", "1", "-subj", `/CN=${hostname}`, "-addext", `subjectAltName=DNS:${hostname}`,
    "-keyout", keyPath, "-out", certPath,
  ], { stdio: "ignore" });
  const spki = new X509Certificate(readFileSync(certPath)).publicKey.export({ type: "spki", format: "der" });
  return {
    certPath,
    keyPath,
    spkiPin: createHash("sha256").update(spki).digest("base64"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// Chromium flags: `hostname` resolves to 127.0.0.1, and a certificate with `spkiPin` is trusted.
export const trustingBrowserArgs = (hostname, spkiPin) => [
  `--host-resolver-rules=MAP ${hostname} 127.0.0.1`,
  `--ignore-certificate-errors-spki-list=${spkiPin}`,
];

// ada (ES module) and bob (script tag) open the SDK test page at `origin` (https://<name>:<port>),
// meet, and see each other's video; the page is a secure context and signals over wss:// to the
// same origin. Closes both on the way out.
export async function holdSecureCall(browser, origin) {
  const ada = await openSdkPage(browser, { url: origin });
  const bob = await openSdkPage(browser, { url: origin }, { bundle: "script" });
  try {
    assert.equal(await ada.page.evaluate(() => window.isSecureContext), true);
    const sessionId = await createMeetingInPage(ada.page);
    await logInAndJoin(ada.page, "ada", sessionId);
    await logInAndJoin(bob.page, "bob", sessionId);
    await waitForVideoFrom(ada.page, "bob");
    await waitForVideoFrom(bob.page, "ada");
    for (const side of [ada, bob]) {
      assert.equal(await stateOf(side.page), "joined");
      const sockets = await side.page.evaluate(() => window.opened.sockets.map((socket) => socket.url));
      assert.deepEqual(sockets, [`${origin.replace(/^https:/, "wss:")}/ws`]);
      assert.deepEqual(side.errors, []);
    }
  } finally {
    await Promise.all([ada.context.close(), bob.context.close()]);
  }
}
