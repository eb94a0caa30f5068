#!/usr/bin/env node
// Reads the last held-out run (bench/out/ranking-holdout-latest.json + holdout/out/latent.ndjson) and
// prints, per posting, what the product returned: grade, kind of case, occupation, level, city, remote.
//   node bench/ranking/holdout/inspect.mjs [postingIdPrefix] [--bm25]
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
const here = path.dirname(fileURLToPath(import.meta.url));
const run = JSON.parse(readFileSync(path.join(here, "..", "..", "out", "ranking-holdout-latest.json"), "utf8"));
const lat = new Map(readFileSync(path.join(here, "out", "latent.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l)).map((l) => [l.externalId, l]));
const grades = JSON.parse(readFileSync(path.join(here, "out", "grades.json"), "utf8"));
const only = process.argv.slice(2).find((a) => !a.startsWith("--"));
const side = process.argv.includes("--bm25") ? "bm25" : "product";
const tally = {};
for (const p of run.postings) {
  if (only && !p.id.startsWith(only)) continue;
  console.log(`\n${p.id}  nDCG ${p[side].ndcg.toFixed(3)}  grades ${p[side].grades.join("")}`);
  p[side].top.forEach((id, i) => {
    const l = lat.get(id); const g = grades[p.id][id] ?? 0;
    const kind = l.forPosting === p.id ? l.kind : l.forPosting ? `other posting's ${l.kind}` : "background";
    if (g < 3) tally[kind.replace(/ \(.*\)/, "")] = (tally[kind.replace(/ \(.*\)/, "")] ?? 0) + 1;
    console.log(`  ${String(i + 1).padStart(2)} g${g} ${String(p[side].matchScores?.[i] ?? "").padStart(3)} ${l.occupation.padEnd(24)} L${l.level} ${l.city.padEnd(12)} ${l.remoteOnly ? "remote" : "      "} ${kind}`);
  });
  const missed = Object.entries(grades[p.id]).filter(([id, g]) => g === 3 && !p[side].top.includes(id)).length;
  console.log(`  grade-3 profiles not in the top 20: ${missed}`);
}
console.log("\nnon-grade-3 slots by kind:", tally);
