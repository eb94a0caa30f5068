// Small statistics and randomness helpers shared by the benchmarks (plain numbers, no units assumed).

/** The p-th percentile (0–100) of an ascending array: the nearest-rank definition. */
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export function summarize(values) {
  const s = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of s) sum += v;
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), min: s[0], max: s[s.length - 1], mean: sum / s.length };
}

export const median = (values) => summarize(values).p50;

/** A seeded generator in [0, 1) (mulberry32), so an interleaving order can be reproduced. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(items, rand) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
