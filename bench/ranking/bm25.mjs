// The baseline: plain BM25 (wink-bm25-text-search, k1 = 1.2, b = 0.75) over each profile's full text,
// tokenised, lower-cased, stop words removed and stemmed with wink-nlp-utils. No field weights.
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const bm25 = require("wink-bm25-text-search");
const nlp = require("wink-nlp-utils");

const prep = [nlp.string.lowerCase, nlp.string.tokenize0, nlp.tokens.removeWords, nlp.tokens.stem];

export function profileText(p) {
  return [p.headline, p.summary, p.location, p.country, p.currentTitle, p.currentCompany, ...(p.skills ?? []),
    ...(p.experience ?? []).flatMap((e) => [e.title, e.company, e.description]),
    ...(p.education ?? []).flatMap((e) => [e.school, e.degree, e.field]), p.resumeText].filter(Boolean).join("\n");
}

export function buildBm25(profiles) {
  const engine = bm25();
  engine.defineConfig({ fldWeights: { body: 1 }, bm25Params: { k1: 1.2, b: 0.75, k: 1 } });
  engine.definePrepTasks(prep);
  for (const p of profiles) engine.addDoc({ body: profileText(p) }, p.externalId);
  engine.consolidate();
  return { search: (q, k = 20) => engine.search(q, k).map(([id]) => id) };
}
