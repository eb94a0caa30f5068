/**
 * NFKC-normalised text that can still point back into the text it came from, so a skill found in
 * "ＰＹＴＨＯＮ" or "ﬁrebase" can be quoted from what the caller passed in.
 */
export type NormalisedText = {
  text: string;
  /** UTF-16 range in `text` → the smallest range of the original that covers it. */
  toOriginal(start: number, end: number): [number, number];
};

// A base character with its combining marks: NFKC composes and reorders only within one of these
// (Hangul jamo sequences aside, which no lexicon form contains).
const SEGMENT = /\P{M}\p{M}*|\p{M}+/gsu;

export function normaliseNfkc(raw: string): NormalisedText {
  const whole = raw.normalize("NFKC");
  if (whole === raw) return { text: raw, toOriginal: (start, end) => [start, end] };

  // Slow path, only for text that normalisation changes: normalise segment by segment and keep where
  // each segment starts on both sides.
  const parts: string[] = [];
  const normStarts: number[] = [0];
  const rawStarts: number[] = [0];
  for (const match of raw.matchAll(SEGMENT)) {
    const part = match[0].normalize("NFKC");
    parts.push(part);
    normStarts.push(normStarts[normStarts.length - 1] + part.length);
    rawStarts.push(match.index + match[0].length);
  }
  return {
    text: parts.join(""),
    toOriginal(start, end) {
      // Largest segment start ≤ start; smallest segment boundary ≥ end.
      let s = upperBound(normStarts, start) - 1;
      let e = lowerBound(normStarts, end);
      if (s < 0) s = 0;
      if (e >= normStarts.length) e = normStarts.length - 1;
      return [rawStarts[s], rawStarts[e]];
    },
  };
}

/** First index whose value is > x. */
function upperBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is ≥ x. */
function lowerBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
