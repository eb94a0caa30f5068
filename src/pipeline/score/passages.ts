import type { Icp, TalentProfile } from "../types";
import { canonicalSkill, findSkillsInText } from "../skills/lexicon";
import type { ExperienceEntry } from "./experience";
import { fragments, roleLabel } from "./quotes";
import { findPhrase } from "./text";

/** A quotable piece of free text and the skills it mentions. */
export type Passage = {
  where: string; // "Headline", "At Stripe (2019-03 – present)", …
  text: string; // verbatim, never contains a double quote
  skills: Set<string>;
  role?: ExperienceEntry;
};

export function profilePassages(profile: TalentProfile, roles: readonly ExperienceEntry[], icp: Icp): Passage[] {
  const icpSkills = [...icp.mustHaveSkills, ...icp.niceToHaveSkills];
  const passagesOf = (where: string, text: string | undefined, role?: ExperienceEntry): Passage[] =>
    fragments(text ?? "").map((fragment) => ({ where, text: fragment, skills: skillsIn(fragment, icpSkills), role }));
  return [
    ...passagesOf("Headline", profile.headline),
    ...passagesOf("Summary", profile.summary),
    ...roles.flatMap((role) => passagesOf(`At ${roleLabel(role)}`, role.description, role)),
    ...passagesOf("Resume", profile.resumeText),
  ];
}

/**
 * Lexicon skills in a piece of text, plus ICP skills the lexicon does not know, found by their name.
 * The name search is kept to unknown skills because known ones have context rules ("Go" vs "go to").
 */
export function skillsIn(text: string, icpSkills: readonly string[]): Set<string> {
  const found = new Set(findSkillsInText(text));
  for (const skill of icpSkills) {
    if (!found.has(skill) && canonicalSkill(skill) === null && findPhrase(text, skill)) found.add(skill);
  }
  return found;
}
