// Polls until `probe` returns a truthy value; fails naming what it waited for. Shared by the web
// unit tests (node and in-browser), which must not depend on timing.
export async function until(what, probe, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
