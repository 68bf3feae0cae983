// Debian's nginx as the README's reverse proxy: the README's own ```nginx block, with its name,
// certificate, listening port and upstream port replaced, run in a throwaway prefix.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, repoRoot, spawnCollecting } from "./harness.mjs";

export const nginxBinary = "/usr/sbin/nginx";

// The README's example site, as a reader would copy it.
export function readmeNginxSite() {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const block = readme.match(/```nginx\n([\s\S]*?)```/);
  if (!block) throw new Error("README.md has no ```nginx block");
  return block[1];
}

function replaceOnce(text, pattern, replacement) {
  if (!pattern.test(text)) throw new Error(`the README's nginx block lost ${pattern}`);
  return text.replace(pattern, replacement);
}

const accepts = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => socket.end(() => resolve(true)));
    socket.once("error", () => resolve(false));
  });

// Runs the README's site for `hostname` with `certificate` (support/tls.mjs) on a free loopback
// port, proxying to the callsession server on `upstreamPort`.
export async function startReadmeNginx({ hostname, certificate, upstreamPort }) {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "callsession-nginx-"));
  let site = readmeNginxSite();
  site = replaceOnce(site, /listen 443 ssl;/, `listen 127.0.0.1:${port} ssl;`);
  site = replaceOnce(site, /server_name calls\.example\.com;/, `server_name ${hostname};`);
  site = replaceOnce(site, /ssl_certificate +\S+;/, `ssl_certificate ${certificate.certPath};`);
  site = replaceOnce(site, /ssl_certificate_key +\S+;/, `ssl_certificate_key ${certificate.keyPath};`);
  site = site.replaceAll("http://127.0.0.1:8080", `http://127.0.0.1:${upstreamPort}`);
  // What /etc/nginx/nginx.conf gives a site, kept inside `dir`; proxied answers stay in memory
  // (no temp files) because the workers cannot write into this root-only folder.
  const temp = (name) => `${name}_temp_path ${path.join(dir, name)};`;
  const conf = `
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} notice;
events {}
http {
  access_log off;
  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}
  proxy_max_temp_file_size 0;
${site}
}
`;
  writeFileSync(path.join(dir, "nginx.conf"), conf);
  const { child, log, exited } = spawnCollecting(nginxBinary, [
    "-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;",
  ]);
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      const errors = (() => { try { return readFileSync(path.join(dir, "error.log"), "utf8"); } catch { return ""; } })();
      throw new Error(`nginx did not start:\n${log.join("")}${errors}\n${conf}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
