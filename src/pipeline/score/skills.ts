import type { ProfileFacts, SkillFact } from "../facts/profile-facts";
import type { Icp } from "../types";
import { clampScore, type Assessment } from "./assessment";
import { describeEvidence, skillEvidence, type SkillEvidence } from "./skill-evidence";
import { listPhrase, unique } from "./text";

// Share of the skills score carried by must-haves when the ICP also lists nice-to-haves.
const MUST_HAVE_SHARE = 0.8;
// A must-have counts as evidenced from this strength on: a skills-list entry is evidence, a related skill is not.
export const EVIDENCED = 0.5;
// Nice-to-haves are often expanded with related skills; citing them all would drown the must-haves.
const MAX_NICE_TO_HAVE_POINTS = 3;

export type SkillsAssessment = Assessment & { missingMustHaves: string[] };

export function assessSkills(icp: Icp, facts: ProfileFacts, nowMonth: number): SkillsAssessment {
  const bySkill = new Map<string, SkillFact>(facts.skills.map((s) => [s.skill, s]));
  const mustHaves = unique(icp.mustHaveSkills);
  const niceToHaves = unique(icp.niceToHaveSkills).filter((s) => !mustHaves.includes(s));
  const must = mustHaves.map((s) => skillEvidence(s, facts, bySkill, nowMonth));
  const nice = niceToHaves.map((s) => skillEvidence(s, facts, bySkill, nowMonth));

  const mean = (list: SkillEvidence[]) => list.reduce((sum, e) => sum + e.strength, 0) / list.length;
  const score =
    must.length === 0 && nice.length === 0 ? 100
    : must.length === 0 ? 100 * (0.5 + 0.5 * mean(nice)) // nothing is required: nice-to-haves can only add
    : nice.length === 0 ? 100 * mean(must)
    : 100 * (MUST_HAVE_SHARE * mean(must) + (1 - MUST_HAVE_SHARE) * mean(nice));

  const missing = must.filter((e) => e.strength < EVIDENCED);
  const fitPoints = [
    ...must.filter((e) => e.strength >= EVIDENCED).map((e) => `Must-have ${describeEvidence(e)}`),
    ...nice.filter((e) => e.strength >= EVIDENCED && !e.via).slice(0, MAX_NICE_TO_HAVE_POINTS).map((e) => `Nice-to-have ${describeEvidence(e)}`),
  ];
  const redFlags: string[] = [];
  const partial = missing.filter((e) => e.strength > 0);
  const absent = missing.filter((e) => e.strength === 0).map((e) => e.skill);
  for (const e of partial) redFlags.push(`Must-have ${e.skill} only weakly shown (${describeEvidence(e)})`);
  if (absent.length > 0) redFlags.push(`No evidence of must-have ${listPhrase(absent)}`);
  return {
    score: clampScore(score),
    fitPoints,
    redFlags,
    gap: missing.length > 0 ? `missing ${listPhrase(missing.map((e) => e.skill))}` : undefined,
    missingMustHaves: missing.map((e) => e.skill),
  };
}
