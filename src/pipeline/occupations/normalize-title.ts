import words from "./title-words.json";

/**
 * Turning a written job title into words. A title is read as segments: the title proper first, then
 * qualifiers ("Sr. Software Engineer - Backend (Payments) @ Stripe" → [senior software engineer]
 * [back end] [payments]). Both the curated variants and the incoming titles go through this one
 * function, so any spelling rule here (front-end = frontend = front end) holds on both sides.
 */

// Maps, not object lookups: a title word like "constructor" must not find Object.prototype.
const TOKENS: ReadonlyMap<string, string[]> = new Map(Object.entries(words.tokens).map(([k, v]) => [k, v.split(" ")]));
const CREDENTIALS: ReadonlySet<string> = new Set(words.credentials);
const PHRASES = Object.entries(words.phrases).map(([from, to]) => [from.split(" "), to.split(" ")] as const);

/** Employer suffixes: "Backend Engineer @ Stripe", "Head of Data at Acme". The title never continues after them. */
const EMPLOYER = /\s+(?:@|at)\s.*$|@.*$/u;
/** Punctuation that separates the title from a qualifier; a hyphen only when spaced ("Engineer - Backend"). */
const SEGMENT_BREAK = /[()[\]{}|,;:•·]|\s[-–—]\s|[–—]|\s\/\s/gu;

/** Lower-case words of one written token; "node.js", "c++", "c#", ".net", "fp&a" survive, "sr." loses its dot. */
function cleanToken(raw: string): string[] {
  // Plain words are most tokens; they skip the punctuation regexes (classifyTitle runs per candidate).
  const t = /^[a-z0-9]+$/u.test(raw) ? raw : raw.replace(/^[^\p{L}\p{N}.+#&]+|[^\p{L}\p{N}+#&]+$/gu, "").replace(/^\.(?!\p{L})/u, "");
  if (t === "" || CREDENTIALS.has(t)) return [];
  return TOKENS.get(t) ?? [t];
}

function applyPhrases(tokens: string[]): string[] {
  let out = tokens;
  for (const [from, to] of PHRASES) {
    for (let i = 0; i + from.length <= out.length; i++) {
      if (from.every((w, k) => out[i + k] === w)) out = [...out.slice(0, i), ...to, ...out.slice(i + from.length)];
    }
  }
  return out;
}

/** Sentence punctuation, for free text only: a title never spans a full stop. */
const SENTENCE_BREAK = /[.!?](?:\s|$)|\n/gu;

/**
 * The title's segments of lower-case words; empty segments are dropped. For free text (a recruiter's
 * query) the employer cut is skipped, since "engineers at startups" goes on after "at".
 */
export function titleSegments(title: string, kind: "title" | "prose" = "title"): string[][] {
  let text = (/^[\x20-\x7e]*$/u.test(title) ? title : title.normalize("NFKC")).toLowerCase().replace(/[’'`]/gu, "");
  text = kind === "title" ? text.replace(EMPLOYER, "") : text.replace(SENTENCE_BREAK, ", ");
  const segments: string[][] = [];
  for (const part of text.split(SEGMENT_BREAK)) {
    // Unspaced hyphens and slashes join words of one title ("front-end", "ui/ux", "lpn/lvn"): split them.
    const tokens = applyPhrases(part.split(/[\s/-]+/u).flatMap(cleanToken));
    if (tokens.length > 0) segments.push(tokens);
  }
  return segments;
}

export const STOPWORDS: ReadonlySet<string> = new Set(words.stopwords);
export const PREPOSITIONS: ReadonlySet<string> = new Set(words.prepositions);
