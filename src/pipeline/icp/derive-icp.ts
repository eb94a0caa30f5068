import { findSkillsInText } from "../skills/lexicon";
import { Icp } from "../types";
import { DEFAULT_YEARS, seniorityFromYears, yearsStatedIn } from "./experience";
import { locationVariants } from "./locations";
import { queryExclusions, seniorityExclusions, statedExclusions, withoutExclusions } from "./negative-keywords";
import { classifySkills, expandNiceToHaves } from "./skill-requirements";
import { coreTitle, normalizeTitle, seniorityFromTitle, titleFamily, titlesMentionedIn } from "./titles";

/**
 * The embedded ICP agent: a deterministic, no-network reading of a job into an Ideal Candidate Profile.
 * Every rule lives in a sibling module with its own data; this file only composes them.
 */

export type JobToProfile = { title: string; jobDescription: string; location?: string; query?: string };

/** At most this many titles: the job's own, then synonyms; more only dilutes the search. */
const MAX_TITLES = 12;

function deriveTitles(title: string, query: string): string[] {
  const normalized = normalizeTitle(title);
  const core = coreTitle(normalized);
  const fromQuery = query ? titlesMentionedIn(query) : [];
  const synonyms = [...titleFamily(core), ...fromQuery.flatMap((t) => [t, ...titleFamily(t)])];
  // The core title only adds something when seniority words were stripped, not just punctuation.
  const coreIfDifferent = core.replace(/\W+/gu, "") === normalized.replace(/\W+/gu, "") ? [] : [core];
  return [...new Set([normalized, ...coreIfDifferent, ...synonyms])].filter(Boolean).slice(0, MAX_TITLES);
}

/** The largest stated requirement, reading nice-to-have sentences only when nothing else states one. */
function statedYears(description: string): number | null {
  const sentences = description.split(/\r?\n|(?<=[.!?;])\s+/u);
  const firm = sentences.filter((s) => !/\b(?:ideally|preferred|nice to have|bonus|a plus)\b/iu.test(s)).flatMap(yearsStatedIn);
  const any = firm.length > 0 ? firm : sentences.flatMap(yearsStatedIn);
  return any.length > 0 ? Math.max(...any) : null;
}

export function deriveIcp(job: JobToProfile): Icp {
  const query = job.query?.trim() ?? "";
  const titles = deriveTitles(job.title, query);

  const years = statedYears(job.jobDescription);
  const seniority = seniorityFromTitle(normalizeTitle(job.title)) ?? (years !== null ? seniorityFromYears(years) : "mid");
  const minYearsExperience = years ?? DEFAULT_YEARS[seniority];

  // The query is the user's refinement: its skills are as binding as the title's.
  // "python, no java" must not make Java a must-have.
  const leading = [...findSkillsInText(job.title), ...(query ? findSkillsInText(withoutExclusions(query)) : [])];
  const { mustHave, niceToHave } = classifySkills(job.jobDescription, leading);

  const negativeKeywords = [
    ...statedExclusions(job.jobDescription),
    ...(query ? queryExclusions(query) : []),
    ...seniorityExclusions(seniority),
  ];

  return Icp.parse({
    titles,
    seniority,
    minYearsExperience,
    mustHaveSkills: mustHave,
    niceToHaveSkills: expandNiceToHaves(mustHave, niceToHave),
    locations: locationVariants(job.location ?? "", job.jobDescription),
    negativeKeywords: [...new Set(negativeKeywords)],
  });
}
