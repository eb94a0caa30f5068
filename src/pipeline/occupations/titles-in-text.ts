import { titleSegments } from "./normalize-title";
import { phrasesByFirstWord, singular } from "./title-index";

/**
 * Occupations named in free text (a recruiter's query: "backend engineers, python, ex-fintech"), in
 * order of first mention. Only full variants count, matched as whole-word phrases, longest first at each
 * position: abbreviations ("rn", "ae", "or nurse") and one-word variants that are ordinary words
 * ("server", "host", "driver") would turn prose into titles that nobody asked for.
 */
export function titlesMentionedIn(text: string): string[] {
  const found: string[] = [];
  for (const segment of titleSegments(text, "prose")) {
    const tokens = segment.map(singular);
    for (let i = 0; i < tokens.length; ) {
      const hit = (phrasesByFirstWord.get(tokens[i]) ?? []).find((p) => p.tokens.every((t, k) => tokens[i + k] === t));
      if (hit) {
        if (!found.includes(hit.occupationId)) found.push(hit.occupationId);
        i += hit.tokens.length;
      } else i++;
    }
  }
  return found;
}
