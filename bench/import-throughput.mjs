#!/usr/bin/env node
// Import throughput of the working tree against a baseline commit (default 6b99dc5, the code before the
// matching rewrite that derives facts at import), both served side by side. See bench/README.md
// "Import throughput".
//
//  1. export the baseline with `git archive` into bench/out/import-baseline (the checkout is never
//     touched); bundle a snapshot of each (bench/lib/wrangler-dev.mjs), migrations into its own state dir
//  2. two private wrangler devs (own ports, own state dirs, own inspector ports; never 8787/8797/8799)
//  3. in each: a prepaid company and a key with a high rate limit (operator API); a warm-up import
//     into a separate company, not measured
//  4. the same profiles (the ranking data set) in NDJSON chunks of 500–1,000, sent chunk by chunk to
//     one server then the other (which goes first alternates), never both at once: first as new people,
//     then the same chunks again (updates of the same people). --rounds repeats this with new companies.
//  5. per phase: median chunk time current / baseline, the median of the per-chunk ratios, profiles/s
//     of each, and the verdict "current ≥ 0.5 × baseline throughput"
//
// Exit 0 whatever the figures; non-zero only when the harness fails. Touches only 127.0.0.1.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exportCommit } from "./lib/git-export.mjs";
import { summarize } from "./lib/stats.mjs";
import { createWranglerDev } from "./lib/wrangler-dev.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const OUT_DIR = path.join(root, "bench", "out");

const arg = (name, fallback) => (process.argv.find((a) => a.startsWith(`--${name}=`)) ?? `--${name}=${fallback}`).split("=").slice(1).join("=");
const CFG = {
  baseline: arg("baseline", "6b99dc5"),
  current: arg("current", "worktree"), // worktree | head | any ref (exported like the baseline) | dir:<path>
  data: arg("data", "ranking"), // ranking (3,159 profiles) | demo (--count profiles of scripts/demo-pool.mjs)
  count: Number(arg("count", 5000)),
  chunk: Number(arg("chunk", 500)), // target profiles per chunk; the pool is cut into equal chunks of ≥ this
  rounds: Number(arg("rounds", 3)),
  warmup: 200, // profiles, imported twice into a throwaway company before measuring
  seed: 20261202,
  totalBudgetMs: 600_000,
};
const SERVERS = {
  current: { preferredPort: 8811, inspectorPort: 9341, stateDir: ".wrangler/bench-import-current", buildDir: "bench/out/build-import-current", log: "wrangler-import-current.log" },
  baseline: { preferredPort: 8812, inspectorPort: 9342, stateDir: ".wrangler/bench-import-baseline", buildDir: "bench/out/build-import-baseline", log: "wrangler-import-baseline.log" },
};
const ADMIN_TOKEN = "bench-import-admin";
const GOAL = 0.5; // current throughput ≥ GOAL × baseline throughput
const log = (...a) => console.log(...a);
const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(1);
const devs = {};

/** Where each side's src/ comes from: the working tree itself, or a commit exported with git archive. */
function sourceFor(side, ref) {
  // dir:<path>: a tree prepared by hand (e.g. a variant of the current tree under bench/out, for diagnosis).
  if (ref.startsWith("dir:")) return { dir: path.resolve(root, ref.slice(4)), label: `directory ${ref.slice(4)}` };
  if (side === "current" && ref === "worktree") {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src", "migrations", "wrangler.toml"], { cwd: root, encoding: "utf8" }).trim();
    return { dir: root, label: `working tree (HEAD ${head}${dirty ? ", with uncommitted changes under src/ or migrations/" : ""})` };
  }
  const dir = path.join(OUT_DIR, `import-${side}`);
  const commit = exportCommit({ root, ref: ref === "head" ? "HEAD" : ref, dir });
  return { dir, label: `commit ${commit} (git archive → bench/out/import-${side})` };
}

async function loadProfiles() {
  if (CFG.data === "demo") {
    const { generateDemoPool } = await import("../scripts/demo-pool.mjs");
    return { profiles: generateDemoPool({ count: CFG.count + CFG.warmup, seed: 42 }), name: `demo pool (seed 42)` };
  }
  const { generateDataset } = await import("./ranking/dataset.mjs");
  const { profiles } = generateDataset({ seed: CFG.seed });
  return { profiles, name: `ranking data set (seed ${CFG.seed})` };
}

/** Equal chunks of at least CFG.chunk profiles (3,159 → 6 of 526–527), each one NDJSON body. */
function cut(profiles) {
  const n = Math.max(1, Math.floor(profiles.length / CFG.chunk));
  const out = [];
  for (let i = 0; i < n; i++) {
    const part = profiles.slice(Math.round((i * profiles.length) / n), Math.round(((i + 1) * profiles.length) / n));
    out.push({ count: part.length, body: part.map((p) => JSON.stringify(p)).join("\n") });
  }
  return out;
}

async function tenant(dev, name) {
  const company = await dev.must("POST", "/admin/companies", { token: ADMIN_TOKEN, json: { name, billingMode: "prepaid", initialCredits: 1000 } }, [201]);
  const key = await dev.must("POST", `/admin/companies/${company.id}/api-keys`, {
    token: ADMIN_TOKEN, json: { name: "bench-import", environment: "test", rateLimit: { perMinute: 100_000, perHour: 1_000_000 } },
  }, [201]);
  return { companyId: company.id, key: key.key };
}

async function importChunk(dev, key, chunk) {
  const start = performance.now();
  const r = await dev.must("POST", "/candidates/import", { token: key, body: chunk.body, headers: { "content-type": "application/x-ndjson" } }, [200]);
  return { ms: performance.now() - start, imported: r.imported, updated: r.updated, rejected: r.rejected.length };
}

/** One pass over the chunks, interleaved: chunk i to one server, then to the other; the order alternates. */
async function pass(keys, chunks, phase, round) {
  const samples = { current: [], baseline: [] };
  for (let i = 0; i < chunks.length; i++) {
    const order = (i + round) % 2 === 0 ? ["current", "baseline"] : ["baseline", "current"];
    for (const side of order) {
      const r = await importChunk(devs[side], keys[side], chunks[i]);
      const expected = phase === "new" ? { imported: chunks[i].count, updated: 0 } : { imported: 0, updated: chunks[i].count };
      if (r.imported !== expected.imported || r.updated !== expected.updated || r.rejected) {
        throw new Error(`${side} ${phase} chunk ${i}: imported ${r.imported}, updated ${r.updated}, rejected ${r.rejected}; expected ${JSON.stringify(expected)}`);
      }
      samples[side].push({ ms: r.ms, profiles: chunks[i].count });
    }
  }
  return samples;
}

function phaseFigures(samples) {
  const side = (s) => {
    const totalMs = s.reduce((a, x) => a + x.ms, 0);
    const profiles = s.reduce((a, x) => a + x.profiles, 0);
    return { chunks: s.length, medianChunkMs: summarize(s.map((x) => x.ms)).p50, totalMs, profiles, profilesPerS: (profiles / totalMs) * 1000, chunkMs: s.map((x) => Math.round(x.ms)) };
  };
  const cur = side(samples.current), base = side(samples.baseline);
  const pairRatios = samples.current.map((x, i) => x.ms / samples.baseline[i].ms);
  const timeRatio = cur.medianChunkMs / base.medianChunkMs; // > 1: current is slower
  return {
    current: cur, baseline: base, timeRatio, medianPairRatio: summarize(pairRatios).p50,
    throughputRatio: 1 / timeRatio, // current profiles/s ÷ baseline profiles/s, from the median chunks
    totalThroughputRatio: cur.profilesPerS / base.profilesPerS,
    met: 1 / timeRatio >= GOAL,
  };
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const watchdog = setTimeout(() => { console.error(`bench:import exceeded ${CFG.totalBudgetMs / 1000} s; stopping`); stopAll().finally(() => process.exit(2)); }, CFG.totalBudgetMs);
  watchdog.unref();

  const sources = { current: sourceFor("current", CFG.current), baseline: sourceFor("baseline", CFG.baseline) };
  for (const side of ["current", "baseline"]) {
    const s = SERVERS[side];
    log(`• ${side}: ${sources[side].label}; bundling a snapshot into ${s.buildDir}, migrations into ${s.stateDir}`);
    devs[side] = createWranglerDev({
      root, sourceRoot: sources[side].dir, stateDir: s.stateDir, buildDir: s.buildDir, logFile: path.join(OUT_DIR, s.log),
      preferredPort: s.preferredPort, inspectorPort: s.inspectorPort, adminToken: ADMIN_TOKEN,
    });
    try { devs[side].prepare(); } catch (err) { process.stderr.write(devs[side].lastError ?? ""); throw new Error(`${side}: ${err.message}${side === "current" ? " (the working tree may be mid-edit; --current=head measures the last commit)" : ""}`); }
  }
  // One after the other, so the second picks its ports once the first holds its own.
  for (const side of ["current", "baseline"]) {
    const { port, startupMs } = await devs[side].start();
    log(`• ${side} wrangler dev on 127.0.0.1:${port} (first /health after ${(startupMs / 1000).toFixed(1)} s)  [${secs()} s]`);
  }

  const { profiles: all, name } = await loadProfiles();
  // The warm-up people are not in the measured pool: they are the demo pool's tail, or the ranking set's first profiles under other ids.
  const warm = (CFG.data === "demo" ? all.slice(CFG.count) : all.slice(0, CFG.warmup)).map((p, i) => ({ ...p, externalId: `warmup-${i}`, linkedinUrl: undefined, emails: undefined }));
  const profiles = CFG.data === "demo" ? all.slice(0, CFG.count) : all;
  const chunks = cut(profiles);
  const bytes = chunks.map((c) => Buffer.byteLength(c.body));
  log(`• ${name}: ${profiles.length} profiles in ${chunks.length} NDJSON chunks of ${Math.min(...chunks.map((c) => c.count))}–${Math.max(...chunks.map((c) => c.count))} (${Math.round(Math.min(...bytes) / 1024)}–${Math.round(Math.max(...bytes) / 1024)} KiB)`);

  for (const side of ["current", "baseline"]) {
    const t = await tenant(devs[side], "Import Warm-up Co");
    const body = { count: warm.length, body: warm.map((p) => JSON.stringify(p)).join("\n") };
    await importChunk(devs[side], t.key, body);
    await importChunk(devs[side], t.key, body);
  }
  log(`• warm-up: ${warm.length} other profiles imported twice into a throwaway company on each  [${secs()} s]`);

  const samples = { new: { current: [], baseline: [] }, update: { current: [], baseline: [] } };
  for (let round = 0; round < CFG.rounds; round++) {
    const keys = {};
    for (const side of ["current", "baseline"]) keys[side] = (await tenant(devs[side], `Import Bench Co ${round + 1}`)).key;
    for (const phase of ["new", "update"]) {
      const s = await pass(keys, chunks, phase, round);
      for (const side of ["current", "baseline"]) samples[phase][side].push(...s[side]);
      const med = (side) => summarize(s[side].map((x) => x.ms)).p50;
      log(`  round ${round + 1}, ${phase.padEnd(6)}: median chunk current ${med("current").toFixed(0)} ms, baseline ${med("baseline").toFixed(0)} ms  [${secs()} s]`);
    }
  }

  const figures = { new: phaseFigures(samples.new), update: phaseFigures(samples.update) };
  const both = phaseFigures({ current: [...samples.new.current, ...samples.update.current], baseline: [...samples.new.baseline, ...samples.update.baseline] });
  const f2 = (x) => x.toFixed(2);
  log(`\nIMPORT THROUGHPUT, current = ${sources.current.label}, baseline = ${sources.baseline.label}`);
  log(`  ${CFG.rounds} round(s) × ${chunks.length} chunks a phase, each chunk sent to both servers in turn (same run, interleaved)`);
  for (const [phase, f] of Object.entries(figures)) {
    log(`  ${phase === "new" ? "new people" : "updates   "}: median chunk current / baseline ... ${f2(f.timeRatio)}  (median of per-chunk ratios ${f2(f.medianPairRatio)}; ${f.current.medianChunkMs.toFixed(0)} / ${f.baseline.medianChunkMs.toFixed(0)} ms)`);
    log(`               throughput current / baseline ....... ${f2(f.throughputRatio)}  (whole pass ${f2(f.totalThroughputRatio)}; ${f.current.profilesPerS.toFixed(0)} vs ${f.baseline.profilesPerS.toFixed(0)} profiles/s)`);
  }
  for (const [phase, f] of Object.entries(figures)) log(`  VERDICT ${phase.padEnd(6)}: current ≥ ${GOAL} × baseline throughput ... ${f.met ? "MET" : "NOT MET"} (${f2(f.throughputRatio)} ×)`);
  log(`  VERDICT both phases: ${figures.new.met && figures.update.met ? "MET" : "NOT MET"} (all chunks together ${f2(both.throughputRatio)} ×)`);

  const out = {
    date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg(), totalS: Number(secs()),
    config: CFG, sources: { current: sources.current.label, baseline: sources.baseline.label }, data: { name, profiles: profiles.length, chunks: chunks.map((c) => c.count) },
    goal: { throughputAtLeast: GOAL, met: figures.new.met && figures.update.met }, figures, bothPhases: both,
  };
  writeFileSync(path.join(OUT_DIR, "import-throughput-latest.json"), JSON.stringify(out, null, 2) + "\n");
  log(`\nwritten bench/out/import-throughput-latest.json (total ${secs()} s; load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")})`);
}

const stopAll = () => Promise.all(Object.values(devs).map((d) => d.stop()));
let exitCode = 0;
const onSignal = () => stopAll().finally(() => process.exit(130));
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
try {
  await main();
} catch (err) {
  console.error(`bench:import failed: ${err.stack ?? err}`);
  exitCode = 1;
} finally {
  await stopAll();
}
process.exit(exitCode);
