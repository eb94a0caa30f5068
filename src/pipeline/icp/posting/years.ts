import { yearsStatedIn } from "../experience";
import { NICE_CUE, clausesOf, cutByWeight } from "./cues";
import type { PostingSection } from "./sections";

/**
 * Years of experience a posting requires, read from its requirements only: "founded 20 years ago" in
 * the company blurb and "after 2 years of service" in the benefits never count. The largest firm
 * requirement wins ("5 years in warehousing including 2 supervising" → 5); a nice-to-have ("ideally
 * 8+ years") counts only when nothing firm is stated. A range gives a max ("3-5 years" → 3..5).
 */

export type YearsRequired = { min: number | null; max: number | null; evidence: string | null };

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15 };
const N = `(\\d{1,2}|${Object.keys(WORDS).join("|")})`;
const RANGE = new RegExp(`(?<![\\d.])${N}\\s*(?:-|–|—|to)\\s*${N}\\s*\\+?\\s*(?:years?|yrs?)\\b`, "giu");

const toNumber = (token: string) => WORDS[token.toLowerCase()] ?? Number.parseInt(token, 10);

/** The upper bound of a range in the clause whose lower bound is `min`; null when it states none. */
function rangeMax(clause: string, min: number): number | null {
  for (const m of clause.matchAll(RANGE)) {
    const [lo, hi] = [toNumber(m[1]), toNumber(m[2])];
    if (lo === min && hi > lo) return hi;
  }
  return null;
}

type Stated = { years: number; clause: string; firm: boolean };

function stated(sections: PostingSection[]): Stated[] {
  const out: Stated[] = [];
  for (const section of sections) {
    if (section.kind !== "requirements" && section.kind !== "nice") continue;
    for (const clause of clausesOf(section.text)) {
      for (const piece of cutByWeight(clause)) {
        const firm = section.kind === "requirements" && !NICE_CUE.test(piece);
        // "after 2 years of service" is a benefit's vesting, not experience (experience.ts does not know it).
        if (/\b(?:years?|yrs?) of service\b/iu.test(piece)) continue;
        for (const years of yearsStatedIn(piece)) out.push({ years, clause: piece, firm });
      }
    }
  }
  return out;
}

export function readYearsRequired(sections: PostingSection[]): YearsRequired {
  const all = stated(sections);
  const firm = all.filter((s) => s.firm);
  const pool = firm.length > 0 ? firm : all;
  if (pool.length === 0) return { min: null, max: null, evidence: null };
  const best = pool.reduce((a, b) => (b.years > a.years ? b : a));
  return { min: best.years, max: rangeMax(best.clause, best.years), evidence: best.clause };
}
