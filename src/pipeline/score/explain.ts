import type { ProfileFacts } from "../facts/profile-facts";
import type { Candidate, Icp } from "../types";
import type { Assessment } from "./assessment";
import { formatDuration, monthIndexOf } from "./experience";
import { BANDS } from "./gates";
import { plain } from "./quotes";
import { monthsSinceEnd } from "./skill-evidence";
import { listPhrase, unique } from "./text";

const MAX_DETAILED_RATIONALE = 5;

/** The band's word, as the README's score bands name them. */
export function bandOf(matchScore: number): string {
  if (matchScore > BANDS.gapCeiling) return "Strong match";
  if (matchScore > BANDS.neighbourCeiling) return "Good match";
  if (matchScore >= BANDS.passFloor) return "Partial match";
  return "Outside a hard requirement";
}

export function summarize(
  matchScore: number,
  skills: Assessment,
  title: Assessment,
  experience: Assessment,
  assessments: readonly Assessment[],
  negativeCount: number,
): string {
  const strengths = [`skills ${skills.score}/100`, `title ${title.score}/100`, `experience ${experience.score}/100`].join(", ");
  const gaps = assessments.map((a) => a.gap).filter((g): g is string => g !== undefined);
  if (negativeCount > 0) gaps.push(`${negativeCount} negative keyword${negativeCount === 1 ? "" : "s"} mentioned`);
  const first = `${bandOf(matchScore)} at ${matchScore}/100 (${strengths}).`;
  return gaps.length === 0 ? `${first} No major gaps found.` : `${first} Gaps: ${gaps.join("; ")}.`;
}

/** The most recent roles, each with why it does or does not bear on the ICP, from the profile's facts. */
export function detailedRationale(icp: Icp, facts: ProfileFacts, now: Date): Candidate["aiDetailedRationale"] {
  const nowMonth = monthIndexOf(now);
  const must = new Set(icp.mustHaveSkills);
  const nice = new Set(icp.niceToHaveSkills);
  return facts.roles.slice(0, MAX_DETAILED_RATIONALE).map((role, i) => {
    const named = facts.skills.filter((s) => s.roles.includes(i)).map((s) => s.skill);
    const mustNamed = unique(named.filter((s) => must.has(s))).map(plain);
    const niceNamed = unique(named.filter((s) => nice.has(s) && !must.has(s))).map(plain);
    const parts: string[] = [];
    if (icp.occupation && role.occupationId === icp.occupation.id) parts.push(`the same occupation as the role (${icp.occupation.name})`);
    if (mustNamed.length > 0) parts.push(`names must-have ${listPhrase(mustNamed)}`);
    if (niceNamed.length > 0) parts.push(`names nice-to-have ${listPhrase(niceNamed)}`);
    if (role.end !== null && monthsSinceEnd(role.end, nowMonth) > 60) parts.push(`ended ${formatDuration(monthsSinceEnd(role.end, nowMonth))} ago`);
    const sentence = parts.length === 0 ? "Names none of the role's skills and is another occupation." : `${parts.join("; ")}.`;
    const end = role.end === null ? nowMonth + 1 : role.end;
    return {
      title: role.title,
      company: role.company,
      duration: role.start === null ? "" : formatDuration(Math.max(0, Math.min(end, nowMonth + 1) - role.start)),
      relevanceExplanation: `${sentence[0].toUpperCase()}${sentence.slice(1)}`,
    };
  });
}
