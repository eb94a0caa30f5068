// A private `wrangler dev` for benchmarks, the way bench/run.mjs runs one (see bench/README.md):
// a bundled snapshot of src/ and of wrangler.toml served with --no-bundle (saves under src/ or to the
// config cannot reload it mid-run),
// its own --persist-to state dir wiped at start, its own ports and ADMIN_TOKEN. Only 127.0.0.1.
//
//   const dev = createWranglerDev({ root, stateDir, buildDir, logFile, preferredPort, adminToken });
//   await dev.prepare(); await dev.start(); await dev.call("GET", "/health"); await dev.stop();
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, createWriteStream, existsSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const sleep = (n) => new Promise((r) => setTimeout(r, n));

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}
function anyFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}
// The ports of npm run dev (8787), npm run bench (8799) and their inspectors are only taken by the one
// asking for them by name; any other free port otherwise.
export async function pickPort(preferred, avoid = []) {
  const never = [...[8787, 8799, 9229, 9329].filter((p) => p !== preferred), ...avoid];
  if (!never.includes(preferred) && (await portFree(preferred))) return preferred;
  for (;;) { const p = await anyFreePort(); if (!never.includes(p)) return p; }
}

/**
 * How to run wrangler: node_modules/.bin/wrangler, or its entry file under node when an install has
 * no .bin links. Returns [command, ...leading args].
 */
export function wranglerCommand(root) {
  const bin = path.join(root, "node_modules", ".bin", "wrangler");
  return existsSync(bin) ? [bin] : [process.execPath, path.join(root, "node_modules", "wrangler", "bin", "wrangler.js")];
}

// sourceRoot: the checkout whose src/, migrations/ and wrangler.toml are served (default: root).
// stateDir and buildDir are relative to root. vars: extra `--var NAME:VALUE` settings ({ NAME: value }).
// detached: run wrangler dev in a process group of its own, so dev.kill() can SIGKILL it together
// with the workerd runtime it started (a crash of the whole dev server, as the soak's --crash does).
export function createWranglerDev({
  root, sourceRoot = root, stateDir, buildDir, logFile, preferredPort, inspectorPort = 9339, adminToken, vars = {}, detached = false,
}) {
  const [wranglerBin, ...wranglerArgs] = wranglerCommand(root);
  stateDir = path.resolve(root, stateDir);
  buildDir = path.resolve(root, buildDir);
  const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };
  let child = null;
  const dev = { base: "", port: 0 };

  const runSync = (args, what) => {
    const res = spawnSync(wranglerBin, [...wranglerArgs, ...args], { cwd: sourceRoot, env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
    if (res.status !== 0) { dev.lastError = res.stdout + res.stderr; throw new Error(`${what} failed`); }
  };

  /** Bundle the snapshot and apply migrations into a fresh state dir. Returns the entry file. */
  dev.prepare = () => {
    rmSync(stateDir, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
    runSync(["deploy", "--dry-run", "--outdir", buildDir], "bundling src/ (wrangler deploy --dry-run --outdir)");
    runSync(["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir], "wrangler d1 migrations apply");
    dev.entry = path.join(buildDir, "index.js");
    // The config is served from a snapshot too: wrangler dev watches its config file and restarts the
    // runtime when it changes (dropping the local queue's messages), even with --no-bundle. Its
    // .dev.vars (read next to the config) goes with it.
    dev.config = path.join(buildDir, "wrangler.toml");
    copyFileSync(path.join(sourceRoot, "wrangler.toml"), dev.config);
    if (existsSync(path.join(sourceRoot, ".dev.vars"))) copyFileSync(path.join(sourceRoot, ".dev.vars"), path.join(buildDir, ".dev.vars"));
    return dev.entry;
  };

  // A restart (after dev.kill()) keeps the port, so clients and webhook URLs stay valid; the log is appended to.
  dev.start = async () => {
    const port = dev.port || (await pickPort(preferredPort));
    const insp = await pickPort(inspectorPort, [port]);
    dev.port = port;
    dev.base = `http://127.0.0.1:${port}`;
    const extraVars = Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
    // --local: the AI binding (wrangler.toml [ai]) is remote-only and would need a login (scripts/dev.mjs).
    const args = ["dev", dev.entry, "--config", dev.config, "--no-bundle", "--local", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(insp),
      "--persist-to", stateDir, "--var", `ADMIN_TOKEN:${adminToken}`, ...extraVars, "--show-interactive-dev-session=false"];
    const out = createWriteStream(logFile, { flags: dev.started ? "a" : "w" });
    dev.started = true;
    child = spawn(wranglerBin, [...wranglerArgs, ...args], { cwd: sourceRoot, env, stdio: ["ignore", "pipe", "pipe"], detached });
    child.stdout.pipe(out); child.stderr.pipe(out);
    const started = performance.now();
    while (performance.now() - started < 60_000) {
      if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}); see ${logFile}`);
      try { if ((await fetch(`${dev.base}/health`)).ok) return { port, startupMs: performance.now() - started }; } catch {}
      await sleep(200);
    }
    throw new Error(`${dev.base}/health did not answer within 60 s`);
  };

  dev.stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };

  /** Whether the wrangler dev process started last is still running. */
  dev.running = () => Boolean(child) && child.exitCode === null && child.signalCode === null;

  /** SIGKILL wrangler dev and everything in its process group (workerd included); needs `detached`. */
  dev.kill = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    if (!detached) throw new Error("dev.kill() needs createWranglerDev({ detached: true })");
    const exited = new Promise((r) => child.once("exit", r));
    try { process.kill(-child.pid, "SIGKILL"); } catch {}
    await exited;
    // The runtime is gone once its port is free again.
    for (let i = 0; i < 100 && !(await portFree(dev.port)); i++) await sleep(100);
  };

  dev.call = async (method, url, { token, json, body, headers = {} } = {}) => {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    if (json !== undefined) { h["content-type"] = "application/json"; body = JSON.stringify(json); }
    const res = await fetch(`${dev.base}${url}`, { method, headers: h, body });
    const text = await res.text();
    let data = null;
    try { data = JSON.parse(text); } catch {}
    return { status: res.status, data, text, headers: res.headers };
  };

  dev.must = async (method, url, opts, expected) => {
    const r = await dev.call(method, url, opts);
    if (!expected.includes(r.status)) throw new Error(`${method} ${url} → ${r.status}: ${r.text.slice(0, 500)}`);
    return r.data;
  };
  return dev;
}
