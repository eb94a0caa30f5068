import type { TextSite } from "./profile-text";

/**
 * Evidence a model cites is shown only if the profile says it. A quote counts when it appears in one
 * field of the profile, as whole words, compared with case, Unicode compatibility forms, typographic
 * quotes and dashes, and runs of whitespace folded; what is shown is then the profile's own spelling
 * of that passage, not the model's. Anything else — an invented, paraphrased or stitched quote — is
 * dropped.
 */

/** Shorter than this (letters and digits) a quote proves nothing ("a", "Go" would be found anywhere a word starts so). */
export const MIN_QUOTE_WORD_CHARS = 3;
export const MAX_QUOTE_CHARS = 300;

const TYPOGRAPHIC: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u201B": "'", "\u2032": "'",
  "\u201C": '"', "\u201D": '"', "\u201E": '"', "\u201F": '"', "\u2033": '"',
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
};

function foldChar(ch: string): string {
  const nfkc = ch.normalize("NFKC").toLowerCase();
  return [...nfkc].map((c) => TYPOGRAPHIC[c] ?? c).join("");
}

/** Folded text with, for each of its UTF-16 units, the span of the original it came from. */
export function foldWithMap(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let space: { start: number; end: number } | null = null;
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const next = i + ch.length;
    if (/\s/u.test(ch)) {
      if (folded !== "") space = space ? { start: space.start, end: next } : { start: i, end: next };
    } else {
      if (space) {
        folded += " ";
        starts.push(space.start);
        ends.push(space.end);
        space = null;
      }
      const f = foldChar(ch);
      for (let k = 0; k < f.length; k++) {
        starts.push(i);
        ends.push(next);
      }
      folded += f;
    }
    i = next;
  }
  return { folded, starts, ends };
}

/** A model's quote without the wrapping it often adds: surrounding quote marks, ellipses, spaces. */
export function bareQuote(quote: string): string {
  return quote.trim().replace(/^(?:["'“”‘’«»]|\.\.\.|…|\s)+/u, "").replace(/(?:["'“”‘’«»]|\.\.\.|…|\s)+$/u, "");
}

const WORD = /[\p{L}\p{N}]/u;

/** The profile's own words for a quote, or null when no field of the profile contains it. */
export function findQuote(sites: readonly TextSite[], quote: string): string | null {
  const bare = bareQuote(quote);
  if (bare.length > MAX_QUOTE_CHARS || (bare.match(/[\p{L}\p{N}]/gu) ?? []).length < MIN_QUOTE_WORD_CHARS) return null;
  const needle = foldWithMap(bare).folded;
  for (const s of sites) {
    const { folded, starts, ends } = foldWithMap(s.text);
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      // Whole words: "Java" is not found in "JavaScript", nor "ava" in "Java".
      const cutsWordBefore = at > 0 && WORD.test(folded[at - 1]) && WORD.test(folded[at]);
      const cutsWordAfter = end < folded.length && WORD.test(folded[end]) && WORD.test(folded[end - 1]);
      if (cutsWordBefore || cutsWordAfter) continue;
      const verbatim = s.text.slice(starts[at], ends[end - 1]);
      // Shown between double quotes: a passage with its own double quotes could not be paired (quotes.ts).
      return verbatim.includes('"') ? null : verbatim;
    }
  }
  return null;
}
