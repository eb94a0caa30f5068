import { findSkillsInText, relatedSkills } from "../skills/lexicon";

/**
 * Sorting the skills a job mentions into must-haves and nice-to-haves.
 *
 * Each line or sentence is read on its own: nice-to-have language wins over required language
 * ("preferred qualifications" is nice); a sentence with neither inherits its section ("Requirements:"
 * vs "Bonus points:"). Skills in the title are always must-haves.
 *
 * Unqualified mentions (no cue, no section) are must-haves while the must-have list is shorter than
 * MAX_IMPLIED_MUST_HAVES, and nice-to-haves after that: a short job that just names a few tools means
 * them, a long one that names everything is mostly describing its environment.
 */

export const MAX_IMPLIED_MUST_HAVES = 6;
export const MAX_NICE_TO_HAVES = 15;

type Weight = "must" | "nice" | "neutral";

const NICE =
  /\b(?:nice[-\s]to[-\s]haves?|bonus|(?:a|big|huge|definite|nice|strong)\s+plus|pluses|preferred|preferably|prefer|familiarity|familiar\s+with|ideally|ideal|desirable|desired|advantageous|an?\s+advantage|not\s+required|optional|would\s+be\s+great|exposure\s+to|good\s+to\s+have|helpful|we(?:'d|\s+would)\s+love)\b|\bplus\s*[:!)]|\bplus\.?\s*$/iu;
const MUST =
  /\b(?:must|required|require|requires|requirements?|you\s+have|you\s+bring|you(?:'ll|\s+will)\s+need|we\s+need|strong|proficient|proficiency|experience\s+(?:with|in|using)|expert|expertise|solid|deep|hands[-\s]on|demonstrated|proven|mandatory|essential|minimum|qualifications|what\s+you\s+need|who\s+you\s+are|fluent|fluency|mastery|advanced|certified|certification|license|licensure|current)\b/iu;
// A line that opens a section: short, and either ends with ":" or is a known heading.
const HEADING = /^\s*(?:#+\s*)?([\p{L}'’ &/-]{3,60}?)\s*:?\s*$/u;

function weightOf(text: string): Weight {
  if (NICE.test(text)) return "nice";
  if (MUST.test(text)) return "must";
  return "neutral";
}

/** Lines and sentences of a description, each with the weight of the section it sits in. */
function clauses(description: string): { text: string; section: Weight }[] {
  const out: { text: string; section: Weight }[] = [];
  let section: Weight = "neutral";
  for (const line of description.split(/\r?\n|[•▪●◦]/u)) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    const heading = HEADING.exec(trimmed);
    if (heading && (trimmed.endsWith(":") || trimmed.split(/\s+/u).length <= 5) && findSkillsInText(trimmed).length === 0) {
      section = weightOf(heading[1]);
      continue;
    }
    // "Requirements: Python, SQL" — a heading with its content on the same line.
    const inline = /^([^:]{3,40}):\s+(.+)$/u.exec(trimmed);
    const lineSection = inline && weightOf(inline[1]) !== "neutral" ? weightOf(inline[1]) : section;
    for (const sentence of trimmed.split(/(?<=[.!?;])\s+/u)) out.push({ text: sentence, section: lineSection });
  }
  return out;
}

/**
 * A sentence and its parenthesised asides, read separately: in "Proficient with Salesforce (MEDDIC a plus)"
 * only MEDDIC is a nice-to-have. An aside without its own cue inherits the sentence's.
 */
function splitAsides(sentence: string): string[] {
  const asides = [...sentence.matchAll(/\(([^()]*)\)/gu)].map((m) => m[1]);
  if (asides.length === 0) return [sentence];
  const main = sentence.replace(/\([^()]*\)/gu, " ");
  return [main, ...asides.map((a) => (weightOf(a) === "neutral" ? `${a} ${cueOf(main)}` : a))];
}

/** The cue words of a sentence, enough to give an aside the same weight. */
function cueOf(sentence: string): string {
  const w = weightOf(sentence);
  return w === "must" ? "required" : w === "nice" ? "preferred" : "";
}

export type SkillRequirements = { mustHave: string[]; niceToHave: string[] };

/** Must-have and stated nice-to-have skills of a job; `extraMust` (title and query skills) lead the must-haves. */
export function classifySkills(description: string, extraMust: string[]): SkillRequirements {
  const must: string[] = [...extraMust];
  const nice: string[] = [];
  const neutral: string[] = [];
  for (const clause of clauses(description)) {
    for (const part of splitAsides(clause.text)) {
      const own = weightOf(part);
      const weight = own === "neutral" ? clause.section : own;
      const bucket = weight === "must" ? must : weight === "nice" ? nice : neutral;
      bucket.push(...findSkillsInText(part));
    }
  }
  const mustHave = [...new Set(must)];
  for (const skill of new Set(neutral)) {
    if (mustHave.includes(skill)) continue;
    if (mustHave.length < MAX_IMPLIED_MUST_HAVES) mustHave.push(skill);
    else nice.push(skill);
  }
  return { mustHave, niceToHave: [...new Set(nice)].filter((s) => !mustHave.includes(s)) };
}

/** Stated nice-to-haves, then skills related to the must-haves; never a must-have, at most MAX_NICE_TO_HAVES. */
export function expandNiceToHaves(mustHave: string[], stated: string[]): string[] {
  const related = mustHave.flatMap((s) => relatedSkills(s));
  return [...new Set([...stated, ...related])].filter((s) => !mustHave.includes(s)).slice(0, MAX_NICE_TO_HAVES);
}
