import { enrichedProfile } from "../enrich/enriched-profile";
import { asOfCurrentRole, type ProfileFacts } from "../facts/profile-facts";
import type { Candidate, Icp, ScoreBreakdown, TalentProfile } from "../types";
import { clampScore, type Assessment } from "./assessment";
import { monthIndexOf, roleInterval, rolesMostRecentFirst, totalExperienceMonths } from "./experience";
import { assessExperience } from "./experience-fit";
import { detailedRationale, summarize } from "./explain";
import { assessLocation, assessOccupation, assessSeniority, BANDS, type GateAssessment } from "./gates";
import { findNegativeKeywords } from "./negative-keywords";
import { assessSkills } from "./skills";

/**
 * Scoring one profile against one ICP from the profile's import-time facts: no text is re-read, no
 * network, no clock (the caller passes `now`).
 *
 * Every fit point and red flag is built from the profile's own words. The contract for explanations:
 * whatever stands between double quotes is verbatim profile text; ICP terms and our own numbers are
 * written without quotes, and profile text shown outside quotes (company names, dates) has its double
 * quotes turned into single ones so a reader (or a test) can always pair the quotes.
 *
 * The score bands (README "Score bands"), which ranking relies on:
 * - 0–39: fails a hard constraint (occupation, seniority range, location policy): below every candidate who passes;
 * - 40–69: passes the gates with real gaps (two or more must-haves not shown, two levels above the range),
 *   or holds a neighbouring occupation (frontend for a backend role) or a title we cannot place;
 * - 70–84: a good match with one gap: a must-have not shown, one level off, a place or title that cannot be confirmed;
 * - 85–100: every gate passes and every must-have is evidenced in the profile.
 */

/** How much each breakdown component contributes to the fit; the weights sum to 1. */
export const MATCH_WEIGHTS = {
  skills: 0.45,
  title: 0.25,
  seniority: 0.12,
  experience: 0.1,
  location: 0.08,
} as const satisfies Record<keyof ScoreBreakdown, number>;

export { BANDS } from "./gates";

/** Points taken off for each distinct negative keyword the profile mentions (within the candidate's band). */
export const NEGATIVE_KEYWORD_PENALTY = 8;

export function scoreCandidate(icp: Icp, profile: TalentProfile, storedFacts: ProfileFacts, now: Date): Candidate {
  const roles = rolesMostRecentFirst(profile.experience ?? [], now);
  const enriched = enrichedProfile(profile, now);
  const facts = asOfCurrentRole(storedFacts, enriched.currentRole, enriched.headline);
  const months = totalExperienceMonths(roles, now);
  const hasDatedRoles = roles.some((role) => roleInterval(role, now) !== null);

  const occupation = assessOccupation(icp, facts);
  const seniority = assessSeniority(icp, facts, hasDatedRoles ? months : null);
  const location = assessLocation(icp.locationPolicy, facts);
  const skills = assessSkills(icp, facts, monthIndexOf(now));
  const experience = assessExperience(icp, roles, months, hasDatedRoles, now);
  const negatives = findNegativeKeywords(icp, profile, enriched.currentRole, roles);

  const scoreBreakdown: ScoreBreakdown = {
    skills: skills.score,
    title: occupation.score,
    seniority: seniority.score,
    experience: experience.score,
    location: location.score,
  };
  const gates = [occupation, seniority, location];
  const matchScore = calibrate(scoreBreakdown, {
    gates,
    missingMustHaves: skills.missingMustHaves.length,
    negativeKeywords: negatives.length,
  });
  const assessments: Assessment[] = [occupation, skills, experience, seniority, location];

  return {
    profileId: enriched.profileId,
    name: enriched.name,
    linkedinUrl: enriched.linkedinUrl,
    matchScore,
    rationale: summarize(matchScore, skills, occupation, experience, assessments, negatives.length),
    skills: enriched.skills,
    headline: enriched.headline,
    location: enriched.location,
    currentCompany: enriched.currentCompany,
    currentRole: enriched.currentRole,
    aiFitPoints: assessments.flatMap((a) => a.fitPoints),
    // A failed hard constraint is the first thing a recruiter should read.
    aiRedFlags: [...failedFirst(gates, assessments).flatMap((a) => a.redFlags), ...negatives],
    aiDetailedRationale: detailedRationale(icp, facts, now),
    detailedExperience: enriched.detailedExperience,
    emails: enriched.emails,
    scoreBreakdown,
  };
}

function failedFirst(gates: readonly GateAssessment[], assessments: readonly Assessment[]): Assessment[] {
  const failed = gates.filter((g) => g.gate === "fail");
  return [...failed, ...assessments.filter((a) => !failed.includes(a as GateAssessment))];
}

export type Verdicts = { gates: readonly GateAssessment[]; missingMustHaves: number; negativeKeywords: number };

/**
 * The weighted fit placed in its band. The verdicts choose the band (a failed gate: 0–39, below every
 * passing candidate; a neighbouring occupation or real gaps: 40–69; one gap: 70–84; else 85–100) and the fit places the candidate inside it, so candidates of one band keep their order by fit
 * instead of piling up on its ceiling. Negative keywords cost points within the band, never across it.
 */
export function calibrate(breakdown: ScoreBreakdown, v: Verdicts): number {
  const fit = weightedFit(breakdown);
  const [floor, ceiling] = bandFor(v);
  const placed = floor + ((ceiling - floor) * fit) / 100 - NEGATIVE_KEYWORD_PENALTY * v.negativeKeywords;
  return clampScore(Math.min(ceiling, Math.max(floor, placed)));
}

/** The breakdown's weighted sum, 0–100: what places a candidate inside its band. */
export function weightedFit(breakdown: ScoreBreakdown): number {
  let fit = 0;
  for (const key of Object.keys(MATCH_WEIGHTS) as (keyof ScoreBreakdown)[]) fit += MATCH_WEIGHTS[key] * breakdown[key];
  return fit;
}

/**
 * The sort key of a scored candidate (higher first): its matchScore, ties broken by the weighted fit
 * behind it (below 0.1, so it never crosses a whole point). Without it, equal integer scores would be
 * ordered by profile id — at random, as far as a recruiter can tell.
 */
export function rankOf(candidate: Pick<Candidate, "matchScore" | "scoreBreakdown">): number {
  return candidate.matchScore + weightedFit(candidate.scoreBreakdown) / 1001;
}

function bandFor(v: Verdicts): [floor: number, ceiling: number] {
  if (v.gates.some((g) => g.gate === "fail")) return [0, BANDS.failsGate];
  // One must-have not shown is a near miss; more than one is a real gap.
  const ceilings = [100, ...v.gates.flatMap((g) => (g.ceiling === undefined ? [] : [g.ceiling]))];
  if (v.missingMustHaves > 1) ceilings.push(BANDS.neighbourCeiling);
  else if (v.missingMustHaves === 1) ceilings.push(BANDS.gapCeiling);
  const ceiling = Math.min(...ceilings);
  const floor = ceiling === 100 ? BANDS.gapCeiling + 1 : ceiling === BANDS.gapCeiling ? BANDS.neighbourCeiling + 1 : BANDS.passFloor;
  return [floor, ceiling];
}
