#!/usr/bin/env node
// `npm run bench:soak`: a soak of Scoutflare against its own `wrangler dev`, under faults, then
// every invariant checked. See bench/soak/README.md.
//
//   node bench/soak/run.mjs                 ≥ 200 runs over ~3 min: a burst (10 clients posting for
//                                           8 s, as the issue's load run), then a steady rate
//   node bench/soak/run.mjs --crash         40 runs; SIGKILL of the whole dev server mid-run, restart
//                                           on the same state dir; every run must complete
//   flags: --runs=N --duration=S --burst=S --burst-clients=N --burst-max=N --pool=N
//          --source-faults=0..1 --webhook-faults=0..1 --batch-timeout=S --deadline=S --seed=N
//          --source=DIR (serve another checkout's src/, e.g. an export of an older commit, for a before/after)
//
// Faults: a flaky local webhook receiver (500, a hang past the webhook's timeout, a dropped
// connection; one webhook answers 410 after a few events) and a flaky source (SOURCE_FAULT_RATE, a
// dev-only var: src/pipeline/sources/fault-injection.ts). Then: every run terminal; per run
// reserved = captured + released and captured = delivered; nothing reserved; balance = top-ups −
// captures; each run's webhook event under one id, acknowledged once, or visibly failed/skipped.
// Touches only 127.0.0.1. Plain Node 20 ESM and fetch; no dependencies beyond the repo's own.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import { seededRandom, summarize } from "../lib/stats.mjs";
import { createWranglerDev, sleep, wranglerCommand } from "../lib/wrangler-dev.mjs";
import { balanceApiAgrees, crashAcceptance, ledgerBalanced, runsTerminal, webhooksOncePerEvent } from "./checks.mjs";
import { startReceiver } from "./receiver.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
process.chdir(root);
const OUT_DIR = path.join(root, "bench", "out", "soak");
const STATE_DIR = ".wrangler/soak-state";
const ADMIN_TOKEN = "soak-admin-token-0123456789abcdef"; // ≥ 32 characters, as the operator API asks outside localhost

// ---- configuration ------------------------------------------------------------------------------

const flags = Object.fromEntries(process.argv.slice(2).map((a) => {
  const [k, v] = a.replace(/^--/, "").split("=");
  return [k, v ?? "true"];
}));
const num = (name, fallback) => (flags[name] === undefined ? fallback : Number(flags[name]));
const CRASH = flags.crash === "true";
const CFG = {
  crash: CRASH,
  runs: num("runs", CRASH ? 40 : 200),
  durationS: num("duration", CRASH ? 0 : 180), // posting window; the drain comes after it
  burstS: num("burst", 8),
  burstClients: num("burst-clients", 10),
  burstMax: num("burst-max", CRASH ? Infinity : 72), // the issue's load run: 72 runs from 10 clients in 8 s
  pool: num("pool", 2000),
  // Per call; a search retries the source twice within itself, so ~rate³ of searches fail whole and
  // are retried by the run's alarm (0.3 → ~3 %): both layers are exercised, the breaker rarely opens.
  sourceFaultRate: num("source-faults", CRASH ? 0.1 : 0.3),
  webhookFaultRate: num("webhook-faults", CRASH ? 0.2 : 0.35),
  webhookTimeoutMs: 1500,
  goneAfter: 5, // the 410 webhook accepts this many events, then answers 410
  batchTimeoutS: num("batch-timeout", 30),
  deadlineS: num("deadline", 300),
  retryScheduleS: "1,2,4,4,4,4,4", // the contract's schedule, in seconds instead of hours
  drainTimeoutS: num("drain-timeout", 600),
  pollMs: 2000,
  seed: num("seed", 1),
  initialCredits: 1_000_000,
};
const random = seededRandom(CFG.seed);

const JOBS = [
  { title: "Senior Backend Engineer", jobDescription: "Senior backend engineer: 5+ years of Node.js and TypeScript, PostgreSQL, Redis, Kubernetes on AWS.", location: "San Francisco, CA" },
  { title: "Registered Nurse", jobDescription: "Registered Nurse for a busy medical-surgical unit. Requirements: RN license, BLS, patient assessment, medication administration.", location: "Chicago, IL" },
  { title: "Accountant", jobDescription: "Accountant to own month-end close, reconciliations and GAAP reporting. CPA preferred; Excel and NetSuite.", location: "Remote" },
  { title: "Data Engineer", jobDescription: "Data engineer building pipelines with Python, SQL, Spark and Airflow on a cloud data warehouse.", location: "London" },
  { title: "Marketing Manager", jobDescription: "Marketing manager for demand generation: campaigns, SEO, marketing automation, analytics.", location: "New York, NY" },
  { title: "Teacher", jobDescription: "Teacher for a middle school: lesson planning, classroom management, differentiated instruction. Teaching certificate required.", location: "Austin, TX" },
];

const t0 = performance.now();
const elapsedS = () => (performance.now() - t0) / 1000;
const log = (...a) => console.log(`[${elapsedS().toFixed(0).padStart(4)} s]`, ...a);
const ratio = (a, b) => (b === 0 ? "—" : (a / b).toFixed(3));

// ---- the server and its clients -----------------------------------------------------------------

mkdirSync(OUT_DIR, { recursive: true });
const logFile = path.join(OUT_DIR, "wrangler.log");
const dev = createWranglerDev({
  root, sourceRoot: flags.source ? path.resolve(flags.source) : root, stateDir: STATE_DIR, buildDir: "bench/out/soak/build", logFile, preferredPort: 8795, inspectorPort: 9349, adminToken: ADMIN_TOKEN,
  detached: true,
  vars: {
    WEBHOOK_ALLOW_LOCALHOST: "true", // local receivers, and the only switch that lets SOURCE_FAULT_RATE count
    SOURCE_FAULT_RATE: String(CFG.sourceFaultRate),
    WEBHOOK_RETRY_SCHEDULE_S: CFG.retryScheduleS,
    ENRICH_BATCH_TIMEOUT_S: String(CFG.batchTimeoutS),
    RUN_DEADLINE_S: String(CFG.deadlineS),
  },
});

let receiver = null;
async function shutdown() {
  await dev.stop().catch(() => {});
  await receiver?.close().catch(() => {});
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => shutdown().finally(() => process.exit(130)));

/** dev.call that survives the server being down (the crash window): null instead of a throw. */
async function tryCall(method, url, opts) {
  try { return await dev.call(method, url, opts); } catch { return null; }
}

async function setup(pool) {
  const company = await dev.must("POST", "/admin/companies", { token: ADMIN_TOKEN, json: { name: "Soak Co", billingMode: "prepaid", initialCredits: CFG.initialCredits } }, [201]);
  const key = (await dev.must("POST", `/admin/companies/${company.id}/api-keys`, {
    token: ADMIN_TOKEN, json: { name: "soak", environment: "test", rateLimit: { perMinute: 100_000, perHour: 1_000_000 } },
  }, [201])).key;
  for (let i = 0; i < pool.length; i += 1000) {
    const body = pool.slice(i, i + 1000).map((p) => JSON.stringify(p)).join("\n");
    await dev.must("POST", "/candidates/import", { token: key, body, headers: { "content-type": "application/x-ndjson" } }, [200]);
  }
  const modes = CFG.crash ? ["flaky", "flaky", "flaky"] : ["flaky", "flaky", "flaky", "gone"];
  const webhooks = [];
  for (const [i, mode] of modes.entries()) {
    const p = `/hook/${mode}-${i}`;
    const url = receiver.add(p, mode);
    const created = await dev.must("POST", "/webhooks", {
      token: key, json: { url, name: `soak ${mode} ${i}`, events: ["SOURCING_COMPLETED", "SOURCING_FAILED"], timeoutMs: CFG.webhookTimeoutMs, maxRetries: 7 },
    }, [201]);
    receiver.setSecret(p, created.signingSecret);
    webhooks.push({ id: created.id, mode, path: p });
  }
  return { companyId: company.id, key, webhooks };
}

// ---- load ---------------------------------------------------------------------------------------

const runs = []; // { id, webhookId, postMs }
const postFailures = []; // { status, text }

async function postRun(t, i) {
  const job = JOBS[i % JOBS.length];
  // Most runs name a webhook (round-robin over them, the 410 one included); every fifth none.
  const webhook = i % 5 === 4 ? null : t.webhooks[i % t.webhooks.length];
  const body = { ...job, limit: 5 + Math.floor(random() * 16), ...(webhook && { webhookId: webhook.id }) };
  const started = performance.now();
  const r = await tryCall("POST", "/sourcing", { token: t.key, json: body });
  const postMs = performance.now() - started;
  if (r?.status === 202) runs.push({ id: r.data.requestId, webhookId: webhook?.id ?? null, webhookMode: webhook?.mode ?? null, postMs });
  else postFailures.push({ status: r?.status ?? "no answer", text: r?.text?.slice(0, 200) ?? "" });
}

/** The issue's load case: `clients` clients posting back to back for `seconds`, at most `max` runs. */
async function burst(t) {
  const until = performance.now() + CFG.burstS * 1000;
  let issued = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CFG.burstClients }, async () => {
    while (performance.now() < until && issued < Math.min(CFG.burstMax, CFG.runs)) await postRun(t, issued++);
  }));
  return { runs: issued, seconds: (performance.now() - started) / 1000 };
}

/** The rest at a steady rate over the posting window (not waiting on slow answers: a fixed schedule). */
async function steady(t, from) {
  const remaining = CFG.runs - from;
  if (remaining <= 0) return { runs: 0, seconds: 0 };
  const windowMs = Math.max(0, CFG.durationS - CFG.burstS) * 1000;
  const intervalMs = windowMs / remaining;
  const started = performance.now();
  const inflight = [];
  for (let k = 0; k < remaining; k++) {
    const due = started + k * intervalMs;
    if (due > performance.now()) await sleep(due - performance.now());
    inflight.push(postRun(t, from + k));
  }
  await Promise.all(inflight);
  return { runs: remaining, seconds: (performance.now() - started) / 1000 };
}

// Which runs are still processing, learnt through GET /sourcing/{id}, a few runs per look (round
// robin), so the polling stays a small share of the load it watches. A run seen ended is not asked again.
const ended = new Map(); // requestId → the run as GET /sourcing/{id} last showed it
let pollCursor = 0;
async function pollSome(t, n) {
  const open = runs.filter((r) => !ended.has(r.id));
  const batch = Array.from({ length: Math.min(n, open.length) }, (_, k) => open[(pollCursor + k) % open.length]);
  pollCursor += batch.length;
  await Promise.all(batch.map(async (r) => {
    const res = await tryCall("GET", `/sourcing/${r.id}`, { token: t.key });
    if (res?.status === 200 && res.data.status !== "processing") ended.set(r.id, res.data);
  }));
  return runs.length - ended.size;
}

async function allPages(t, urlOf, key) {
  const out = [];
  let cursor = null;
  do {
    const r = await dev.must("GET", urlOf(cursor), { token: t.key }, [200]);
    out.push(...r[key]);
    cursor = r.nextCursor;
  } while (cursor);
  return out;
}

/** The most runs between created and ended at any instant, from their timestamps. */
function mostAtOnce(views) {
  const edges = views.flatMap((v) => [[Date.parse(v.createdAt), 1], [Date.parse(v.completedAt ?? v.updatedAt), -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let n = 0;
  let most = 0;
  for (const [, d] of edges) most = Math.max(most, (n += d));
  return most;
}

const deliveriesOf = (t) => Promise.all(t.webhooks.map((w) =>
  allPages(t, (c) => `/webhooks/${w.id}/deliveries?limit=100${c ? `&cursor=${encodeURIComponent(c)}` : ""}`, "deliveries"))).then((l) => l.flat());

// ---- the crash ----------------------------------------------------------------------------------

/** Mid-run: some runs done, most still working. Then the whole dev server dies and comes back on the same state. */
async function crashMidRun(t) {
  const until = performance.now() + 90_000;
  let processing = null;
  while (performance.now() < until) {
    processing = await pollSome(t, runs.length);
    if (processing <= runs.length * 0.85 && processing >= Math.min(5, runs.length)) break;
    await sleep(1000);
  }
  log(`crash: SIGKILL of the wrangler dev process group with ${processing} of ${runs.length} runs processing`);
  const killedAt = performance.now();
  await dev.kill();
  const { startupMs } = await dev.start();
  log(`crash: restarted on the same state dir in ${((performance.now() - killedAt) / 1000).toFixed(1)} s (start-up ${(startupMs / 1000).toFixed(1)} s)`);
  return { processingAtCrash: processing, downS: (performance.now() - killedAt) / 1000 };
}

// ---- after the run: D1 and the log --------------------------------------------------------------

function d1(sql) {
  const [bin, ...pre] = wranglerCommand(root);
  const res = spawnSync(bin, [...pre, "d1", "execute", "DB", "--local", "--persist-to", STATE_DIR, "--json", "--command", sql], {
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`wrangler d1 execute failed: ${res.stderr || res.stdout}`);
  return JSON.parse(res.stdout)[0].results;
}

function logCounts() {
  const text = readFileSync(logFile, "utf8");
  const count = (needle) => text.split(needle).length - 1;
  return {
    sourceFaults: count('"msg":"source fault injected"'),
    searchFailures: count('"msg":"search failed"'),
    batchResends: count('"msg":"enrich batches re-sent"'),
    batchRetries: count('"msg":"enrich batch failed"'),
    stepFailures: count('"msg":"run step failed"'),
  };
}

// ---- main ---------------------------------------------------------------------------------------

async function main() {
  log(`soak${CFG.crash ? " --crash" : ""}: ${CFG.runs} runs, posting window ${CFG.durationS} s, pool ${CFG.pool}, source faults ${CFG.sourceFaultRate}, webhook faults ${CFG.webhookFaultRate}`);
  // Generated before the server starts: seconds of CPU for a large pool would otherwise idle the
  // client's keep-alive connections past the server's timeout (EPIPE on the next request).
  const pool = generateDemoPool({ count: CFG.pool, seed: 42 });
  receiver = await startReceiver({ faultRate: CFG.webhookFaultRate, hangMs: CFG.webhookTimeoutMs + 1000, goneAfter: CFG.goneAfter, random });
  dev.prepare();
  const { startupMs } = await dev.start();
  log(`wrangler dev up on ${dev.base} in ${(startupMs / 1000).toFixed(1)} s`);
  const t = await setup(pool);
  log(`tenant ready: ${CFG.pool} profiles imported, ${t.webhooks.length} webhooks`);

  const loadStarted = performance.now();
  const b = await burst(t);
  log(`burst: ${b.runs} runs from ${CFG.burstClients} clients in ${b.seconds.toFixed(1)} s`);
  let crash = null;
  const s = CFG.crash ? { runs: 0, seconds: 0 } : await steady(t, b.runs);
  if (s.runs) log(`steady: ${s.runs} runs over ${s.seconds.toFixed(1)} s`);
  const postedAt = performance.now();
  if (CFG.crash) crash = await crashMidRun(t);

  // Drain: every run ends (the deadline bounds it), then every webhook settles.
  const drainUntil = performance.now() + CFG.drainTimeoutS * 1000;
  let processing = null;
  while (performance.now() < drainUntil) {
    if (!dev.running()) throw new Error(`wrangler dev exited mid-soak; see ${logFile}`);
    processing = await pollSome(t, 20);
    if (processing === 0) break;
    await sleep(CFG.pollMs);
  }
  const drainedS = (performance.now() - postedAt) / 1000;
  log(`drained: ${processing} processing, ${drainedS.toFixed(0)} s after the last post`);
  let deliveries = [];
  const settleUntil = performance.now() + 120_000;
  while (performance.now() < settleUntil) {
    deliveries = await deliveriesOf(t);
    if (!deliveries.some((d) => d.status === "pending")) break;
    await sleep(CFG.pollMs);
  }
  await sleep(1000); // the last acknowledgements are logged by the receiver before the sender records them
  for (const r of runs) if (!ended.has(r.id)) ended.set(r.id, (await dev.must("GET", `/sourcing/${r.id}`, { token: t.key }, [200])));
  const apiRuns = [...ended.values()];
  const apiBalance = await dev.must("GET", "/billing/balance", { token: t.key }, [200]);
  const totalS = (performance.now() - loadStarted) / 1000;
  await dev.stop();
  await receiver.close();

  // D1 as the server left it.
  const q = (s) => s.replaceAll("?company", `'${t.companyId}'`);
  const d1Runs = d1(q(`SELECT s.id, s.status, s.error_code AS errorCode, (SELECT COUNT(*) FROM run_results r WHERE r.run_id = s.id) AS results
    FROM sourcing_runs s WHERE s.company_id = ?company`));
  const reservations = d1(q(`SELECT reservation_id,
      SUM(entry_type = 'reserve') AS reserves, SUM(entry_type = 'capture') AS captures, SUM(entry_type = 'release') AS releases,
      COALESCE(SUM(CASE WHEN entry_type = 'reserve' THEN amount END), 0) AS reserved,
      COALESCE(SUM(CASE WHEN entry_type = 'capture' THEN amount END), 0) AS captured,
      COALESCE(SUM(CASE WHEN entry_type = 'release' THEN amount END), 0) AS released
    FROM credit_ledger WHERE company_id = ?company AND reservation_id IS NOT NULL GROUP BY reservation_id`));
  const [company] = d1(q(`SELECT COALESCE(SUM(balance_delta), 0) AS balance, COALESCE(SUM(reserved_delta), 0) AS reserved,
      COALESCE(SUM(CASE WHEN entry_type = 'topup' THEN amount END), 0) AS topups FROM credit_ledger WHERE company_id = ?company`));
  const [disabled] = d1(q(`SELECT COUNT(*) AS n FROM webhook_configs WHERE company_id = ?company AND is_active = 0`));
  const attemptLog = d1(q(`SELECT a.delivery_id AS id, COALESCE(SUM(a.status_code BETWEEN 200 AND 299), 0) AS ok,
      COALESCE(SUM(a.status_code IS NULL OR a.status_code NOT BETWEEN 200 AND 299), 0) AS failed
    FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.company_id = ?company GROUP BY a.delivery_id`));
  const attempts = { ok: attemptLog.reduce((n, a) => n + a.ok, 0), n: attemptLog.reduce((n, a) => n + a.ok + a.failed, 0) };

  // ---- checks and figures ----
  const runIds = runs.map((r) => r.id);
  const hooked = runs.map((r) => ({ id: r.id, webhookId: r.webhookId }));
  const wh = webhooksOncePerEvent(hooked, deliveries, receiver.records, attemptLog, { crashed: CFG.crash });
  const checks = [
    runsTerminal(runIds, d1Runs),
    ledgerBalanced(runIds, d1Runs, reservations, company),
    balanceApiAgrees(apiBalance, company),
    wh,
  ];
  if (CFG.crash) checks.push(crashAcceptance(runIds, d1Runs, company, wh.tally, hooked.filter((r) => r.webhookId).length));
  if (postFailures.length) checks.push({ name: "every POST /sourcing accepted", pass: false, detail: `${postFailures.length} refused: ${JSON.stringify(postFailures.slice(0, 2))}` });

  const byStatus = (s) => apiRuns.filter((r) => runIds.includes(r.requestId) && r.status === s);
  const completed = byStatus("completed");
  const failed = byStatus("failed");
  const failedBy = Object.entries(failed.reduce((a, r) => ({ ...a, [r.errorCode ?? "?"]: (a[r.errorCode ?? "?"] ?? 0) + 1 }), {}));
  const maxProcessing = mostAtOnce(apiRuns);
  const wallS = completed.concat(failed).filter((r) => r.completedAt).map((r) => (Date.parse(r.completedAt) - Date.parse(r.createdAt)) / 1000);
  const wall = wallS.length ? summarize(wallS) : null;
  const post = summarize(runs.map((r) => r.postMs));
  const answers = receiver.records.reduce((a, r) => ({ ...a, [r.answer ?? "none"]: (a[r.answer ?? "none"] ?? 0) + 1 }), {});
  const recovered = deliveries.filter((d) => d.status === "delivered" && d.attemptCount > 1).length;
  const lc = logCounts();
  const sourceUnavailable = failedBy.find(([c]) => c === "SOURCE_UNAVAILABLE")?.[1] ?? 0;

  const load = [
    ["runs accepted / posted", `${runs.length} / ${runs.length + postFailures.length}`, ratio(runs.length, runs.length + postFailures.length)],
    [`burst: ${CFG.burstClients} clients, ${CFG.burstS} s`, `${b.runs} runs in ${b.seconds.toFixed(1)} s`, `${(b.runs / Math.max(b.seconds, 0.001)).toFixed(1)} runs/s`],
    ["steady rate", s.runs ? `${s.runs} runs over ${s.seconds.toFixed(0)} s` : "—", s.runs ? `${(s.runs / s.seconds).toFixed(2)} runs/s` : "—"],
    ["most runs processing at once", String(maxProcessing), ratio(maxProcessing, runs.length)],
    ["POST /sourcing p50 / p95", `${post.p50.toFixed(0)} / ${post.p95.toFixed(0)} ms`, ratio(post.p95, post.p50)],
    ["run wall time p50 / p95 (created → ended)", wall ? `${wall.p50.toFixed(1)} / ${wall.p95.toFixed(1)} s` : "—", wall ? `${ratio(wall.p95, CFG.deadlineS)} of the deadline (p95)` : "—"],
    ["completed / accepted", `${completed.length} / ${runs.length}`, ratio(completed.length, runs.length)],
    ["failed, by code", failedBy.length ? failedBy.map(([c, n]) => `${c} ${n}`).join(", ") : "none", ratio(failed.length, runs.length)],
    ["drain after the last post", `${drainedS.toFixed(0)} s`, `whole soak ${totalS.toFixed(0)} s`],
  ];
  const faults = [
    ["source calls failed on purpose", String(lc.sourceFaults), `${lc.searchFailures} searches found no source answering (retried by the alarm); ${sourceUnavailable} runs failed SOURCE_UNAVAILABLE`],
    ["webhook attempts received / logged by the sender", `${receiver.records.length} / ${attempts.n} (${attempts.ok} logged 2xx)`, ratio(attempts.ok, receiver.records.length)],
    ["  answered 500 / hung / dropped / 410", `${answers[500] ?? 0} / ${answers.timeout ?? 0} / ${answers.reset ?? 0} / ${answers[410] ?? 0}`, ratio((answers[500] ?? 0) + (answers.timeout ?? 0) + (answers.reset ?? 0) + (answers[410] ?? 0), receiver.records.length)],
    ["deliveries delivered after ≥ 1 failed attempt", String(recovered), ratio(recovered, wh.tally.delivered)],
    ["same id again: a 2xx the sender missed", String(wh.tally.repeats), "at least once, one id: receivers deduplicate by webhook-id"],
    ["webhooks disabled by 410", String(disabled.n), `${wh.tally.skipped} events skipped, visible as "skipped"`],
    ["enrich batches re-sent (lost or overdue)", String(lc.batchResends), `${lc.batchRetries} consumer retries`],
    ["run steps failed and retried", String(lc.stepFailures), ""],
    ...(crash ? [["crash: SIGKILL + restart", `${crash.processingAtCrash} runs processing`, `down ${crash.downS.toFixed(1)} s`]] : []),
  ];

  const table = (title, rows) => {
    const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length), 4));
    console.log(`\n${title}`);
    for (const r of rows) console.log(`  ${String(r[0]).padEnd(w[0])}  ${String(r[1]).padEnd(w[1])}  ${r[2]}`);
  };
  table("Load held", load);
  table("Faults survived", faults);
  console.log("\nChecks");
  for (const c of checks) console.log(`  ${c.pass ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}`);
  writeFileSync(path.join(OUT_DIR, CFG.crash ? "latest-crash.json" : "latest.json"), JSON.stringify({ cfg: CFG, load, faults, checks, logCounts: lc }, null, 2));
  return checks.every((c) => c.pass) ? 0 : 1;
}

main()
  .then(async (code) => { await shutdown(); process.exit(code); })
  .catch(async (err) => {
    console.error(err);
    if (dev.lastError) console.error(dev.lastError);
    await shutdown();
    process.exit(2);
  });
