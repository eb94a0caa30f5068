import { STOPWORDS, titleSegments } from "./normalize-title";
import { isPeopleManagement, managingOccupation, occupationLineage } from "./occupations";
import { highestSeniority, readSeniority, type Seniority, type SeniorityReading } from "./seniority";
import {
  contentKey,
  expandHeadAbbreviation,
  fieldOwners,
  HEAD_DEFAULTS,
  headIndex,
  MANAGER_HEADS,
  singular,
  type Variant,
  variantsByKey,
  variantsFitting,
} from "./title-index";

/**
 * Reading a job title as an occupation, a level and whether the person manages people doing that work.
 * Order of rules, first hit wins:
 * 1. exact: the title's content words (level words and stopwords dropped) equal a variant's;
 * 2. subset: among variants sharing the title's head noun, those whose words all appear in the title;
 *    the best covers most of the title proper (first segment), then has most words, then is the more
 *    specific occupation; a more specific occupation named by a qualifier then wins over its ancestor
 *    ("Software Engineer, Backend" → backend-engineer, "Registered Nurse - ICU" → icu-nurse);
 * 3. management: a title headed by manager/director/head of/VP/chief/supervisor/team lead whose rest
 *    names an occupation or a field reads as that work's management occupation ("Head of Nursing" →
 *    nurse-manager; "Director of Product Marketing" → marketing-manager) — tried before a subset match
 *    that leaves words of the title proper unexplained;
 * 4. field: the title is just a discipline plus level words ("Design Lead" → product-designer);
 * 5. head default: "X Engineer"/"X Developer" with unknown X is a software engineer.
 */

export type TitleReading = {
  occupationId: string | null;
  seniority: Seniority | null;
  /** Manages people doing that work (engineering manager, head of nursing); not "account manager". */
  manager: boolean;
  /** The variant (or field) the title matched; null when nothing or only a head default matched. */
  matched: string | null;
};

type OccupationHit = { occupationId: string; matched: string | null; manager: boolean };

/** Management words that do not belong to the work itself; dropped to find what is managed. */
const MANAGEMENT_WORDS = new Set([...MANAGER_HEADS, "team", "lead", "leader", "management", "of", "officer"]);

export function classifyTitle(title: string): TitleReading {
  const segments = titleSegments(title).map((s) => s.map(singular));
  const readings = segments.map(readSeniority);
  const seniority = highestSeniority(readings.map((r) => r.seniority));
  const hit = readOccupation(segments, readings, true);
  return hit
    ? { occupationId: hit.occupationId, seniority, manager: hit.manager, matched: hit.matched }
    : { occupationId: null, seniority, manager: false, matched: null };
}

function readOccupation(
  rawSegments: readonly string[][],
  readings: readonly SeniorityReading[],
  allowManagement: boolean,
): OccupationHit | null {
  const levels = readings.map((r) => r.levelWord);
  const primary = rawSegments.findIndex((s, k) => s.some((t, i) => !levels[k][i] && !STOPWORDS.has(t)));
  if (primary === -1) return null;
  const segments = rawSegments.map((s, k) => (k === primary ? expandHeadAbbreviation(s, levels[k]) : s));
  const expanded = segments[primary].length !== rawSegments[primary].length; // levels move when a head abbreviation expands
  const levelWords = segments.map((s, k) => (k === primary && expanded ? readSeniority(s).levelWord : levels[k]));
  const main = segments[primary];
  const mainLevels = levelWords[primary];
  const titleWords = new Set(segments.flat().filter((t) => !STOPWORDS.has(t)));
  const mainContent = main.filter((t, i) => !mainLevels[i] && !STOPWORDS.has(t));
  const managementWordsInMain = managementWords(main);
  const managementWordsInTitle = segments.flatMap(managementWords);

  const finish = (v: Variant): OccupationHit => ({
    occupationId: v.occupationId,
    matched: v.text,
    // A management word the variant does not explain ("Senior Engineer, Team Lead") means people management.
    manager: isPeopleManagement(v.occupationId) || managementWordsInTitle.some((w) => !v.words.has(w)),
  });

  const core = segments.map((s, k) => contentKey(s, levelWords[k])).filter(Boolean).join(" ");
  const exact = variantsByKey.get(core);
  if (exact) return finish(exact);

  const subset = bestSubsetMatch(main, mainLevels, titleWords, mainContent);
  // Words the match leaves unexplained: of the title proper, or of the whole title when the title
  // proper is only a management word ("Director, Sales Operations" is not "Director of Operations").
  const explainedBy = mainContent.every((t) => managementWordsInMain.includes(t)) ? allContent(segments, levelWords) : mainContent;
  const unexplained = subset !== null && explainedBy.some((t) => !subset.words.has(t));
  if (allowManagement && managementWordsInMain.length > 0 && (subset === null || unexplained)) {
    const managed = readManagedWork(segments, levelWords);
    if (managed) return managed;
  }
  if (subset) return finish(subset);

  const field = fieldOwners.get(core);
  if (field) return { occupationId: field, matched: core, manager: isPeopleManagement(field) };

  const head = mainContent[mainContent.length - 1];
  const fallback = head !== undefined ? HEAD_DEFAULTS.get(head) : undefined;
  return fallback ? { occupationId: fallback, matched: null, manager: false } : null;
}

/** Heads to try: the head word, then the last non-level word before it ("Engineer II" → "engineer"). */
function candidateHeads(main: readonly string[], levelWord: readonly boolean[]): string[] {
  const h = headIndex(main);
  const heads = [main[h]];
  if (levelWord[h]) {
    for (let i = h - 1; i >= 0; i--) {
      if (!levelWord[i] && !STOPWORDS.has(main[i])) {
        heads.push(main[i]);
        break;
      }
    }
  }
  return heads;
}

function bestSubsetMatch(
  main: readonly string[],
  levelWord: readonly boolean[],
  titleWords: ReadonlySet<string>,
  mainContent: readonly string[],
): Variant | null {
  for (const head of candidateHeads(main, levelWord)) {
    const fits = variantsFitting(head, titleWords);
    if (fits.length === 0) continue;
    const coverage = (v: Variant) => {
      let n = 0;
      for (const t of mainContent) if (v.words.has(t)) n++;
      return n;
    };
    const best = maxBy(fits, (v) => [coverage(v), v.words.size, v.depth, v.text.length]);
    const narrower = fits.filter((v) => v.occupationId !== best.occupationId && occupationLineage(v.occupationId).includes(best.occupationId));
    return narrower.length > 0 ? maxBy(narrower, (v) => [v.words.size, v.depth, v.text.length]) : best;
  }
  return null;
}

/** The management occupation for what the rest of the title names, or that work with manager = true. */
function readManagedWork(segments: readonly string[][], levelWords: readonly boolean[][]): OccupationHit | null {
  const rest = allContent(segments, levelWords).filter((t) => !MANAGEMENT_WORDS.has(t));
  if (rest.length === 0) return null;
  const key = rest.join(" ");
  const work = fieldOwners.get(key) ?? readOccupation([rest], [readSeniority(rest)], false)?.occupationId;
  if (!work) return null;
  const occupationId = isPeopleManagement(work) ? work : (managingOccupation(work) ?? work);
  return { occupationId, matched: key, manager: true };
}

function allContent(segments: readonly string[][], levelWords: readonly boolean[][]): string[] {
  return segments.flatMap((s, k) => s.filter((t, i) => !levelWords[k][i] && !STOPWORDS.has(t)));
}

/** Management words of a segment; "lead"/"leader" only as "team lead". */
function managementWords(main: readonly string[]): string[] {
  return main.filter((t, i) => MANAGER_HEADS.has(t) || ((t === "lead" || t === "leader") && main[i - 1] === "team"));
}

function maxBy<T>(items: readonly T[], score: (item: T) => number[]): T {
  let best = items[0];
  let bestScore = score(best);
  for (const item of items.slice(1)) {
    const s = score(item);
    const k = s.findIndex((x, i) => x !== bestScore[i]);
    if (k !== -1 && s[k] > bestScore[k]) {
      best = item;
      bestScore = s;
    }
  }
  return best;
}
