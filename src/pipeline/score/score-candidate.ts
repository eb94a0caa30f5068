import { enrichedProfile } from "../enrich/enriched-profile";
import type { Candidate, Icp, ScoreBreakdown, TalentProfile } from "../types";
import { clampScore } from "./assessment";
import { roleInterval, rolesMostRecentFirst, totalExperienceMonths } from "./experience";
import { assessExperience } from "./experience-fit";
import { detailedRationale, summarize } from "./explain";
import { assessLocation } from "./location";
import { findNegativeKeywords } from "./negative-keywords";
import { profilePassages } from "./passages";
import { assessSeniority } from "./seniority";
import { assessSkills } from "./skills";
import { assessTitle } from "./title";

/**
 * Embedded enrichment and scoring: one talent-pool profile against one ICP, no network, no clock.
 *
 * Every fit point and red flag is built from the profile's own words. The contract for explanations:
 * whatever stands between double quotes is verbatim profile text; ICP terms and our own numbers are
 * written without quotes, and profile text shown outside quotes (company names, dates) has its double
 * quotes turned into single ones so a reader (or a test) can always pair the quotes.
 */

/** How much each breakdown component contributes to matchScore; the weights sum to 1. */
export const MATCH_WEIGHTS = {
  skills: 0.4,
  title: 0.25,
  experience: 0.15,
  seniority: 0.1,
  location: 0.1,
} as const satisfies Record<keyof ScoreBreakdown, number>;

/** Points taken off matchScore for each distinct negative keyword the profile mentions. */
export const NEGATIVE_KEYWORD_PENALTY = 10;

export function scoreCandidate(icp: Icp, profile: TalentProfile, now: Date): Candidate {
  const roles = rolesMostRecentFirst(profile.experience ?? [], now);
  const facts = enrichedProfile(profile, now);
  const currentTitle = facts.currentRole;
  const passages = profilePassages(profile, roles, icp);
  const months = totalExperienceMonths(roles, now);
  const hasDatedRoles = roles.some((role) => roleInterval(role, now) !== null);

  const skills = assessSkills(icp, profile.skills ?? [], passages);
  const title = assessTitle(icp, currentTitle, roles);
  const seniority = assessSeniority(icp, currentTitle, hasDatedRoles ? months : null);
  const experience = assessExperience(icp, roles, months, hasDatedRoles, now);
  const location = assessLocation(icp, profile);
  const negatives = findNegativeKeywords(icp, profile, currentTitle, roles);

  const scoreBreakdown: ScoreBreakdown = {
    skills: skills.score,
    title: title.score,
    seniority: seniority.score,
    experience: experience.score,
    location: location.score,
  };
  const matchScore = combineScores(scoreBreakdown, negatives.length);
  const assessments = [title, skills, experience, seniority, location];

  return {
    profileId: facts.profileId,
    name: facts.name,
    linkedinUrl: facts.linkedinUrl,
    matchScore,
    rationale: summarize(matchScore, skills, title, experience, assessments, negatives.length),
    skills: facts.skills,
    headline: facts.headline,
    location: facts.location,
    currentCompany: facts.currentCompany,
    currentRole: facts.currentRole,
    aiFitPoints: assessments.flatMap((a) => a.fitPoints),
    aiRedFlags: [...assessments.flatMap((a) => a.redFlags), ...negatives],
    aiDetailedRationale: detailedRationale(icp, roles, passages, now),
    detailedExperience: facts.detailedExperience,
    emails: facts.emails,
    scoreBreakdown,
  };
}

/** Weighted sum of the breakdown, less the negative-keyword penalty, as an integer 0–100. */
export function combineScores(breakdown: ScoreBreakdown, negativeKeywordCount: number): number {
  let weighted = 0;
  for (const key of Object.keys(MATCH_WEIGHTS) as (keyof ScoreBreakdown)[]) {
    weighted += MATCH_WEIGHTS[key] * breakdown[key];
  }
  return clampScore(weighted - NEGATIVE_KEYWORD_PENALTY * negativeKeywordCount);
}
