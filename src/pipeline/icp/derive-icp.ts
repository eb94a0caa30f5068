import { countryName } from "../../geo";
import { classifyTitle, occupationById, occupationRelation, seniorityRank, titlesMentionedIn } from "../occupations";
import { findSkillMentions, findSkillsInText, skillDomain } from "../skills/lexicon";
import { Icp } from "../types";
import { DEFAULT_YEARS } from "./experience";
import { ruledOutSentences } from "./negative-keywords";
import { readPosting } from "./posting/read-posting";
import { TITLE_OR_QUERY } from "./posting/skill-requirements";
import { resolveLocationPolicy } from "./resolve-location-policy";
import { expandNiceToHaves } from "./nice-to-haves";
import { seniorityRangeOf } from "./seniority-range";

/**
 * The embedded ICP agent: a deterministic, no-network reading of a job into an Ideal Candidate Profile.
 * The posting reader (posting/) finds what the job asks and where; this file resolves it against the
 * occupation model and the geodata and composes the contract's ICP.
 */

export type JobToProfile = { title: string; jobDescription: string; location?: string; query?: string };

/** At most this many titles: the job's own, then its occupation's variants; more only dilutes the text search. */
export const MAX_TITLES = 12;

export function normalized(title: string): string {
  return title.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

/** A posting title without its remarks: "Staff Engineer, Java (Payments Platform)" is about Java, not the platform team. */
function withoutRemarks(title: string): string {
  return title.replace(/\([^)]*\)|\[[^\]]*\]/gu, " ").replace(/\s+/gu, " ").trim();
}

/** The job's occupation: its title's, else the first one the recruiter's query names ("backend engineers"). */
export function occupationOf(title: string, query: string): Icp["occupation"] {
  const id = classifyTitle(withoutRemarks(title)).occupationId ?? classifyTitle(title).occupationId ?? (query ? titlesMentionedIn(query)[0] : undefined) ?? null;
  const occupation = id ? occupationById(id) : undefined;
  return occupation ? { id: occupation.id, name: occupation.name } : null;
}

export function titlesOf(title: string, occupation: Icp["occupation"]): string[] {
  // Abbreviations ("swe", "rn") are left out: as free-text search terms they match too much.
  const variants = occupation ? (occupationById(occupation.id)?.titles ?? []) : [];
  return [...new Set([normalized(title), ...variants])].filter(Boolean).slice(0, MAX_TITLES);
}

/**
 * Skills that only restate the occupation ("backend development" from "Backend Engineer") are not
 * must-haves: the occupation gate already asks for them, and as skills they would fail every "Software
 * Engineer" who does backend work without writing the word. Stated in the posting, they stay.
 */
function withoutOccupationSkills(
  skills: { mustHave: string[]; niceToHave: string[]; evidence: Record<string, string> },
  occupation: Icp["occupation"],
): { mustHave: string[]; niceToHave: string[] } {
  if (!occupation) return skills;
  const restated = new Set(findSkillsInText(occupation.name));
  const fromTitleOnly = (s: string) => restated.has(s) && skills.evidence[s] === TITLE_OR_QUERY;
  return {
    mustHave: skills.mustHave.filter((s) => !fromTitleOnly(s)),
    niceToHave: [...skills.mustHave.filter(fromTitleOnly), ...skills.niceToHave],
  };
}

const TECHNICAL_SKILLS: ReadonlySet<string> = new Set(["software", "frontend", "mobile", "data", "devops", "security"]);
const TECHNICAL_WORK: ReadonlySet<string> = new Set(["software", "data", "engineering", "science", "product", "design"]);

/**
 * Names that mean a programming skill in one trade and something else in another: "CPP/EI" in a
 * payroll posting is the Canada Pension Plan, not C++, and "GitHub" in a recruiter's posting is where
 * engineers are found, not version control. In a posting for non-technical work, a technical skill read
 * only under another name (an abbreviation or a brand: "CPP", "JS", "GitHub") does not count; written
 * as the skill itself ("C++", "SQL", "Power BI") or as a plain word for it ("dashboards"), it does.
 */
const spelled = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}+#]/gu, "");
function isForeignAbbreviation(skill: string, evidence: string | undefined, occupation: Icp["occupation"]): boolean {
  if (!occupation || !evidence || !TECHNICAL_SKILLS.has(skillDomain(skill) ?? "")) return false;
  if (TECHNICAL_WORK.has(occupationById(occupation.id)?.domain ?? "software")) return false;
  const surfaces = findSkillMentions(evidence).filter((m) => m.canonical === skill).map((m) => m.text);
  return surfaces.length > 0 && surfaces.every((t) => looksLikeAName(t) && spelled(t) !== spelled(skill));
}
/** An abbreviation ("CPP") or a brand written in camel case ("GitHub"); plain words ("dashboards") are the concept. */
const looksLikeAName = (text: string) => /^\p{Lu}{2,4}$/u.test(text) || /\p{Ll}\p{Lu}/u.test(text);

function withoutForeignAbbreviations<T extends { mustHave: string[]; niceToHave: string[]; evidence: Record<string, string> }>(skills: T, occupation: Icp["occupation"]): T {
  const keep = (s: string) => !isForeignAbbreviation(s, skills.evidence[s], occupation);
  return { ...skills, mustHave: skills.mustHave.filter(keep), niceToHave: skills.niceToHave.filter(keep) };
}

/**
 * Leading others is not asked of someone at the start of a career: in a junior posting "a lot of
 * mentoring" and "coaching from seniors" are what the team offers, never what it requires. An entry-level
 * range (junior or below) keeps no leadership skill, so a posting's promise is not read as a gate.
 */
const LEADING_OTHERS: ReadonlySet<string> = new Set(["leadership", "people management", "mentoring", "coaching"]);
function withoutLeadershipForEntryLevel<T extends { mustHave: string[]; niceToHave: string[] }>(skills: T, range: Icp["seniorityRange"]): T {
  if (seniorityRank(range.max) > seniorityRank("junior")) return skills;
  const keep = (s: string) => !LEADING_OTHERS.has(s);
  return { ...skills, mustHave: skills.mustHave.filter(keep), niceToHave: skills.niceToHave.filter(keep) };
}

/**
 * Occupations a posting rules out by name: "Legal secretaries and attorneys seeking paralegal roles
 * will not be considered" rules out legal secretaries and attorneys, never the job's own occupation
 * (named in the same breath) nor its kinds.
 */
function excludedOccupationsOf(description: string, occupation: Icp["occupation"]): { id: string; name: string }[] {
  const ids = ruledOutSentences(description).flatMap((sentence) => titlesMentionedIn(sentence));
  const own = (id: string) => occupation !== null && ["same", "specialization", "generalization"].includes(occupationRelation(occupation.id, id));
  return [...new Set(ids)].filter((id) => !own(id)).flatMap((id) => {
    const o = occupationById(id);
    return o ? [{ id: o.id, name: o.name }] : [];
  });
}

/** The contract's `locations`: the location as written, each resolved place and area, "remote" when accepted. */
export function locationVariants(written: string, policy: Icp["locationPolicy"]): string[] {
  const variants = [
    normalized(written),
    ...policy.places.map((p) => p.name.toLowerCase()),
    ...policy.remoteRegions.map((r) => r.toLowerCase()),
    ...policy.remoteCountries.map((c) => (countryName(c) ?? c).toLowerCase()),
  ];
  if (policy.mode === "remote" || policy.remoteCountries.length + policy.remoteRegions.length > 0) variants.push("remote");
  return [...new Set(variants.filter(Boolean))];
}

export function deriveIcp(job: JobToProfile): Icp {
  const query = job.query?.trim() ?? "";
  const reading = readPosting({ ...job, query });
  const occupation = occupationOf(job.title, query);
  const { seniority, range } = seniorityRangeOf(classifyTitle(withoutRemarks(job.title)).seniority ?? classifyTitle(job.title).seniority, reading.seniority.levels, reading.years);
  const { policy } = resolveLocationPolicy(reading.location);
  const { mustHave, niceToHave } = withoutLeadershipForEntryLevel(withoutOccupationSkills(withoutForeignAbbreviations(reading.skills, occupation), occupation), range);

  return Icp.parse({
    source: "rules",
    titles: titlesOf(job.title, occupation),
    occupation,
    seniority,
    seniorityRange: range,
    minYearsExperience: reading.years.min ?? DEFAULT_YEARS[seniority],
    mustHaveSkills: mustHave,
    mustHaveAlternatives: reading.skills.alternatives.filter((group) => group.every((s) => mustHave.includes(s))),
    niceToHaveSkills: expandNiceToHaves(mustHave, niceToHave),
    locations: locationVariants(job.location ?? "", policy),
    locationPolicy: policy,
    // Seniority words ("junior") are not negative keywords: the seniority range is a gate of its own.
    negativeKeywords: reading.negativeKeywords,
    excludedOccupations: excludedOccupationsOf(job.jobDescription, occupation),
  });
}
