#!/usr/bin/env node
// `npm run bench`: end-to-end benchmarks of Scoutflare against its own `wrangler dev`.
//
// Machines here are shared and noisy, so every figure is reported as a RATIO of two measurements
// taken in the same run; absolute numbers are printed only as context. See bench/README.md.
//
//  1. a private wrangler dev (own port, own --persist-to state dir wiped at start, own ADMIN_TOKEN)
//  2. operator API: a prepaid company + a key with a high rate limit; import the 5,000-profile demo
//     pool (new) and re-import it (updates)
//  3. sourcing: 1 run (limit 20), 1 run (limit 100), 20 runs (limit 100) at once; billing checks
//  4. latency of GET /health vs GET /sourcing/{id}/results vs POST /sourcing (interleaved)
//
// Touches only 127.0.0.1. Plain Node 20 ESM, global fetch, no dependencies beyond the repo's own.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateDemoPool } from "../scripts/demo-pool.mjs";
import { pickPort, sleep } from "./lib/wrangler-dev.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const wrangler = path.join(root, "node_modules", ".bin", "wrangler");
const STATE_DIR = ".wrangler/bench-state";
const OUT_DIR = path.join(root, "bench", "out");
const BUILD_DIR = "bench/out/build";
const ADMIN_TOKEN = "bench-admin";
const childEnv = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };

const CFG = {
  preferredPort: 8799,
  poolSize: 5000,
  chunk: 1000,
  initialCredits: 100_000,
  concurrentRuns: 20,
  pollIntervalMs: 250,
  runTimeoutMs: 110_000,
  latencyN: 80, // per route, interleaved
  latencyPostLimit: 1,
  totalBudgetMs: 170_000,
};

const JOB = {
  title: "Senior Backend Engineer",
  jobDescription:
    "We are hiring a senior backend engineer: 5+ years building APIs with Node.js and TypeScript, PostgreSQL, " +
    "Redis and message queues; Docker and Kubernetes on AWS are a plus. You will own services end to end.",
  location: "San Francisco, CA",
};

// The latency POSTs use a job that matches nobody, so the runs they start find 0 profiles and end at
// once: the route does its full work (auth, rate limit, validation, reservation + insert, DO start),
// but no enrichment piles up in the background to slow the requests measured after it.
const NO_MATCH_JOB = { title: "Qzxv Wplkj", jobDescription: "Qzxv wplkj brnmt." };

const t0 = performance.now();
const ms = () => performance.now();
const round = (x, d = 2) => (x == null || !Number.isFinite(x) ? null : Number(x.toFixed(d)));
const log = (...a) => console.log(...a);

// ---- wrangler dev -----------------------------------------------------------------------------

let child = null;
let base = "";

/**
 * Bundle src/ once into bench/out/build and serve that file with --no-bundle: `wrangler dev` watches
 * its sources and reloads the Worker whenever a file under src/ changes, which restarts the local
 * runtime and drops in-flight local Queue messages (runs then sit in `enriching` until their deadline).
 * A snapshot keeps the whole bench on one build, however busy the working tree is.
 */
function bundleSnapshot() {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  const res = spawnSync(wrangler, ["deploy", "--dry-run", "--outdir", BUILD_DIR], {
    env: childEnv, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8",
  });
  if (res.status !== 0) {
    process.stderr.write(res.stdout + res.stderr);
    throw new Error("bundling src/ (wrangler deploy --dry-run --outdir) failed");
  }
  return path.join(BUILD_DIR, "index.js");
}

function applyMigrations() {
  const res = spawnSync(wrangler, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", STATE_DIR], {
    env: childEnv, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8",
  });
  if (res.status !== 0) {
    process.stderr.write(res.stdout + res.stderr);
    throw new Error("wrangler d1 migrations apply failed");
  }
}

async function startWrangler(entry) {
  const port = await pickPort(CFG.preferredPort, [8787]);
  const inspectorPort = await pickPort(9329, [8787, port, 9229]);
  base = `http://127.0.0.1:${port}`;
  // --local: the AI binding (wrangler.toml [ai]) is remote-only and would need a login (scripts/dev.mjs).
  const args = [
    "dev", entry, "--no-bundle", "--local", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort),
    "--persist-to", STATE_DIR, "--var", `ADMIN_TOKEN:${ADMIN_TOKEN}`, "--show-interactive-dev-session=false",
  ];
  const logFile = createWriteStream(path.join(OUT_DIR, "wrangler.log"));
  child = spawn(wrangler, args, { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(logFile);
  child.stderr.pipe(logFile);
  const started = ms();
  while (ms() - started < 60_000) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}); see bench/out/wrangler.log`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return { port, startupMs: ms() - started };
    } catch {}
    await sleep(200);
  }
  throw new Error(`${base}/health did not answer within 60 s`);
}

async function stopWrangler() {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

// ---- HTTP helpers -----------------------------------------------------------------------------

async function call(method, url, { token, json, body, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (json !== undefined) {
    h["content-type"] = "application/json";
    body = JSON.stringify(json);
  }
  const res = await fetch(`${base}${url}`, { method, headers: h, body });
  const text = await res.text();
  let data = null;
  try { data = JSON.parse(text); } catch {}
  return { status: res.status, data, text };
}

async function must(method, url, opts, expected) {
  const r = await call(method, url, opts);
  if (!expected.includes(r.status)) throw new Error(`${method} ${url} → ${r.status}: ${r.text.slice(0, 500)}`);
  return r.data;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const stats = (arr) => {
  const s = [...arr].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), mean: s.reduce((a, b) => a + b, 0) / s.length };
};

// ---- 2. setup and import ----------------------------------------------------------------------

async function setupTenant() {
  const admin = { token: ADMIN_TOKEN };
  const company = await must("POST", "/admin/companies", { ...admin, json: { name: "Bench Co", billingMode: "prepaid", initialCredits: CFG.initialCredits } }, [201]);
  const key = await must("POST", `/admin/companies/${company.id}/api-keys`, {
    ...admin, json: { name: "bench", environment: "test", rateLimit: { perMinute: 100_000, perHour: 1_000_000 } },
  }, [201]);
  return { companyId: company.id, key: key.key, initial: company.balance };
}

async function importChunk(key, profiles) {
  const body = profiles.map((p) => JSON.stringify(p)).join("\n");
  const start = ms();
  const r = await must("POST", "/candidates/import", { token: key, body, headers: { "content-type": "application/x-ndjson" } }, [200, 201]);
  return { ms: ms() - start, imported: r.imported, updated: r.updated, rejected: r.rejected?.length ?? 0 };
}

async function benchImport(key) {
  const pool = generateDemoPool({ count: CFG.poolSize, seed: 42 });
  const chunks = [];
  for (let i = 0; i < pool.length; i += CFG.chunk) chunks.push(pool.slice(i, i + CFG.chunk));
  const fresh = [];
  const startNew = ms();
  for (const c of chunks) fresh.push(await importChunk(key, c));
  const newTotalMs = ms() - startNew;
  const again = [];
  const startUpd = ms();
  for (const c of chunks) again.push(await importChunk(key, c));
  const updTotalMs = ms() - startUpd;
  const sum = (a, f) => a.reduce((x, y) => x + y[f], 0);
  const chunkNewMs = stats(fresh.map((c) => c.ms)).p50;
  const chunkUpdMs = stats(again.map((c) => c.ms)).p50;
  return {
    profiles: pool.length,
    newImport: { totalMs: newTotalMs, profilesPerS: (pool.length / newTotalMs) * 1000, imported: sum(fresh, "imported"), updated: sum(fresh, "updated"), rejected: sum(fresh, "rejected"), chunkMs: fresh.map((c) => c.ms) },
    reImport: { totalMs: updTotalMs, profilesPerS: (pool.length / updTotalMs) * 1000, imported: sum(again, "imported"), updated: sum(again, "updated"), rejected: sum(again, "rejected"), chunkMs: again.map((c) => c.ms) },
    // median 1,000-profile chunk: all updates (re-import) / all new
    ratioChunkUpdateToNew: chunkUpdMs / chunkNewMs,
    ratioTotalUpdateToNew: updTotalMs / newTotalMs,
  };
}

// ---- 3. sourcing ------------------------------------------------------------------------------

async function sourcingRun(key, limit, tag) {
  const start = ms();
  const accepted = await call("POST", "/sourcing", { token: key, json: { ...JOB, limit }, headers: { "idempotency-key": `bench-${tag}-${Date.now()}` } });
  if (accepted.status !== 202) return { tag, limit, ok: false, error: `POST /sourcing → ${accepted.status}: ${accepted.text.slice(0, 300)}`, wallMs: ms() - start };
  const id = accepted.data.requestId;
  const acceptMs = ms() - start;
  let polls = 0;
  while (ms() - start < CFG.runTimeoutMs) {
    await sleep(CFG.pollIntervalMs);
    const r = await call("GET", `/sourcing/${id}/results`, { token: key });
    polls++;
    if (r.status === 200) {
      return {
        tag, limit, id, ok: r.data.status === "completed", status: r.data.status, errorCode: r.data.errorCode ?? null,
        wallMs: ms() - start, acceptMs, polls, delivered: r.data.candidates.length, foundCount: r.data.foundCount, scoredCount: r.data.scoredCount,
        topScore: r.data.candidates[0]?.matchScore ?? null,
      };
    }
    if (r.status !== 202) return { tag, limit, id, ok: false, error: `results → ${r.status}: ${r.text.slice(0, 300)}`, wallMs: ms() - start };
  }
  return { tag, limit, id, ok: false, status: "timeout", wallMs: ms() - start, acceptMs, polls, delivered: 0 };
}

async function benchSourcing(tenant) {
  const one20 = await sourcingRun(tenant.key, 20, "one20");
  log(`  1 run, limit 20:   ${(one20.wallMs / 1000).toFixed(2)} s  (${one20.status}, ${one20.delivered} delivered, found ${one20.foundCount})`);
  const one100 = await sourcingRun(tenant.key, 100, "one100");
  log(`  1 run, limit 100:  ${(one100.wallMs / 1000).toFixed(2)} s  (${one100.status}, ${one100.delivered} delivered, found ${one100.foundCount})`);
  const startAll = ms();
  const many = await Promise.all(Array.from({ length: CFG.concurrentRuns }, (_, i) => sourcingRun(tenant.key, 100, `many${i}`)));
  const manyWallMs = ms() - startAll;
  const perRun = stats(many.map((r) => r.wallMs));
  log(`  ${CFG.concurrentRuns} runs at once, limit 100: ${(manyWallMs / 1000).toFixed(2)} s wall (per run p50 ${(perRun.p50 / 1000).toFixed(2)} s, max ${(Math.max(...many.map((r) => r.wallMs)) / 1000).toFixed(2)} s)`);

  const all = [one20, one100, ...many];
  const delivered = all.reduce((a, r) => a + (r.delivered ?? 0), 0);
  const company = await must("GET", `/admin/companies/${tenant.companyId}`, { token: ADMIN_TOKEN }, [200]);
  const checks = [
    { name: `all ${CFG.concurrentRuns} concurrent runs completed`, pass: many.every((r) => r.ok), detail: many.filter((r) => !r.ok).map((r) => `${r.tag}: ${r.status ?? ""} ${r.errorCode ?? ""} ${r.error ?? ""}`.trim()) },
    { name: "single runs completed", pass: one20.ok && one100.ok, detail: [one20, one100].filter((r) => !r.ok).map((r) => `${r.tag}: ${r.status ?? ""} ${r.error ?? ""}`.trim()) },
    { name: "no run delivered more than its limit", pass: all.every((r) => (r.delivered ?? 0) <= r.limit), detail: [] },
    { name: `balance = initial − delivered (${tenant.initial} − ${delivered} = ${tenant.initial - delivered}; got ${company.balance})`, pass: company.balance === tenant.initial - delivered, detail: [] },
    { name: `reserved = 0 (got ${company.reserved})`, pass: company.reserved === 0, detail: [] },
  ];
  return {
    one20, one100,
    concurrent: { count: CFG.concurrentRuns, limit: 100, wallMs: manyWallMs, perRunP50Ms: perRun.p50, perRunMaxMs: Math.max(...many.map((r) => r.wallMs)), runs: many },
    ratioConcurrentToOne100: manyWallMs / one100.wallMs,
    ratioOne100ToOne20: one100.wallMs / one20.wallMs,
    delivered,
    balance: { initial: tenant.initial, balance: company.balance, reserved: company.reserved, available: company.available },
    checks,
  };
}

// ---- 4. latency -------------------------------------------------------------------------------

async function timed(fn) {
  const s = ms();
  const r = await fn();
  return { ms: ms() - s, status: r.status };
}

async function benchLatency(tenant, completedRunId) {
  const samples = { health: [], results: [], post: [] };
  const bad = [];
  // warm-up (not measured)
  for (let i = 0; i < 5; i++) {
    await call("GET", "/health");
    await call("GET", `/sourcing/${completedRunId}/results`, { token: tenant.key });
  }
  // Interleaved, in a shuffled order each round, so drift in machine load and the little background
  // work each POST starts (its run's alarm steps) fall on the three routes alike.
  const probes = {
    health: () => fetch(`${base}/health`),
    results: () => fetch(`${base}/sourcing/${completedRunId}/results`, { headers: { authorization: `Bearer ${tenant.key}` } }),
    post: () =>
      fetch(`${base}/sourcing`, {
        method: "POST",
        headers: { authorization: `Bearer ${tenant.key}`, "content-type": "application/json" },
        body: JSON.stringify({ ...NO_MATCH_JOB, limit: CFG.latencyPostLimit }),
      }),
  };
  const expected = { health: 200, results: 200, post: 202 };
  let seed = 7;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = 0; i < CFG.latencyN; i++) {
    const order = Object.keys(probes).map((k) => [rand(), k]).sort((a, b) => a[0] - b[0]).map(([, k]) => k);
    for (const k of order) {
      const t = await timed(() => probes[k]().then(async (r) => (await r.arrayBuffer(), r)));
      samples[k].push(t.ms);
      if (t.status !== expected[k]) bad.push(`${k} ${t.status}`);
    }
  }
  const s = { health: stats(samples.health), results: stats(samples.results), post: stats(samples.post) };
  return {
    n: CFG.latencyN,
    resultsOfRun: completedRunId,
    ms: s,
    ratios: {
      resultsToHealthP50: s.results.p50 / s.health.p50, resultsToHealthP95: s.results.p95 / s.health.p95,
      postToHealthP50: s.post.p50 / s.health.p50, postToHealthP95: s.post.p95 / s.health.p95,
    },
    unexpectedStatuses: bad,
  };
}

// ---- main -------------------------------------------------------------------------------------

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  rmSync(STATE_DIR, { recursive: true, force: true });
  const watchdog = setTimeout(() => {
    console.error(`bench exceeded ${CFG.totalBudgetMs / 1000} s; stopping`);
    stopWrangler().finally(() => process.exit(2));
  }, CFG.totalBudgetMs + 60_000);
  watchdog.unref();

  log("• bundling a snapshot of src/ into", BUILD_DIR);
  const entry = bundleSnapshot();
  log("• applying D1 migrations into", STATE_DIR);
  applyMigrations();
  log("• starting wrangler dev");
  const { port, startupMs } = await startWrangler(entry);
  log(`• wrangler dev on 127.0.0.1:${port}, first /health after ${(startupMs / 1000).toFixed(1)} s`);

  const tenant = await setupTenant();
  log(`• company ${tenant.companyId} (prepaid, ${tenant.initial} credits), key with 100,000/min`);

  log(`• import: ${CFG.poolSize} profiles in chunks of ${CFG.chunk}, then the same again (updates)`);
  const imp = await benchImport(tenant.key);
  log(`  new:       ${(imp.newImport.totalMs / 1000).toFixed(2)} s  ${imp.newImport.profilesPerS.toFixed(0)} profiles/s  (imported ${imp.newImport.imported}, updated ${imp.newImport.updated}, rejected ${imp.newImport.rejected})`);
  log(`  re-import: ${(imp.reImport.totalMs / 1000).toFixed(2)} s  ${imp.reImport.profilesPerS.toFixed(0)} profiles/s  (imported ${imp.reImport.imported}, updated ${imp.reImport.updated}, rejected ${imp.reImport.rejected})`);

  log("• sourcing");
  const src = await benchSourcing(tenant);

  log(`• latency: ${CFG.latencyN} sequential requests per route, interleaved`);
  const lat = await benchLatency(tenant, src.one20.id);
  for (const [k, v] of Object.entries(lat.ms)) log(`  ${k.padEnd(8)} p50 ${v.p50.toFixed(1)} ms  p95 ${v.p95.toFixed(1)} ms`);

  // The latency POSTs' runs find nobody: once they end, they must have captured nothing and released all.
  let after;
  const settleStart = ms();
  do {
    await sleep(500);
    after = await must("GET", `/admin/companies/${tenant.companyId}`, { token: ADMIN_TOKEN }, [200]);
  } while (after.reserved !== 0 && ms() - settleStart < 20_000);
  const expectBalance = tenant.initial - src.delivered;
  src.checks.push({
    name: `after ${CFG.latencyN} zero-match runs: balance still ${expectBalance} (got ${after.balance}), reserved 0 (got ${after.reserved})`,
    pass: after.balance === expectBalance && after.reserved === 0, detail: [],
  });

  const ratios = {
    importChunkUpdateVsNew: round(imp.ratioChunkUpdateToNew),
    importAllUpdateVsNew: round(imp.ratioTotalUpdateToNew),
    sourcingLimit100VsLimit20: round(src.ratioOne100ToOne20),
    sourcing20ConcurrentVs1: round(src.ratioConcurrentToOne100),
    sourcing20ConcurrentVs20Sequential: round(src.ratioConcurrentToOne100 / CFG.concurrentRuns, 3),
    resultsVsHealthP50: round(lat.ratios.resultsToHealthP50), resultsVsHealthP95: round(lat.ratios.resultsToHealthP95),
    postSourcingVsHealthP50: round(lat.ratios.postToHealthP50), postSourcingVsHealthP95: round(lat.ratios.postToHealthP95),
  };
  const context = {
    importProfilesPerS: round(imp.newImport.profilesPerS, 0), reImportProfilesPerS: round(imp.reImport.profilesPerS, 0),
    oneRunLimit20S: round(src.one20.wallMs / 1000), oneRunLimit100S: round(src.one100.wallMs / 1000), concurrent20S: round(src.concurrent.wallMs / 1000),
    candidatesDelivered: src.delivered,
    healthP50Ms: round(lat.ms.health.p50, 1), resultsP50Ms: round(lat.ms.results.p50, 1), postP50Ms: round(lat.ms.post.p50, 1),
  };

  log("\nRATIOS (same run)");
  log(`  import: 1,000-profile chunk, all updates / all new ........ ${ratios.importChunkUpdateVsNew}  (median chunk; whole 5,000: ${ratios.importAllUpdateVsNew})`);
  log(`  sourcing: 1 run limit 100 / 1 run limit 20 ............... ${ratios.sourcingLimit100VsLimit20}`);
  log(`  sourcing: 20 concurrent runs (limit 100) / 1 run ......... ${ratios.sourcing20ConcurrentVs1}  (20 would mean no overlap at all)`);
  log(`  latency: GET results / GET /health ..... p50 ${ratios.resultsVsHealthP50}  p95 ${ratios.resultsVsHealthP95}`);
  log(`  latency: POST /sourcing / GET /health .. p50 ${ratios.postSourcingVsHealthP50}  p95 ${ratios.postSourcingVsHealthP95}`);
  log(`context (absolute, noisy): ${JSON.stringify(context)}`);

  log("\nACCEPTANCE");
  for (const c of src.checks) log(`  ${c.pass ? "PASS" : "FAIL"}  ${c.name}${c.detail.length ? `  — ${c.detail.join("; ")}` : ""}`);
  if (lat.unexpectedStatuses.length) log(`  note: unexpected statuses during latency: ${[...new Set(lat.unexpectedStatuses)].join(", ")}`);

  const out = {
    date: new Date().toISOString(), node: process.version, cpus: (await import("node:os")).cpus().length,
    totalS: round((ms() - t0) / 1000, 1), config: CFG, ratios, context,
    acceptance: src.checks.map(({ name, pass, detail }) => ({ name, pass, detail })),
    import: imp, sourcing: { ...src, checks: undefined }, latency: lat,
  };
  writeFileSync(path.join(OUT_DIR, "latest.json"), JSON.stringify(out, null, 2) + "\n");
  log(`\nwritten bench/out/latest.json (total ${out.totalS} s)`);
  return src.checks.every((c) => c.pass) ? 0 : 1;
}

let exitCode = 1;
const onSignal = () => stopWrangler().finally(() => process.exit(130));
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
try {
  exitCode = await main();
} catch (err) {
  console.error(`bench failed: ${err.stack ?? err}`);
  exitCode = 1;
} finally {
  await stopWrangler();
}
process.exit(exitCode);
