function escapeRegex(text: string): string {
  // Only syntax characters: under the "u" flag an escaped "-" or "," is itself a syntax error.
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

// Compiled phrase patterns; ICP terms repeat across every profile of a run. Non-global, so stateless.
const phrasePatterns = new Map<string, RegExp>();

/** First whole-word, case-insensitive occurrence of a phrase, as the text spells it. */
export function findPhrase(text: string, phrase: string): { index: number; text: string } | null {
  let pattern = phrasePatterns.get(phrase);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(phrase)}(?![\\p{L}\\p{N}])`, "iu");
    if (phrasePatterns.size > 1_000) phrasePatterns.clear(); // bound memory across many runs
    phrasePatterns.set(phrase, pattern);
  }
  const match = pattern.exec(text);
  return match ? { index: match.index, text: match[0] } : null;
}

export function nonBlank(text: string | undefined | null): string | null {
  return text !== undefined && text !== null && text.trim() !== "" ? text : null;
}

export function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
