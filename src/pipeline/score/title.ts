import type { Icp } from "../types";
import { clampScore, type Assessment } from "./assessment";
import type { ExperienceEntry } from "./experience";
import { quotable, roleLabel } from "./quotes";

// A title held earlier (or alongside) says less about the candidate today than the current one.
const OTHER_TITLE_FACTOR = 0.6;

export function assessTitle(icp: Icp, currentTitle: string | null, roles: readonly ExperienceEntry[]): Assessment {
  if (icp.titles.length === 0) return { score: 100, fitPoints: [], redFlags: [] };
  const current = currentTitle ? titleSimilarity(currentTitle, icp.titles) : 0;
  const others = roles
    .filter((role) => currentTitle === null || normalizeTitle(role.title) !== normalizeTitle(currentTitle))
    .map((role) => ({ role, similarity: titleSimilarity(role.title, icp.titles) }))
    .sort((a, b) => b.similarity - a.similarity);
  const bestOther = others[0];
  const otherScore = bestOther ? Math.round(OTHER_TITLE_FACTOR * bestOther.similarity) : 0;
  const score = clampScore(Math.max(current, otherScore));

  const fitPoints: string[] = [];
  const redFlags: string[] = [];
  const currentQuote = currentTitle ? quotable(currentTitle) : null;
  if (currentQuote && current >= 85) fitPoints.push(`Current title "${currentQuote}" matches the role`);
  else if (currentQuote && current >= 40) fitPoints.push(`Current title "${currentQuote}" is related to the role`);
  const otherQuote = bestOther ? quotable(bestOther.role.title) : null;
  if (bestOther && otherQuote && bestOther.similarity >= 85 && otherScore > current) {
    fitPoints.push(`Title "${otherQuote}" at ${roleLabel(bestOther.role)} matches the role`);
  }
  if (currentQuote && current < 40 && otherScore < 40) {
    redFlags.push(`Current title "${currentQuote}" does not match the role`);
  }
  if (!currentTitle && roles.length === 0) redFlags.push("No current or past job title given");

  const gap = score >= 40 ? undefined : currentTitle || roles.length > 0 ? "a title outside the role" : "no job title";
  return { score, fitPoints, redFlags, gap };
}

// Level words are compared by the seniority component, not the title one: "Senior Nurse" is a nurse.
const LEVEL_WORDS = new Set([
  "senior", "sr", "junior", "jr", "lead", "principal", "staff", "intern", "trainee", "associate", "graduate",
  "entry", "level", "mid", "i", "ii", "iii", "iv",
]);
const TITLE_STOPWORDS = new Set(["of", "the", "and", "for", "at", "in", "a", "an", "to"]);

function titleWords(title: string): string[] {
  return title
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((word) => word !== "" && !LEVEL_WORDS.has(word) && !TITLE_STOPWORDS.has(word))
    // Plural and singular name the same job ("nurses", "engineers").
    .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word));
}

function normalizeTitle(title: string): string {
  return title.trim().toLowerCase();
}

/**
 * How close a profile title is to the ICP's titles: the same job family once level words are set
 * aside → 100; an ICP title inside it ("backend engineer, payments") → 85; otherwise shared words,
 * scaled to at most 70 so word overlap never beats a family match.
 */
export function titleSimilarity(profileTitle: string, icpTitles: readonly string[]): number {
  const words = titleWords(profileTitle);
  if (words.length === 0) return 0;
  let best = 0;
  for (const icpTitle of icpTitles) {
    const wanted = titleWords(icpTitle);
    if (wanted.length === 0) continue;
    if (wanted.join(" ") === words.join(" ")) return 100;
    if (containsRun(words, wanted)) best = Math.max(best, 85);
    const shared = new Set(wanted.filter((w) => words.includes(w))).size;
    best = Math.max(best, Math.round((70 * 2 * shared) / (new Set(words).size + new Set(wanted).size)));
  }
  return best;
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= words.length; i++) {
    if (run.every((w, j) => words[i + j] === w)) return true;
  }
  return false;
}

