#!/usr/bin/env node
// `npm run bench:ranking`: how well Scoutflare ranks a talent pool, judged against graded labels and
// against plain BM25 over the same profiles. The product is a black box behind its HTTP API; this
// benchmark never reads its matching code (see bench/ranking/README.md).
//
//  1. generate the data set (deterministic seed) and write it to bench/ranking/out/
//  2. a private wrangler dev (bench/lib/wrangler-dev.mjs: snapshot bundle, own port 8797 and state dir)
//  3. a prepaid company, a key with a high rate limit; import every profile (NDJSON, ≤ 1 MB a chunk)
//  4. every posting: POST /sourcing { title, jobDescription, location, limit: 20 }, a few at a time,
//     poll results, map candidates back to externalIds; BM25 top 20 for the same posting
//  5. nDCG@20, precision@20, junk@20 per posting and mean; bench/out/ranking-latest.json
//
// Exit 0 whatever the figures; non-zero only when the harness itself fails.
import { execSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createWranglerDev, sleep } from "../lib/wrangler-dev.mjs";
import { buildBm25 } from "./bm25.mjs";
import { generateDataset } from "./dataset.mjs";
import { junkAt, mean, ndcgAt, precisionAt } from "./metrics.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
process.chdir(root);
const OUT_DIR = path.join(root, "bench", "out");
// --set=main (default) | --set=holdout: which data set to load. The held-out set (bench/ranking/holdout/,
// see its README) has its own postings, templates, state dir, build dir, log and output JSON.
const SET = (process.argv.find((a) => a.startsWith("--set=")) ?? "--set=main").split("=")[1];
if (!["main", "holdout"].includes(SET)) throw new Error(`unknown --set=${SET} (main | holdout)`);
const HOLDOUT = SET === "holdout";
const DATA_DIR = HOLDOUT ? path.join(here, "holdout", "out") : path.join(here, "out");
const generate = HOLDOUT ? (await import("./holdout/dataset.mjs")).generateDataset : generateDataset;

const CFG = {
  seed: Number(process.env.RANKING_SEED ?? (HOLDOUT ? 5550123 : 20261202)),
  k: 20,
  preferredPort: 8797,
  stateDir: HOLDOUT ? ".wrangler/bench-ranking-holdout-state" : ".wrangler/bench-ranking-state",
  buildDir: HOLDOUT ? "bench/out/build-ranking-holdout" : "bench/out/build-ranking",
  chunkBytes: 900_000, // under the 1 MB a request this bench allows itself
  chunkProfiles: 5000,
  concurrentRuns: 3,
  pollIntervalMs: 500,
  runTimeoutMs: 180_000,
  totalBudgetMs: 420_000,
};
const GOAL = { ndcg: 0.9, ratioVsBm25: 1.4 };
const ADMIN_TOKEN = "bench-ranking-admin";
const log = (...a) => console.log(...a);
const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(1);

// Which Worker is measured: --source=worktree (the checkout as it is now), --source=head (the last
// commit, exported with `git archive` into bench/out/ranking-head; the checkout is never touched), or
// auto (default): the working tree, falling back to HEAD — loudly — when the working tree does not build
// (other people edit src/ at the same time).
const SOURCE = (process.argv.find((a) => a.startsWith("--source=")) ?? "--source=auto").split("=")[1];
const HEAD_DIR = path.join(OUT_DIR, HOLDOUT ? "ranking-holdout-head" : "ranking-head");
const makeDev = (sourceRoot) => createWranglerDev({
  root, sourceRoot, stateDir: CFG.stateDir, buildDir: CFG.buildDir, logFile: path.join(OUT_DIR, HOLDOUT ? "wrangler-ranking-holdout.log" : "wrangler-ranking.log"),
  preferredPort: CFG.preferredPort, adminToken: ADMIN_TOKEN,
});
let dev = null;

function exportHead() {
  rmSync(HEAD_DIR, { recursive: true, force: true });
  mkdirSync(HEAD_DIR, { recursive: true });
  execSync(`git archive HEAD | tar -x -C ${JSON.stringify(HEAD_DIR)}`, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  symlinkSync(path.join(root, "node_modules"), path.join(HEAD_DIR, "node_modules"), "dir");
  // Generated at install time (npm ci's postinstall), so not in git: the checkout's copy serves HEAD.
  cpSync(path.join(root, "src", "geo", "generated"), path.join(HEAD_DIR, "src", "geo", "generated"), { recursive: true });
  return execSync("git rev-parse --short HEAD", { cwd: root, encoding: "utf8" }).trim();
}

/** Bundle + migrate the chosen source; returns what was measured. */
function prepareSource() {
  if (SOURCE !== "head") {
    dev = makeDev(root);
    try { dev.prepare(); return { source: "worktree", note: null }; } catch (err) {
      if (SOURCE === "worktree") { process.stderr.write(dev.lastError ?? ""); throw err; }
      const firstError = (dev.lastError ?? "").split("\n").find((l) => /ERROR|error/.test(l)) ?? "";
      log(`  ! the working tree does not build (${firstError.replace(/\x1b\[[0-9;]*m/g, "").trim().slice(0, 160)}); measuring HEAD instead`);
    }
  }
  const commit = exportHead();
  dev = makeDev(HEAD_DIR);
  try { dev.prepare(); } catch (err) { process.stderr.write(dev.lastError ?? ""); throw err; }
  return { source: `HEAD ${commit}`, note: SOURCE === "head" ? null : "working tree did not build" };
}

function writeDataset(ds) {
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(path.join(DATA_DIR, "profiles.ndjson"), ds.profiles.map((p) => JSON.stringify(p)).join("\n") + "\n");
  writeFileSync(path.join(DATA_DIR, "postings.json"), JSON.stringify(ds.postings, null, 2) + "\n");
  writeFileSync(path.join(DATA_DIR, "grades.json"), JSON.stringify(ds.grades) + "\n");
  // the latent facts each profile was written from, with the kind of case it is (for people, not for the product)
  writeFileSync(path.join(DATA_DIR, "latent.ndjson"), ds.latents.map((l) => JSON.stringify(l)).join("\n") + "\n");
}

function chunks(profiles) {
  const out = []; let cur = []; let bytes = 0;
  for (const p of profiles) {
    const line = JSON.stringify(p);
    if (cur.length && (bytes + line.length + 1 > CFG.chunkBytes || cur.length >= CFG.chunkProfiles)) { out.push(cur); cur = []; bytes = 0; }
    cur.push(line); bytes += Buffer.byteLength(line) + 1;
  }
  if (cur.length) out.push(cur);
  return out.map((lines) => lines.join("\n"));
}

async function setupTenant(postings) {
  const credits = postings.length * CFG.k * 5 + 1000;
  const company = await dev.must("POST", "/admin/companies", { token: ADMIN_TOKEN, json: { name: "Ranking Bench Co", billingMode: "prepaid", initialCredits: credits } }, [201]);
  const key = await dev.must("POST", `/admin/companies/${company.id}/api-keys`, {
    token: ADMIN_TOKEN, json: { name: "bench-ranking", environment: "test", rateLimit: { perMinute: 100_000, perHour: 1_000_000 } },
  }, [201]);
  return { companyId: company.id, key: key.key, credits };
}

async function importAll(key, profiles) {
  let imported = 0, updated = 0; const rejected = [];
  const bodies = chunks(profiles);
  for (const body of bodies) {
    const r = await dev.must("POST", "/candidates/import", { token: key, body, headers: { "content-type": "application/x-ndjson" } }, [200, 201]);
    imported += r.imported; updated += r.updated; rejected.push(...(r.rejected ?? []));
  }
  return { chunks: bodies.length, imported, updated, rejected };
}

// 429s are retried after Retry-After, and so is a connection the server closed while it sat idle in
// the pool (undici's "fetch failed" after the BM25 step keeps Node busy for seconds): every POST carries
// an Idempotency-Key, so a retry cannot start a second run. Anything else unexpected is a harness failure.
async function callRetrying(method, url, opts, expected) {
  for (let attempt = 0; ; attempt++) {
    let r;
    try {
      r = await dev.call(method, url, opts);
    } catch (err) {
      if (attempt < 3 && err instanceof TypeError && /fetch failed/u.test(err.message)) { await sleep(200); continue; }
      throw err;
    }
    if (r.status === 429 && attempt < 5) { await sleep(1000 * Number(r.headers.get("retry-after") ?? 1)); continue; }
    if (!expected.includes(r.status)) throw new Error(`${method} ${url} → ${r.status}: ${r.text.slice(0, 400)}`);
    return r;
  }
}

async function runPosting(key, posting) {
  const start = performance.now();
  const body = { title: posting.title, jobDescription: posting.jobDescription, location: posting.location, limit: CFG.k };
  const accepted = await callRetrying("POST", "/sourcing", { token: key, json: body, headers: { "idempotency-key": `bench-ranking-${posting.id}-${Date.now()}` } }, [202]);
  const id = accepted.data.requestId;
  while (performance.now() - start < CFG.runTimeoutMs) {
    await sleep(CFG.pollIntervalMs);
    const r = await callRetrying("GET", `/sourcing/${id}/results`, { token: key }, [200, 202]);
    if (r.status === 200) return { id, status: r.data.status, errorCode: r.data.errorCode ?? null, wallMs: performance.now() - start, foundCount: r.data.foundCount, scoredCount: r.data.scoredCount, candidates: r.data.candidates ?? [] };
  }
  return { id, status: "timeout", wallMs: performance.now() - start, candidates: [] };
}

async function pool(items, n, fn) {
  const out = new Array(items.length); let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) { const i = next++; out[i] = await fn(items[i], i); }
  }));
  return out;
}

/** profileId → externalId: read the pool's own record; fall back to LinkedIn URL. */
async function mapToExternal(key, candidates, byLinkedin, cache) {
  const ids = [];
  for (const c of candidates) {
    if (!cache.has(c.profileId)) {
      const r = await callRetrying("GET", `/candidates/${encodeURIComponent(c.profileId)}`, { token: key }, [200, 404]);
      cache.set(c.profileId, r.data?.profile?.externalId ?? (c.linkedinUrl ? byLinkedin.get(c.linkedinUrl) : null) ?? null);
    }
    ids.push(cache.get(c.profileId) ?? `unknown:${c.profileId}`);
  }
  return ids;
}

const f2 = (x) => (x == null ? "  –  " : x.toFixed(2));
const f3 = (x) => (x == null ? "  –  " : x.toFixed(3));

function printTable(rows, overall) {
  const head = `${"posting".padEnd(31)} ${"≥2/=3".padStart(7)} │ ${"product nDCG  P@20  junk".padEnd(24)} │ ${"BM25 nDCG  P@20  junk".padEnd(21)} │ n`;
  log(head); log("─".repeat(head.length));
  for (const r of rows) {
    log(`${r.id.padEnd(31)} ${`${r.relevant}/${r.perfect}`.padStart(7)} │ ${f3(r.product.ndcg).padStart(12)} ${f2(r.product.p).padStart(5)} ${f2(r.product.junk).padStart(5)} │ ${f3(r.bm25.ndcg).padStart(9)} ${f2(r.bm25.p).padStart(5)} ${f2(r.bm25.junk).padStart(5)} │ ${String(r.product.returned).padStart(2)}${r.product.status === "completed" ? "" : ` ${r.product.status}`}`);
  }
  log("─".repeat(head.length));
  log(`${"MEAN".padEnd(31)} ${"".padStart(7)} │ ${f3(overall.product.ndcg).padStart(12)} ${f2(overall.product.p).padStart(5)} ${f2(overall.product.junk).padStart(5)} │ ${f3(overall.bm25.ndcg).padStart(9)} ${f2(overall.bm25.p).padStart(5)} ${f2(overall.bm25.junk).padStart(5)} │`);
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const watchdog = setTimeout(() => { console.error(`bench:ranking exceeded ${CFG.totalBudgetMs / 1000} s; stopping`); (dev?.stop() ?? Promise.resolve()).finally(() => process.exit(2)); }, CFG.totalBudgetMs);
  watchdog.unref();

  const ds = generate({ seed: CFG.seed });
  writeDataset(ds);
  log(`• data set${HOLDOUT ? " HOLDOUT" : ""} (seed ${CFG.seed}): ${ds.profiles.length} profiles, ${ds.postings.length} postings → ${path.relative(root, DATA_DIR)}/  [${secs()} s]`);

  log(`• bundling a snapshot of src/ (--source=${SOURCE}), applying migrations into ${CFG.stateDir}`);
  const measured = prepareSource();
  log(`  measuring: ${measured.source}`);
  const { port, startupMs } = await dev.start();
  log(`• wrangler dev on 127.0.0.1:${port} (first /health after ${(startupMs / 1000).toFixed(1)} s)  [${secs()} s]`);

  const tenant = await setupTenant(ds.postings);
  const imp = await importAll(tenant.key, ds.profiles);
  log(`• imported ${imp.imported} (updated ${imp.updated}, rejected ${imp.rejected.length}) in ${imp.chunks} chunks  [${secs()} s]`);
  if (imp.rejected.length) log(`  first rejections: ${JSON.stringify(imp.rejected.slice(0, 3))}`);
  if (imp.imported + imp.updated < ds.profiles.length * 0.99) throw new Error(`import kept only ${imp.imported + imp.updated} of ${ds.profiles.length} profiles`);

  log(`• BM25 baseline over the same ${ds.profiles.length} profiles`);
  const engine = buildBm25(ds.profiles);
  const bm25Lists = Object.fromEntries(ds.postings.map((p) => [p.id, engine.search(`${p.title}\n${p.jobDescription}\n${p.location}`, CFG.k)]));

  log(`• sourcing: ${ds.postings.length} runs, ${CFG.concurrentRuns} at a time`);
  const byLinkedin = new Map(ds.profiles.filter((p) => p.linkedinUrl).map((p) => [p.linkedinUrl, p.externalId]));
  const cache = new Map();
  const runs = await pool(ds.postings, CFG.concurrentRuns, async (p) => {
    const run = await runPosting(tenant.key, p);
    run.rankedExternalIds = await mapToExternal(tenant.key, run.candidates, byLinkedin, cache);
    log(`  ${p.id.padEnd(31)} ${run.status} in ${(run.wallMs / 1000).toFixed(1)} s, ${run.candidates.length} returned (found ${run.foundCount ?? "?"})`);
    return run;
  });

  const k = CFG.k;
  const rows = ds.postings.map((p, i) => {
    const g = ds.grades[p.id];
    const vals = Object.values(g);
    const prodIds = runs[i].rankedExternalIds;
    const bmIds = bm25Lists[p.id];
    const fig = (ids) => ({ ndcg: ndcgAt(k, ids, g), p: precisionAt(k, ids, g), junk: junkAt(k, ids, g), returned: ids.length, grades: ids.map((id) => g[id] ?? 0) });
    return {
      id: p.id, title: p.title, relevant: vals.filter((x) => x >= 2).length, perfect: vals.filter((x) => x === 3).length,
      product: { ...fig(prodIds), status: runs[i].status, errorCode: runs[i].errorCode, requestId: runs[i].id, wallMs: Math.round(runs[i].wallMs), foundCount: runs[i].foundCount, scoredCount: runs[i].scoredCount, top: prodIds, matchScores: runs[i].candidates.map((c) => c.matchScore) },
      bm25: { ...fig(bmIds), top: bmIds },
    };
  });
  const avg = (side, f) => mean(rows.map((r) => r[side][f]));
  const overall = {
    product: { ndcg: avg("product", "ndcg"), p: avg("product", "p"), junk: avg("product", "junk") },
    bm25: { ndcg: avg("bm25", "ndcg"), p: avg("bm25", "p"), junk: avg("bm25", "junk") },
  };
  overall.ratioNdcg = overall.bm25.ndcg > 0 ? overall.product.ndcg / overall.bm25.ndcg : null;
  const goal = { ndcgTarget: GOAL.ndcg, ratioTarget: GOAL.ratioVsBm25, ndcgMet: overall.product.ndcg >= GOAL.ndcg, ratioMet: overall.ratioNdcg != null && overall.ratioNdcg >= GOAL.ratioVsBm25 };
  goal.met = goal.ndcgMet && goal.ratioMet;

  log(`\nmeasured: ${measured.source}${measured.note ? ` (${measured.note})` : ""}`);
  log(`RANKING @${k}  (nDCG gains 2^g−1, ideal from every graded profile; P = share with grade ≥ 2; junk = share with grade 0; "≥2/=3" = how many such profiles exist)`);
  printTable(rows, overall);
  log(`\n  product / BM25, mean nDCG@${k} ....... ${overall.ratioNdcg == null ? "–" : overall.ratioNdcg.toFixed(2)}`);
  log(`  GOAL mean nDCG@${k} ≥ ${GOAL.ndcg} ............ ${goal.ndcgMet ? "MET" : "NOT MET"} (${overall.product.ndcg.toFixed(3)})`);
  log(`  GOAL ≥ ${GOAL.ratioVsBm25} × BM25 .................. ${goal.ratioMet ? "MET" : "NOT MET"} (${overall.ratioNdcg == null ? "–" : overall.ratioNdcg.toFixed(2)})`);
  log(`  GOAL overall ....................... ${goal.met ? "MET" : "NOT MET"}`);
  const notDone = rows.filter((r) => r.product.status !== "completed");
  if (notDone.length) log(`  note: ${notDone.length} run(s) did not complete: ${notDone.map((r) => `${r.id} ${r.product.status} ${r.product.errorCode ?? ""}`).join("; ")}`);

  const out = {
    date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, totalS: Number(secs()),
    measured, set: SET, config: CFG, dataset: { seed: ds.seed, profiles: ds.profiles.length, postings: ds.postings.length },
    import: { ...imp, rejected: imp.rejected.length }, overall, goal, postings: rows,
  };
  const outName = HOLDOUT ? "ranking-holdout-latest.json" : "ranking-latest.json";
  writeFileSync(path.join(OUT_DIR, outName), JSON.stringify(out, null, 2) + "\n");
  log(`\nwritten bench/out/${outName} (total ${secs()} s)`);
}

let exitCode = 0;
const onSignal = () => (dev?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
try {
  await main();
} catch (err) {
  console.error(`bench:ranking failed: ${err.stack ?? err}`);
  exitCode = 1;
} finally {
  await dev?.stop();
}
process.exit(exitCode);
