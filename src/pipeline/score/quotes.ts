import type { ExperienceEntry } from "./experience";
import { findPhrase, nonBlank } from "./text";

/** Profile text made ready for the quoting contract described in score-candidate.ts. */

const MAX_QUOTE_CHARS = 160;
const MAX_HIGHLIGHT_CHARS = 300;
const MAX_HIGHLIGHTS = 3;

/**
 * Sentences and lines of free text, trimmed. Splitting also at double quotes keeps every piece
 * quotable; a period only ends a sentence before whitespace so "Node.js" stays whole.
 */
export function fragments(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|[\r\n"•]+/u)
    .map((piece) => piece.replace(/^[\s*\-–—·]+/u, "").trim())
    .filter((piece) => piece !== "");
}

export function roleLabel(role: ExperienceEntry): string {
  const start = nonBlank(role.startDate);
  const end = nonBlank(role.endDate);
  const company = plain(role.company.trim()) || "an unnamed company";
  if (!start && !end) return company;
  if (!start) return `${company} (until ${plain(end!)})`;
  return `${company} (${plain(start)} – ${end ? plain(end) : "present"})`;
}

/** Up to three sentences of a role description, trimmed, as written. */
export function descriptionHighlights(description: string): string[] {
  return description
    .split(/(?<=[.!?])\s+|[\r\n•]+/u)
    .map((sentence) => sentence.replace(/^[\s*\-–—·]+/u, "").trim())
    .filter((sentence) => sentence !== "")
    .slice(0, MAX_HIGHLIGHTS)
    .map((sentence) => (sentence.length > MAX_HIGHLIGHT_CHARS ? `${cutAtWord(sentence, MAX_HIGHLIGHT_CHARS)}…` : sentence));
}

/**
 * A passage in double quotes, cut to a window around the first needle when it is long. The cut is
 * marked with "…" outside the quotes, so the quoted part stays verbatim.
 */
export function quoteExcerpt(text: string, needles: readonly string[]): string {
  if (text.length <= MAX_QUOTE_CHARS) return `"${text}"`;
  const hits = needles.map((n) => findPhrase(text, n)).filter((h) => h !== null);
  const anchor = hits.sort((a, b) => a.index - b.index)[0]?.index ?? 0;
  let start = Math.max(0, anchor - Math.floor(MAX_QUOTE_CHARS / 3));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < anchor ? space + 1 : start;
  }
  const body = cutAtWord(text.slice(start), MAX_QUOTE_CHARS).trim();
  const bodyEnd = text.indexOf(body, start) + body.length;
  const before = start > 0 ? "…" : "";
  const after = bodyEnd < text.trimEnd().length ? "…" : "";
  return `${before}"${body}"${after}`;
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(" ", max);
  return (space > max / 2 ? text.slice(0, space) : text.slice(0, max)).trimEnd();
}

/**
 * A short field (title, skill, place) ready to sit between double quotes: the field itself, or when
 * it contains double quotes its longest quote-free piece; null when nothing visible is left.
 */
export function quotable(text: string): string | null {
  const pieces = text.split('"').map((p) => p.trim());
  const longest = pieces.reduce((a, b) => (b.length > a.length ? b : a), "");
  return longest === "" ? null : longest;
}

/** Profile or ICP text shown outside quotes: its double quotes become single ones. */
export function plain(text: string): string {
  return text.replaceAll('"', "'");
}
