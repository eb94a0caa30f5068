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

/**
 * The must-haves as requirements: each alternatives group ("Go or Node.js") is one requirement that its
 * best-shown member meets; every other must-have is a requirement of its own.
 */
function requirementsOf(icp: Icp): string[][] {
  const groups = icp.mustHaveAlternatives.filter((g) => g.length > 0);
  const grouped = new Set(groups.flat());
  return [...groups, ...unique(icp.mustHaveSkills).filter((s) => !grouped.has(s)).map((s) => [s])];
}

function bestOf(evidence: SkillEvidence[]): SkillEvidence {
  const best = evidence.reduce((a, b) => (b.strength > a.strength ? b : a));
  // Nothing shown: name the whole group, so the red flag says what would have done.
  return best.strength > 0 || evidence.length === 1 ? best : { ...best, skill: evidence.map((e) => e.skill).join(" or ") };
}

export function assessSkills(icp: Icp, facts: ProfileFacts, nowMonth: number): SkillsAssessment {
  const bySkill = new Map<string, SkillFact>(facts.skills.map((s) => [s.skill, s]));
  const mustHaves = unique(icp.mustHaveSkills);
  const niceToHaves = unique(icp.niceToHaveSkills).filter((s) => !mustHaves.includes(s));
  const must = requirementsOf(icp).map((anyOf) => bestOf(anyOf.map((s) => skillEvidence(s, facts, bySkill, nowMonth))));
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
