import { findSkillsInText } from "../../skills/lexicon";
import { queryExclusions, statedExclusions, withoutExclusions } from "../negative-keywords";
import { type LocationPolicyReading, readLocationPolicy } from "./location-policy";
import { type PostingSection, readSections } from "./sections";
import { type SeniorityWords, readSeniorityWords } from "./seniority-words";
import { type SkillRequirementsReading, readSkillRequirements } from "./skill-requirements";
import { type YearsRequired, readYearsRequired } from "./years";

/**
 * A job posting read once into everything the ICP needs, each part with the text it was read from so
 * the profile can explain itself. Pure and network-free; the ICP decides defaults (seniority from
 * years, years from seniority) — this module only reports what the posting states.
 */

export type PostingToRead = { title: string; jobDescription: string; location?: string; query?: string };

export type PostingReading = {
  sections: PostingSection[];
  skills: SkillRequirementsReading;
  years: YearsRequired;
  seniority: SeniorityWords;
  location: LocationPolicyReading;
  /** Stated exclusions ("no agencies", "not a management role") and the query's ("python, no java"). */
  negativeKeywords: string[];
};

export function readPosting(job: PostingToRead): PostingReading {
  const query = job.query?.trim() ?? "";
  const sections = readSections(job.jobDescription);
  // The query is the recruiter's refinement: its skills are as binding as the title's, but what it
  // excludes ("python, no java") must not be read as wanted.
  const leading = [...findSkillsInText(job.title), ...(query ? findSkillsInText(withoutExclusions(query)) : [])];
  const excludedByQuery = query ? queryExclusions(query) : [];
  const excluded = excludedByQuery.flatMap((phrase) => findSkillsInText(phrase));
  return {
    sections,
    skills: readSkillRequirements(sections, { leading, excluded }),
    years: readYearsRequired(sections),
    seniority: readSeniorityWords(job.title, sections),
    location: readLocationPolicy(job.location ?? "", job.jobDescription),
    negativeKeywords: [...new Set([...statedExclusions(job.jobDescription), ...excludedByQuery])],
  };
}
