/**
 * Title words compared with the ICP's titles: the fallback when a job or a profile title is outside the
 * occupation model (src/pipeline/occupations), so an unusual title is still judged by what it says.
 */

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

