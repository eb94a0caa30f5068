import { allOccupations, occupationDepth } from "./occupations";
import { PREPOSITIONS, STOPWORDS, titleSegments } from "./normalize-title";
import { readSeniority } from "./seniority";
import words from "./title-words.json";

/**
 * The lookup structures behind classifyTitle and titlesMentionedIn, built once per isolate from
 * occupations.json. Variants are indexed by their head noun (the word before the first preposition:
 * "engineer", "nurse", "director"), so a title is compared only with the few dozen variants that share
 * its head, never with all of them.
 */

export type Variant = {
  occupationId: string;
  /** The variant as written in occupations.json. */
  text: string;
  /** Non-stopwords after normalisation; a title fits the variant when it has all of them. */
  words: ReadonlySet<string>;
  /** The same words as a list, for the per-call subset test. */
  wordList: readonly string[];
  head: string;
  depth: number;
};

type PhraseEntry = { occupationId: string; tokens: readonly string[] };

/** Last word before the first preposition at position > 0 ("head of engineering" → "head"). */
export function headIndex(tokens: readonly string[]): number {
  const cut = tokens.findIndex((t, i) => i > 0 && PREPOSITIONS.has(t));
  return (cut === -1 ? tokens.length : cut) - 1;
}

/** The words that name the work: not stopwords, not level words. */
export function contentKey(tokens: readonly string[], levelWord: readonly boolean[]): string {
  return tokens.filter((t, i) => !levelWord[i] && !STOPWORDS.has(t)).join(" ");
}

const occupations = allOccupations();

/**
 * One-word abbreviations, read as a title of their occupation when they are a title's head ("ICU RN"):
 * the title whose initials spell the abbreviation ("cto" → "chief technology officer", "don" →
 * "director of nursing"), else the occupation's first title ("swe" → "software engineer").
 */
const abbreviationExpansions = new Map<string, { occupationId: string; tokens: string[] }>();
for (const o of occupations) {
  const titles = o.titles.map((t) => titleSegments(t).flat());
  for (const a of o.abbreviations) {
    const tokens = titleSegments(a).flat();
    if (tokens.length !== 1 || abbreviationExpansions.has(tokens[0])) continue;
    const initials = (ws: string[]) => ws.map((w) => w[0]).join("");
    const spelled = titles.find((ws) => initials(ws) === tokens[0] || initials(ws.filter((w) => !STOPWORDS.has(w))) === tokens[0]);
    abbreviationExpansions.set(tokens[0], { occupationId: o.id, tokens: spelled ?? titles[0] });
  }
}

/**
 * The segment with its head abbreviation spelled out ("ICU RN", "SDE I"); the same function serves
 * variants and titles. A trailing level word is skipped to find the head.
 */
export function expandHeadAbbreviation(tokens: readonly string[], levelWord: readonly boolean[] = []): string[] {
  let h = headIndex(tokens);
  while (h > 0 && levelWord[h]) h--;
  const expansion = h >= 0 ? abbreviationExpansions.get(tokens[h]) : undefined;
  return expansion ? [...tokens.slice(0, h), ...expansion.tokens, ...tokens.slice(h + 1)] : [...tokens];
}

/**
 * Head noun → anchor word → variants. The anchor is one word of the variant besides its head (the head
 * itself for one-word variants); a variant can only fit a title that contains its anchor, so a lookup
 * walks the title's few words instead of every "engineer" variant (there are hundreds).
 */
const variantsByHeadAndAnchor = new Map<string, Map<string, Variant[]>>();
/** Content key → variant, for the exact-match step. Keys are unique across occupations (tested). */
export const variantsByKey = new Map<string, Variant>();
/** Field name key ("data science") → occupation id. */
export const fieldOwners = new Map<string, string>();
/** Every word any variant or field uses: the vocabulary plural titles are reduced to. */
const vocabulary = new Set<string>();
/** First word → full variants (no abbreviations), longest first, for free-text scanning. */
export const phrasesByFirstWord = new Map<string, PhraseEntry[]>();
const notInProse = new Set(words.notInProse);

for (const o of occupations) {
  const depth = occupationDepth(o.id);
  for (const [text, isAbbreviation] of [...o.titles.map((t) => [t, false] as const), ...o.abbreviations.map((a) => [a, true] as const)]) {
    const raw = titleSegments(text).flat();
    raw.forEach((t) => vocabulary.add(t));
    if (isAbbreviation && raw.length === 1) continue; // served by abbreviationExpansions
    const tokens = expandHeadAbbreviation(raw, readSeniority(raw).levelWord);
    tokens.forEach((t) => vocabulary.add(t));
    const wordSet = new Set(tokens.filter((t) => !STOPWORDS.has(t)));
    const variant: Variant = {
      occupationId: o.id,
      text,
      words: wordSet,
      wordList: [...wordSet],
      head: tokens[headIndex(tokens)],
      depth,
    };
    const anchor = variant.wordList.find((w) => w !== variant.head) ?? variant.head;
    const byAnchor = variantsByHeadAndAnchor.get(variant.head) ?? new Map<string, Variant[]>();
    byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), variant]);
    variantsByHeadAndAnchor.set(variant.head, byAnchor);
    const key = contentKey(tokens, readSeniority(tokens).levelWord);
    if (!variantsByKey.has(key)) variantsByKey.set(key, variant);
    if (!isAbbreviation && !(raw.length === 1 && notInProse.has(raw[0]))) {
      const entries = phrasesByFirstWord.get(raw[0]) ?? [];
      entries.push({ occupationId: o.id, tokens: raw });
      phrasesByFirstWord.set(raw[0], entries);
    }
  }
  for (const field of o.fields) {
    const tokens = titleSegments(field).flat();
    tokens.forEach((t) => vocabulary.add(t));
    const key = contentKey(tokens, readSeniority(tokens).levelWord);
    if (!fieldOwners.has(key)) fieldOwners.set(key, o.id);
  }
}
for (const entries of phrasesByFirstWord.values()) entries.sort((a, b) => b.tokens.length - a.tokens.length);

/** Variants with this head noun whose words all appear in the title. */
export function variantsFitting(head: string, titleWords: ReadonlySet<string>): Variant[] {
  const byAnchor = variantsByHeadAndAnchor.get(head);
  if (byAnchor === undefined) return [];
  const fits: Variant[] = [];
  for (const word of titleWords) {
    for (const v of byAnchor.get(word) ?? []) if (v.wordList.every((w) => titleWords.has(w))) fits.push(v);
  }
  return fits;
}

/** "engineers" → "engineer", "secretaries" → "secretary", "coaches" → "coach"; only into known words. */
export function singular(token: string): string {
  if (vocabulary.has(token) || token.length < 4 || !token.endsWith("s")) return token;
  for (const candidate of [token.slice(0, -1), token.endsWith("ies") ? `${token.slice(0, -3)}y` : "", token.endsWith("es") ? token.slice(0, -2) : ""]) {
    if (candidate !== "" && vocabulary.has(candidate)) return candidate;
  }
  return token;
}

export const MANAGER_HEADS: ReadonlySet<string> = new Set(words.managerHeads);
export const HEAD_DEFAULTS: ReadonlyMap<string, string> = new Map(Object.entries(words.headDefaults));
