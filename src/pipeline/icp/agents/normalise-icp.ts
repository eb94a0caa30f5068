import { countryName } from "../../../geo";
import { classifyTitle, occupationById, seniorityRank } from "../../occupations";
import { canonicalSkill, findSkillsInText } from "../../skills/lexicon";
import { Icp, type IcpSource, SENIORITY_SCALE } from "../../types";
import { type JobToProfile, locationVariants, MAX_TITLES, normalized, occupationOf } from "../derive-icp";
import { expandNiceToHaves } from "../nice-to-haves";
import { resolveLocationPolicy } from "../resolve-location-policy";
import type { IcpAnswer } from "./icp-answer";

/**
 * A model's ICP answer resolved into the contract's ICP through the same models the rules agent uses,
 * so the facts → gates → score path reads it exactly as it reads the rules' ICP: skills become lexicon
 * canonical names, the occupation an occupation of the model, places coordinates from the geodata.
 * What none of them knows is dropped rather than kept as text no profile fact could ever match (a
 * must-have no fact can evidence would fail everyone).
 */

export function icpFromAnswer(answer: IcpAnswer, job: JobToProfile, source: IcpSource): Icp {
  const occupation = occupationFrom(answer.occupation, job);
  const { seniority, range } = seniorityFrom(answer);
  const policy = locationPolicyFrom(answer.locationPolicy);
  const { mustHave, alternatives, niceToHave } = skillsFrom(answer, occupation);
  return Icp.parse({
    source,
    titles: titlesFrom(job.title, answer.titles, occupation),
    occupation,
    seniority,
    seniorityRange: range,
    minYearsExperience: answer.minYearsExperience,
    mustHaveSkills: mustHave,
    mustHaveAlternatives: alternatives,
    niceToHaveSkills: expandNiceToHaves(mustHave, niceToHave),
    locations: locationVariants(job.location ?? "", policy),
    locationPolicy: policy,
    negativeKeywords: negativeKeywordsFrom(answer.negativeKeywords),
  });
}

/** Lexicon names for the skills the lexicon knows, in order, once each. */
export function canonicalSkills(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => canonicalSkill(n)).filter((s): s is string => s !== null))];
}

/**
 * Must-haves, their any-of groups and nice-to-haves in lexicon names. A group member is a must-have
 * too (the contract's rule); a group that resolves to fewer than two skills is no choice and stays
 * only as its must-have. A must-have that merely restates the occupation ("backend development" for a
 * Backend Engineer) is a nice-to-have: the occupation gate already asks for it, and as a skill it
 * would fail every engineer who does the work without writing the word (the rules agent's reason too).
 */
export function skillsFrom(
  answer: Pick<IcpAnswer, "mustHaveSkills" | "mustHaveAlternatives" | "niceToHaveSkills">,
  occupation: Icp["occupation"],
): { mustHave: string[]; alternatives: string[][]; niceToHave: string[] } {
  const restated = new Set(occupation ? findSkillsInText(occupation.name) : []);
  const groups = answer.mustHaveAlternatives.map(canonicalSkills).filter((g) => g.length >= 2 && !g.some((s) => restated.has(s)));
  const stated = canonicalSkills([...answer.mustHaveSkills, ...groups.flat()]);
  const mustHave = stated.filter((s) => !restated.has(s));
  const niceToHave = canonicalSkills([...stated.filter((s) => restated.has(s)), ...answer.niceToHaveSkills]).filter((s) => !mustHave.includes(s));
  const seen = new Set<string>();
  const alternatives = groups.filter((g) => {
    const key = [...g].sort().join("\u0000");
    return !seen.has(key) && seen.add(key);
  });
  return { mustHave, alternatives, niceToHave };
}

/** The model's occupation read by the occupation model; when it cannot place it, the job title's, as the rules read it. */
export function occupationFrom(named: string, job: JobToProfile): Icp["occupation"] {
  const id = classifyTitle(named).occupationId;
  const occupation = id ? occupationById(id) : undefined;
  return occupation ? { id: occupation.id, name: occupation.name } : occupationOf(job.title, job.query?.trim() ?? "");
}

/** The job's own title first (the contract), then the model's synonyms, then the occupation's variants. */
export function titlesFrom(jobTitle: string, answered: readonly string[], occupation: Icp["occupation"]): string[] {
  const variants = occupation ? (occupationById(occupation.id)?.titles ?? []) : [];
  return [...new Set([normalized(jobTitle), ...answered.map(normalized), ...variants])].filter(Boolean).slice(0, MAX_TITLES);
}

/** A range the right way round that holds the job's own level. */
export function seniorityFrom(answer: Pick<IcpAnswer, "seniority" | "seniorityRange">): { seniority: Icp["seniority"]; range: Icp["seniorityRange"] } {
  const ranks = [seniorityRank(answer.seniorityRange.min), seniorityRank(answer.seniorityRange.max), seniorityRank(answer.seniority)];
  return {
    seniority: answer.seniority,
    range: { min: SENIORITY_SCALE[Math.min(...ranks)], max: SENIORITY_SCALE[Math.max(...ranks)] },
  };
}

/**
 * The model's policy resolved like a posting's (resolve-location-policy.ts): its places and areas found
 * in the geodata, what cannot be found left unenforced. Countries travel as names, since a bare code
 * is ambiguous to a place parser ("CA": Canada or California). A remote job's offices are not kept:
 * the resolver would read them as an onsite anchor, and the remote area already admits them.
 */
export function locationPolicyFrom(p: IcpAnswer["locationPolicy"]): Icp["locationPolicy"] {
  const within = [...p.remoteCountries.map((c) => countryName(c.toUpperCase()) ?? c), ...p.remoteRegions];
  const office = p.mode === "onsite" || p.mode === "hybrid" ? p.mode : null;
  const radii = p.places.map((place) => place.radiusKm).filter((r): r is number => r !== null);
  const onsite = office && p.places.length > 0
    ? { places: p.places.map((place) => place.name), arrangement: office, radiusKm: radii.length > 0 ? Math.max(...radii) : null }
    : null;
  // Onsite with remote areas is "NYC, or remote within the US".
  const remote = p.mode === "remote" || (office && within.length > 0) ? { within } : null;
  return resolveLocationPolicy({ onsite, remote, evidence: [] }).policy;
}

/** Seniority words are never negative keywords: the seniority range is a gate of its own (as in the rules agent). */
const LEVEL_WORDS: ReadonlySet<string> = new Set([...SENIORITY_SCALE, "staff", "entry-level", "entry level", "graduate", "sr", "jr"]);
export function negativeKeywordsFrom(words: readonly string[]): string[] {
  return [...new Set(words.map((w) => w.trim().toLowerCase()))].filter((w) => w !== "" && !LEVEL_WORDS.has(w));
}
