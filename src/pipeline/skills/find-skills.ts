/**
 * Finding lexicon skills in free text, in one pass over its tokens.
 *
 * The text is cut once into atoms: runs of letters, digits and "_", and single other characters
 * ("c", "+", "+"; "node", ".", "js"; "ci", "/", "cd"). Every atom that may start a surface form starts
 * a walk through the atoms after it, growing a key (the atoms, lower case, without the spaces and
 * hyphens between them) for as long as some surface form begins with it; the longest key that is a
 * surface form, and whose spelling and boundaries hold, is the mention. So "c++", ".net", "ci/cd" and
 * "objective-c" stay whole because the lexicon spells them so, not because the tokeniser knows them,
 * and the cost per atom is a Set lookup or two whatever the size of the lexicon.
 *
 * Matching is case-insensitive, after NFKC. A space in a surface form stands for any run of spaces and
 * hyphens ("front end" finds "front-end"); a hyphen for at most one space or hyphen, or none
 * ("machine-learning" finds "machine learning" and "machinelearning"). A mention never starts after a
 * letter, digit, "_", ".", "+" or "#" and never ends before a letter, digit, "_", "+", "#" or "&"
 * and a letter: "c" is not in "c++", "java" not in "javascript", "js" not the end of "foo.js", "r" not
 * in "R&D". Mentions of ambiguous forms then go through the rules in ambiguity.ts.
 */
import { countedMentions, type FoundMention } from "./ambiguity";
import { normaliseNfkc } from "./nfkc-offsets";

export type SurfaceForm = { surface: string; canonical: string; ambiguous: boolean };

/** Offsets are UTF-16 indices into the text passed in; `text` is that slice, as written there. */
export type SkillMention = { canonical: string; start: number; end: number; text: string };

type IndexedForm = { surface: string; canonical: string; ambiguous: boolean; spelling?: RegExp };

const ATOM = /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;
const NOT_AFTER = /[\p{L}\p{N}_.+#]/u;
const NOT_BEFORE = /^(?:[\p{L}\p{N}_+#]|&\p{L})/u;

/** The atoms of a surface form or text span, lower case, without spaces and hyphens. */
function surfaceAtoms(surface: string): string[] {
  return (surface.toLowerCase().match(ATOM) ?? []).filter((atom) => atom !== "-");
}

/** The exact spelling rule of one surface form, as an anchored case-insensitive regex. */
function spellingOf(surface: string): RegExp {
  const pattern = surface
    .toLowerCase()
    .split(/([\s-]+)/u)
    .map((piece) => {
      if (/^\s+$/u.test(piece)) return "[\\s\\-]+";
      if (/^[\s-]+$/u.test(piece)) return "[\\s\\-]?";
      return piece.replace(/[.*+?^${}()|[\]\\/]/gu, "\\$&");
    })
    .join("");
  return new RegExp(`^(?:${pattern})$`, "iu");
}

export function createSkillFinder(forms: readonly SurfaceForm[]): (text: string) => SkillMention[] {
  const byKey = new Map<string, IndexedForm[]>();
  const prefixes = new Set<string>(); // every key a walk may pass through, full keys included
  for (const form of forms) {
    const atoms = surfaceAtoms(form.surface);
    if (atoms.length === 0) continue;
    let key = "";
    for (const atom of atoms) prefixes.add((key += atom));
    const same = byKey.get(key) ?? [];
    if (!same.some((f) => f.surface.toLowerCase() === form.surface.toLowerCase())) same.push({ ...form });
    byKey.set(key, same);
  }
  // Longest surface first, as a regex alternation would try them; all forms of one key share a canonical.
  for (const same of byKey.values()) same.sort((a, b) => b.surface.length - a.surface.length);

  return (raw) => {
    const normalised = normaliseNfkc(raw);
    const text = normalised.text;
    const found = findMentions(text, byKey, prefixes);
    const counted = countedMentions(text, found);
    const mentions: SkillMention[] = [];
    found.forEach((m, i) => {
      if (!counted[i]) return;
      const [start, end] = normalised.toOriginal(m.start, m.end);
      mentions.push({ canonical: m.canonical, start, end, text: raw.slice(start, end) });
    });
    return mentions;
  };
}

type Found = FoundMention & { canonical: string };

function findMentions(text: string, byKey: Map<string, IndexedForm[]>, prefixes: Set<string>): Found[] {
  const lower = text.toLowerCase();
  // toLowerCase keeps UTF-16 length for all but a few letters ("İ"); then atoms are lowered one by one.
  const sameLength = lower.length === text.length;
  const starts: number[] = [];
  const ends: number[] = [];
  const atoms: string[] = [];
  for (const match of text.matchAll(ATOM)) {
    const start = match.index;
    const end = start + match[0].length;
    starts.push(start);
    ends.push(end);
    atoms.push(sameLength ? lower.slice(start, end) : match[0].toLowerCase());
  }

  const found: Found[] = [];
  const keyEnds: number[] = []; // atom indices where the key walked so far is a surface form
  const keys: string[] = [];
  for (let i = 0; i < atoms.length; i++) {
    if (!prefixes.has(atoms[i]) || !startsWord(text, starts[i])) continue;
    keyEnds.length = 0;
    keys.length = 0;
    let key = "";
    for (let j = i; j < atoms.length; j++) {
      if (atoms[j] === "-" && j > i) continue; // a joiner; the spelling check decides if it may be there
      key += atoms[j];
      if (!prefixes.has(key)) break;
      if (byKey.has(key)) {
        keyEnds.push(j);
        keys.push(key);
      }
    }
    for (let k = keyEnds.length - 1; k >= 0; k--) {
      const start = starts[i];
      const end = ends[keyEnds[k]];
      if (!endsWord(text, end)) continue;
      const span = text.slice(start, end);
      const form = byKey.get(keys[k])!.find((f) => (f.spelling ??= spellingOf(f.surface)).test(span));
      if (!form) continue;
      found.push({ start, end, text: span, canonical: form.canonical, ambiguous: form.ambiguous });
      i = keyEnds[k];
      break;
    }
  }
  return found;
}

function startsWord(text: string, start: number): boolean {
  if (start === 0) return true;
  const code = text.charCodeAt(start - 1);
  // A low surrogate: test the whole code point it ends.
  const previous = code >= 0xdc00 && code <= 0xdfff && start >= 2 ? text.slice(start - 2, start) : text[start - 1];
  return !NOT_AFTER.test(previous);
}

function endsWord(text: string, end: number): boolean {
  return end === text.length || !NOT_BEFORE.test(text.slice(end, end + 3));
}
