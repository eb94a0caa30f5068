import { relatedSkills } from "../skills/lexicon";

export const MAX_NICE_TO_HAVES = 15;

/** Stated nice-to-haves, then skills related to the must-haves; never a must-have, at most MAX_NICE_TO_HAVES. */
export function expandNiceToHaves(mustHave: string[], stated: string[]): string[] {
  const related = mustHave.flatMap((s) => relatedSkills(s));
  return [...new Set([...stated, ...related])].filter((s) => !mustHave.includes(s)).slice(0, MAX_NICE_TO_HAVES);
}
