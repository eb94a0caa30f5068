import { ftsPhrase } from "../pipeline/query/compile-query";

/**
 * A canonical skill as one token of the full-text index's `skill_keys` column. Skill names are not
 * tokens themselves ("node.js" is two to the tokenizer, "c++" and "c#" both become "c"), so each is
 * written as "k" + its FNV-1a hash in base 36 + "0": letters and digits only, and ending in a digit so
 * the porter stemmer leaves it alone. A test checks the lexicon has no two skills on one token.
 */
export function skillToken(skill: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < skill.length; i++) {
    hash ^= skill.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `k${hash.toString(36)}0`;
}

/** The `skill_keys` column of a profile: its skills' tokens, space-separated. */
export function skillKeys(skills: readonly string[]): string {
  return [...new Set(skills.map(skillToken))].join(" ");
}

/** An FTS5 expression matching people with any of these skills (never empty, never a syntax error). */
export function anySkillExpression(skills: readonly string[]): string {
  return skills.length === 0 ? ftsPhrase("") : skills.map((s) => skillToken(s)).join(" OR ");
}
