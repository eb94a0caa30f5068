import { STOPWORDS, titleSegments } from "./normalize-title";
import { readSeniority } from "./seniority";
import { memo } from "../memo";
import { classifyTitle } from "./classify-title";
import { headIndex, MANAGER_HEADS, singular, variantsFitting } from "./title-index";

/**
 * What two written titles say about each other by their words alone, for the cases the occupation
 * model leaves open (it cannot list every specialisation a company invents):
 * - "named by the job": the candidate's title is made only of the job title's own words and ends in
 *   the same head noun: "Mathematics Teacher" for "High School Mathematics Teacher", "Demand Generation
 *   Manager" for "Marketing Manager, Demand Generation", "Java Engineer" for "Staff Engineer, Java";
 * - "narrower": the candidate's title holds the whole title proper of the job and ends in its head
 *   noun: "Growth Marketing Manager" for "Marketing Manager".
 * Both need two content words on the side that must be contained, so one shared head noun ("Engineer",
 * "Manager") never makes two titles kin. Callers apply it only where the model has no curated verdict
 * (an adjacency such as registered practical nurse ↔ registered nurse always wins).
 */
export type TitleKinship = "named by the job" | "narrower";

type TitleCore = { primary: string[]; all: Set<string>; head: string | null; named: ReadonlySet<string>; ledWork: string | null };

function readCore(title: string): TitleCore {
  const segments = titleSegments(title).map((s) => s.map(singular));
  const content = segments.map((s) => {
    const level = readSeniority(s).levelWord;
    return { raw: s, words: s.filter((t, i) => !level[i] && !STOPWORDS.has(t)), head: s.length > 0 ? s[headIndex(s)] : null, level: level[headIndex(s)] };
  });
  const first = content.find((c) => c.words.length > 0);
  // The head noun is the title proper's (a level word in head position, "Engineer II", is skipped).
  const head = first ? (first.head !== null && !first.level && first.words.includes(first.head) ? first.head : (first.words[first.words.length - 1] ?? null)) : null;
  const all = new Set(content.flatMap((c) => c.words));
  const named = new Set(head === null ? [] : variantsFitting(head, all).filter((v) => v.wordList.length >= 2).map((v) => v.occupationId));
  return { primary: first?.words ?? [], all, head, named, ledWork: ledWorkOf((first?.raw ?? []).filter((t) => !STOPWORDS.has(t))) };
}

const LEAD_WORDS = new Set(["team", "lead", "leader"]);

/**
 * The work a "team lead" title names ("Civil Engineering Team Lead" → civil engineer): a lead of the
 * work, not a manager above it. Titles with a manager head (manager, director, head, VP…) name none.
 */
function ledWorkOf(words: readonly string[]): string | null {
  if (!words.some((w) => w === "lead" || w === "leader") || words.some((w) => MANAGER_HEADS.has(w))) return null;
  const rest = words.filter((w) => !LEAD_WORDS.has(w));
  if (rest.length === 0) return null;
  // "civil engineering" is a field; its owner is read the way the classifier reads "Head of Civil Engineering".
  const reading = classifyTitle(rest.join(" "));
  return reading.occupationId && !reading.manager ? reading.occupationId : null;
}

// Titles repeat across a pool and across jobs; the reading is pure, so it is remembered.
const coreOf = memo(readCore);

/**
 * The occupations the job title itself names, by any of their variants of two words or more: "High
 * School Chemistry Teacher" names high-school teacher and science teacher ("chemistry teacher").
 */
export function occupationsNamedBy(jobTitle: string): ReadonlySet<string> {
  return coreOf(jobTitle).named;
}

/** The occupation a "team lead" title leads the work of, or null; see ledWorkOf. */
export function occupationLedBy(title: string): string | null {
  return coreOf(title).ledWork;
}

export function titleKinship(jobTitle: string, candidateTitle: string): TitleKinship | null {
  const job = coreOf(jobTitle);
  const candidate = coreOf(candidateTitle);
  if (job.head === null || job.head !== candidate.head) return null;
  if (candidate.primary.length >= 2 && candidate.primary.every((w) => job.all.has(w))) return "named by the job";
  const candidateWords = new Set(candidate.primary);
  if (job.primary.length >= 2 && job.primary.every((w) => candidateWords.has(w))) return "narrower";
  return null;
}

/**
 * The alternatives of a title written as several ("Legal Assistant / Paralegal", "Nurse/Midwife"): each
 * part on its own, when there are at least two parts with words. Unspaced joins such as "UI/UX" give
 * parts too, but those name no occupation alone and so change nothing for the caller.
 */
export function titleAlternatives(title: string): string[] {
  const main = title.split(/\s+(?:@|at)\s|[@|(,–—]|\s-\s/u)[0];
  const parts = main.split("/").map((p) => p.trim()).filter((p) => /\p{L}{2}/u.test(p));
  return parts.length >= 2 ? parts : [];
}
