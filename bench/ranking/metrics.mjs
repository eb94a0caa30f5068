// Ranking figures over graded lists. grades: Map-like object externalId → 0..3; missing ids count 0.
const gain = (g) => 2 ** g - 1;
const dcg = (gs) => gs.reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);

/** nDCG@k: DCG of the returned order ÷ DCG of the ideal order over ALL graded profiles. */
export function ndcgAt(k, rankedIds, grades) {
  const got = rankedIds.slice(0, k).map((id) => grades[id] ?? 0);
  const ideal = Object.values(grades).sort((a, b) => b - a).slice(0, k);
  const idcg = dcg(ideal);
  return idcg === 0 ? 0 : dcg(got) / idcg;
}
/** Share of the k slots holding grade ≥ 2; a list shorter than k counts its empty slots as misses. */
export const precisionAt = (k, rankedIds, grades) => rankedIds.slice(0, k).filter((id) => (grades[id] ?? 0) >= 2).length / k;
/** Share of the k slots holding grade 0 (junk); empty slots are not junk. */
export const junkAt = (k, rankedIds, grades) => rankedIds.slice(0, k).filter((id) => (grades[id] ?? 0) === 0).length / k;
export const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
