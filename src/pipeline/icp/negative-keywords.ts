/**
 * Words that count against a candidate: exclusions the job or the recruiter's query states outright.
 * (Levels are not among them: the seniority range is a gate of its own.)
 */

// "No agencies", "no recruiters please", "no third-party recruiters".
const NO_WHO =
  /\bno\s+((?:third[-\s]party\s+)?(?:recruit(?:ment|ing)\s+)?(?:agencies|agency|recruiters|headhunters|contractors|freelancers|consultants|consultancies|outsourcing|offshore|c2c|corp[-\s]to[-\s]corp))\b/giu;
// "Not a management role", "this is not a sales position".
const NOT_A_ROLE = /\bnot\s+an?\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+(?:role|position|job)\b/giu;
// "Excluding crypto companies", "exclude gambling".
const EXCLUDING = /\bexclud(?:e|es|ing)\s+([^.,;:\n()]{2,40})/giu;
// In the user's query anything after "no"/"not"/"without"/"exclude" is meant as an exclusion.
const QUERY_NOT = /(?:^|\s)(?:(?:not|no|without|excluding|exclude)\s+|-)([\p{L}\p{N}+#.]+(?:\s+[\p{L}\p{N}+#.]+)?)/giu;

// Words that, after "not a …", are about the arrangement rather than the candidate.
const ARRANGEMENT = /^(?:remote|hybrid|on-?site|full-?time|part-?time|contract|temporary|permanent|entry-level)$/iu;
const FILLER = new Set(["the", "a", "an", "any", "please", "thanks", "more", "than", "other", "required", "needed", "necessary"]);

function tidy(phrase: string): string {
  return phrase
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== "" && !FILLER.has(w))
    .join(" ")
    .replace(/[^\p{L}\p{N}+#]+$/gu, "");
}

/** Exclusions stated in a job description. */
export function statedExclusions(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(NO_WHO)) found.push(tidy(m[1]));
  // "Not a remote or estimating position": each kind named is ruled out on its own, arrangements aside.
  for (const m of text.matchAll(NOT_A_ROLE)) for (const kind of m[1].split(/\s+(?:or|and|nor)\s+|,\s*/u)) if (!ARRANGEMENT.test(kind)) found.push(tidy(kind));
  for (const m of text.matchAll(EXCLUDING)) found.push(tidy(m[1]));
  return found.filter(Boolean);
}

/** Exclusions in the user's free-text refinement ("python, no managers, not from agencies"). */
export function queryExclusions(query: string): string[] {
  const found: string[] = [];
  for (const m of query.matchAll(QUERY_NOT)) {
    // "not from agencies" → "agencies"; stop the phrase at the next "no"/"not".
    const phrase = tidy(m[1].replace(/^(?:from|at|in|with)\s+/iu, "").replace(/\s+(?:no|not)$/iu, ""));
    if (phrase && !ARRANGEMENT.test(phrase)) found.push(phrase);
  }
  return found;
}

/** The query with its exclusions cut out, so what it excludes is not also read as wanted. */
export function withoutExclusions(query: string): string {
  return query.replace(QUERY_NOT, " ");
}

// "Legal secretaries and attorneys seeking paralegal roles will not be considered", "… need not apply".
const NOT_CONSIDERED = /\b(?:will|would|can|could)\s*(?:not|n[o']t)\s+be\s+considered\b|\bneed\s+not\s+apply\b|\bare\s+not\s+eligible\b|\bplease\s+do\s+not\s+apply\b/iu;

/**
 * The sentences of a job description that rule people out by who they are ("… will not be
 * considered", "… need not apply"); the occupations they name are read by the caller.
 */
export function ruledOutSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\r?\n/u).filter((sentence) => NOT_CONSIDERED.test(sentence));
}
