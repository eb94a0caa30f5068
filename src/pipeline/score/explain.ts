import type { Candidate, Icp } from "../types";
import type { Assessment } from "./assessment";
import { roleDuration, type ExperienceEntry } from "./experience";
import { skillsIn, type Passage } from "./passages";
import { plain } from "./quotes";
import { listPhrase, unique } from "./text";
import { titleSimilarity } from "./title";

const MAX_DETAILED_RATIONALE = 5;

export function summarize(
  matchScore: number,
  skills: Assessment,
  title: Assessment,
  experience: Assessment,
  assessments: readonly Assessment[],
  negativeCount: number,
): string {
  const band = matchScore >= 75 ? "Strong" : matchScore >= 50 ? "Partial" : "Weak";
  const strengths = [
    `skills ${skills.score}/100`,
    `title ${title.score}/100`,
    `experience ${experience.score}/100`,
  ].join(", ");
  const gaps = assessments.map((a) => a.gap).filter((g): g is string => g !== undefined);
  if (negativeCount > 0) gaps.push(`${negativeCount} negative keyword${negativeCount === 1 ? "" : "s"} mentioned`);
  const first = `${band} match at ${matchScore}/100 (${strengths}).`;
  return gaps.length === 0 ? `${first} No major gaps found.` : `${first} Gaps: ${gaps.join("; ")}.`;
}

function explainRoleRelevance(icp: Icp, role: ExperienceEntry, passages: readonly Passage[]): string {
  const icpSkills = [...icp.mustHaveSkills, ...icp.niceToHaveSkills];
  const mentioned = new Set(skillsIn(role.title, icpSkills));
  for (const p of passages) if (p.role === role) for (const s of p.skills) mentioned.add(s);
  const must = unique(icp.mustHaveSkills).filter((s) => mentioned.has(s)).map(plain);
  const nice = unique(icp.niceToHaveSkills).filter((s) => mentioned.has(s) && !icp.mustHaveSkills.includes(s)).map(plain);
  const parts: string[] = [];
  if (must.length > 0) parts.push(`mentions must-have ${listPhrase(must)}`);
  if (nice.length > 0) parts.push(`mentions nice-to-have ${listPhrase(nice)}`);
  const similarity = titleSimilarity(role.title, icp.titles);
  if (similarity >= 85) parts.push("title matches the role");
  else if (similarity >= 40) parts.push("title is related to the role");
  if (parts.length === 0) return "Names none of the role's skills or titles.";
  const sentence = parts.join("; ");
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
}

/** The most recent roles, each with why it does or does not bear on the ICP. */
export function detailedRationale(
  icp: Icp,
  roles: readonly ExperienceEntry[],
  passages: readonly Passage[],
  now: Date,
): Candidate["aiDetailedRationale"] {
  return roles
    .slice(0, MAX_DETAILED_RATIONALE)
    .map((role) => ({
      title: role.title,
      company: role.company,
      duration: roleDuration(role, now),
      relevanceExplanation: explainRoleRelevance(icp, role, passages),
    }));
}
