/**
 * The words that mark a clause of a posting as required, as firmly required, or as a nice-to-have,
 * and the cutting of a section's text into clauses. Shared by the skill and the years readers so both
 * read "Minimum two years of acute care, ICU preferred" the same way.
 */

export const NICE_CUE =
  /\b(?:nice[-\s]to[-\s]haves?|bonus|(?:a|big|huge|definite|nice|real)\s+plus|pluses|preferred|preferably|prefer|ideally|ideal(?!\s+candidate)|desirable|desired|advantageous|an?\s+advantage|not\s+required|optional|would\s+be\s+(?:great|nice|lovely|good|useful|welcome|an?\s+(?:plus|bonus|asset|advantage))|(?:is|are)\s+(?:an?\s+)?(?:asset|welcome)|(?:it'd|it\s+would)\s+be\s+(?:great|nice)|good\s+to\s+have|helpful|we(?:'d|\s+would)\s+love|familiarity|exposure\s+to|even\s+better|appreciated)\b|\bplus\s*[:!)]|\bplus\.?\s*$/iu;

/** Cues that make a requirement one of the firmest ones (kept when must-haves are capped). */
export const FIRM_CUE =
  /\b(?:must|required|requires?|mandatory|essential|strong|strongly|expert|expertise|deep|advanced|proficient|proficiency|solid|extensive|fluent|fluency|mastery|minimum|at\s+least|certified|certification|licen[sc]ed?|current|\d{1,2}\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years?|yrs?)|(?:one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*(?:years?|yrs?))\b/iu;

// A piece after a comma that opens with a nice cue is its own clause: "5+ years of Python, ideally Airflow".
// (A piece that only ends in "is a plus" is left to the rule in cutByWeight, so "React, Redux and
// TypeScript are a plus" stays one nice list.)
const NICE_OPENER = /,\s+(?=(?:and\s+|but\s+)?(?:ideally|preferably|bonus|nice|plus|familiarity|exposure|even\s+better)\b)/iu;

/**
 * Lines, bullets and sentences of a text; bullet marks and list numbers removed. "e.g. Tableau" and
 * "i.e. SQL" do not end a sentence.
 */
export function clausesOf(text: string): string[] {
  return text
    .split(/\r?\n|[•▪●◦·]/u)
    .flatMap((line) => line.split(/(?<=[.!?])(?<!\b(?:[eE]\.g|[iI]\.e|[iI]ncl|approx|vs|esp|ca)\.)\s+(?=[A-Z0-9"(])|;\s+/u))
    .map((c) => c.replace(/^\s*(?:[-*+–—]|\d{1,2}[.)]|[a-z][.)](?=\s))\s*/u, "").trim())
    .filter((c) => /\p{L}/u.test(c));
}

/**
 * A requirement clause cut where its weight changes: "Minimum two years of acute care, ICU preferred"
 * → the firm part and the preferred part. A list ending in "is a plus" is nice as a whole unless a
 * firm cue precedes the last comma ("Strong Python, Airflow is a plus" → Airflow alone is nice).
 */
export function cutByWeight(clause: string): string[] {
  const pieces = clause.split(NICE_OPENER);
  const last = pieces[pieces.length - 1];
  const comma = last.lastIndexOf(", ");
  if (comma > 0 && NICE_CUE.test(last.slice(comma)) && !NICE_CUE.test(last.slice(0, comma)) && FIRM_CUE.test(last.slice(0, comma))) {
    pieces.splice(pieces.length - 1, 1, last.slice(0, comma), last.slice(comma + 2));
  }
  return pieces.map((p) => p.trim()).filter(Boolean);
}

/**
 * An aside that illustrates what precedes it: "(e.g. Jira)", "(such as AWS or GCP)", or a list of
 * three or more examples ("source your own candidates (LinkedIn Recruiter, GitHub, referrals)"). The
 * requirement is the clause; the examples are ways to meet it, so none of them is required.
 */
const EXAMPLE_OPENER = /^\s*(?:e\.?\s?g\.?|for example|for instance|such as|like|including|incl\.)[\s,:]/iu;
export function isExampleList(aside: string): boolean {
  if (EXAMPLE_OPENER.test(aside)) return true;
  const items = aside.split(/\s*(?:,|\bor\b)\s*/u).filter((item) => item.trim() !== "");
  return items.length >= 3 && !/\band\b|&/iu.test(aside);
}

/**
 * A clause and its parenthesised asides, read separately; an aside without a cue takes the clause's,
 * and a list of examples (isExampleList) is nice to have.
 */
export function withAsides(clause: string): { text: string; nice: boolean }[] {
  const main = clause.replace(/\([^()]*\)/gu, " ");
  const mainNice = NICE_CUE.test(main);
  const asides = [...clause.matchAll(/\(([^()]*)\)/gu)].map((m) => ({ text: m[1], nice: NICE_CUE.test(m[1]) || mainNice || isExampleList(m[1]) }));
  return [{ text: main, nice: mainNice }, ...asides];
}
