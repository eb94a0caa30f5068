import { canonicalSkill, findSkillsInText, skillAliases } from "../skills/lexicon";
import type { Icp } from "../types";
import { QUERY_STOP_WORDS } from "./stop-words";

/**
 * Compiling an ICP into an SQLite FTS5 MATCH expression for the talent pool (tokenizer `porter unicode61`).
 *
 * Safety rests on one rule: every term is a double-quoted FTS5 string, so no operator, column filter,
 * prefix star or bracket in the input can ever reach the FTS5 parser as syntax. Terms are OR-joined;
 * ranking and the real match decision happen later in scoring, so recall matters more than precision here.
 */

/** Upper bound on OR-ed terms: keeps the statement small and the FTS5 query plan cheap. */
export const MAX_QUERY_TERMS = 64;
/** How many nice-to-have skills join the search; the rest only influence scoring. */
const NICE_TO_HAVE_TERMS = 5;
/** Longest single term, in characters; a phrase longer than this is noise for a recall query. */
const MAX_TERM_CHARS = 80;

/**
 * One FTS5 string literal: the text in double quotes, embedded quotes doubled.
 * Control characters and unpaired surrogates are dropped first — they are not text and the D1 binding
 * may reject them. The result is always valid FTS5 syntax, though it may tokenize to nothing.
 */
export function ftsPhrase(text: string): string {
  const clean = text
    .replace(/[\u0000-\u001f\u007f]/gu, " ")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
  return `"${clean.replace(/"/g, '""')}"`;
}

/** The tokens unicode61 would see: used to skip terms that search nothing and to de-duplicate ("c++" = "c"). */
function tokenKey(term: string): string {
  return (term.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
}

/** Words of the user's free-text query, stop-words dropped. Kept whole ("c++", "node.js"), quoted later. */
export function queryWords(query: string): string[] {
  return query
    .split(/[\s,;|]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}.]+|[^\p{L}\p{N}+#]+$/gu, ""))
    .filter((w) => tokenKey(w) !== "" && !QUERY_STOP_WORDS.has(w.toLowerCase()));
}

/** Title words, the fallback when nothing else is searchable. */
function titleWords(icp: Icp): string[] {
  return (icp.titles[0] ?? "").split(/\s+/u).filter((w) => !QUERY_STOP_WORDS.has(w.toLowerCase()));
}

/**
 * Terms in priority order (the cap cuts from the end): the free text (the user's query words when given,
 * else the ICP titles), must-have skills, a few nice-to-haves, then the must-haves' aliases.
 */
function candidateTerms(icp: Icp, query: string | undefined): string[] {
  const refined = query?.trim() ? query : undefined;
  const freeText = refined
    ? [...findSkillsInText(refined), ...queryWords(refined)]
    : icp.titles;
  const mustHaves = icp.mustHaveSkills.map((s) => canonicalSkill(s) ?? s);
  return [
    ...freeText,
    ...mustHaves,
    ...icp.niceToHaveSkills.slice(0, NICE_TO_HAVE_TERMS),
    ...mustHaves.flatMap((s) => skillAliases(s)),
  ];
}

function selectTerms(terms: string[]): string[] {
  const seen = new Set<string>();
  const selected: string[] = [];
  for (const raw of terms) {
    const term = raw.trim().slice(0, MAX_TERM_CHARS);
    const key = tokenKey(term);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    selected.push(term);
    if (selected.length === MAX_QUERY_TERMS) break;
  }
  return selected;
}

/**
 * The FTS5 MATCH expression for searching the talent pool with this ICP; `query` (the user's free-text
 * refinement) replaces the job-derived free text while the ICP's skills still count. Never empty and
 * never a syntax error, whatever the input.
 */
export function compileTalentPoolQuery(icp: Icp, query?: string): string {
  let terms = selectTerms(candidateTerms(icp, query));
  if (terms.length === 0) terms = selectTerms(titleWords(icp));
  // Nothing searchable at all (a title of only punctuation): an empty phrase is valid FTS5 and matches nothing.
  if (terms.length === 0) return ftsPhrase("");
  return terms.map(ftsPhrase).join(" OR ");
}
