import type { Icp } from "../types";
import titleData from "./title-families.json";

/**
 * Job titles: normalising them, finding their family of synonyms, and reading seniority from them.
 * The families are data (title-families.json); this module only knows how to look them up.
 */

export type Seniority = Icp["seniority"];

const abbreviations: Record<string, string> = titleData.abbreviations;
const families: string[][] = titleData.families.map((f) => f.titles);

/** Title words that state seniority; stripped before the family lookup ("senior backend engineer" → "backend engineer"). */
const SENIORITY_WORDS: Record<string, Seniority> = {
  intern: "intern", internship: "intern", trainee: "intern", apprentice: "intern", "co-op": "intern",
  junior: "junior", graduate: "junior", grad: "junior", "entry-level": "junior",
  mid: "mid", "mid-level": "mid", intermediate: "mid",
  senior: "senior",
  lead: "lead", staff: "lead",
  principal: "principal", distinguished: "principal",
  director: "executive", vp: "executive", chief: "executive", president: "executive",
};
/** Level markers that say nothing about the job itself ("Engineer II", "L4"). */
const NOISE_WORDS = new Set(["level", "i", "ii", "iii", "iv", "l1", "l2", "l3", "l4", "l5", "l6", "1", "2", "3", "4", "5"]);
/** Checked from the top: "Senior Director" is an executive, "Lead Intern" is still… a lead. */
const SENIORITY_RANK: Seniority[] = ["executive", "principal", "lead", "senior", "junior", "intern", "mid"];
/** Chief-officer acronyms that are titles in their own right. */
const EXECUTIVE_ACRONYMS = /\b(?:ceo|cto|cfo|coo|cmo|cio|ciso|cpo|cro|vp|svp|evp)\b/u;

/** Lower case, abbreviations expanded, parenthesised remarks and trailing punctuation dropped. */
export function normalizeTitle(title: string): string {
  const words = title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/gu, " ")
    .replace(/\s*[|–—]\s*/gu, " - ")
    .split(/\s+/u)
    .filter(Boolean)
    .map((w) => abbreviations[w] ?? abbreviations[w.replace(/\.$/u, "")] ?? w);
  return words.join(" ").replace(/^[\s\-,.:;]+|[\s\-,.:;]+$/gu, "");
}

function titleWords(normalized: string): string[] {
  return normalized.split(/[\s,/]+|\s-\s/u).filter((w) => w !== "" && w !== "-");
}

/** The title without seniority and level words: the key for the family lookup. */
export function coreTitle(normalized: string): string {
  const words = titleWords(normalized);
  const core = words.filter((w, i) => {
    if (w === "head" && words[i + 1] === "of") return false;
    if (w === "of" && words[i - 1] === "head") return false;
    if (w === "lead" && /^gen/u.test(words[i + 1] ?? "")) return true;
    return !(w in SENIORITY_WORDS) && !NOISE_WORDS.has(w);
  });
  // "Lead" or "Principal" alone: keep the word rather than return nothing.
  return (core.length > 0 ? core : words).join(" ");
}

/** Seniority stated by the title, or null when the title is silent. */
export function seniorityFromTitle(normalized: string): Seniority | null {
  const words = new Set(titleWords(normalized));
  // "Staff accountant" and "staff nurse" are ordinary roles; only technical ladders use "staff" as a level.
  if (!/\b(?:engineer|developer|scientist|designer|architect|researcher)\b/u.test(normalized)) words.delete("staff");
  // "Lead generation specialist" generates leads; it does not lead.
  if (/\blead\s+(?:generation|gen)\b/u.test(normalized)) words.delete("lead");
  if (EXECUTIVE_ACRONYMS.test(normalized) || /\bhead of\b/u.test(normalized)) return "executive";
  if (/\bentry[\s-]level\b|\bnew grad/u.test(normalized)) return "junior";
  const found = SENIORITY_RANK.find((level) => [...words].some((w) => SENIORITY_WORDS[w] === level));
  if (found) return found;
  if (words.has("iii") || words.has("l5")) return "senior";
  if (words.has("i") || words.has("l1")) return "junior";
  return null;
}

/** Every member of a family is a phrase; it fits a title when all of its words are in the title. */
function fits(member: string, titleWordSet: Set<string>): boolean {
  return member.split(/\s+/u).every((w) => titleWordSet.has(w));
}

/**
 * The family whose best-fitting member has the most words in common with the title; earlier families
 * win ties, so specific families ("icu nurse") are listed before generic ones ("registered nurse").
 */
export function titleFamily(core: string): string[] {
  const wordSet = new Set(titleWords(core));
  let best: string[] = [];
  let bestSize = 0;
  for (const family of families) {
    for (const member of family) {
      const size = member.split(/\s+/u).length;
      if (size > bestSize && fits(member, wordSet)) {
        best = family;
        bestSize = size;
      }
    }
  }
  return best;
}

/** Family members named anywhere in free text (the user's query), as whole words. */
export function titlesMentionedIn(text: string): string[] {
  const normalized = ` ${normalizeTitle(text).replace(/[^\p{L}\p{N}&/.+#-]+/gu, " ")} `;
  const found = new Set<string>();
  for (const family of families) {
    for (const member of family) {
      // Acronym members ("ae", "rn", "pm") are too ambiguous in free text; only full titles count.
      if (member.length > 3 && normalized.includes(` ${member} `)) found.add(member);
    }
  }
  return [...found];
}
