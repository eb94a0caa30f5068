// The ICP as a People Data Labs Person Search body: an Elasticsearch bool query over PDL's person
// fields (docs: Input Parameters - Person Search API, Person Schema). Pure: no I/O.
//
// Every record PDL returns is billed, so the query filters on what the gates would fail anyway
// (titles, place, levels outside the seniority range) and only ranks on the rest (skills, the city
// itself): a strong candidate whose PDL skills list is thin is still bought, and scoring decides.
// PDL's keyword fields hold lower-case values ("united states", "california", "san francisco").
import { countriesOf, countryName, parseArea, parsePlace } from "../../../geo";
import type { Icp, LocationPolicy } from "../../types";
import { SENIORITY_SCALE } from "../../types";
import type { PdlSearchBody } from "./pdl-api";

type EsQuery = Record<string, unknown>;
type Seniority = (typeof SENIORITY_SCALE)[number];

/** PDL's canonical job title levels (docs: Job Title Levels). */
export const PDL_LEVELS = ["cxo", "owner", "vp", "director", "partner", "senior", "manager", "entry", "training", "unpaid"] as const;

/**
 * Which PDL levels each level of our scale reads as. PDL tags no level on plain mid-level titles
 * ("software engineer"), so mid has none of its own; lead and principal titles carry PDL's "senior"
 * and, when they manage, "manager" or "director".
 */
export const PDL_LEVELS_BY_SENIORITY: Record<Seniority, readonly string[]> = {
  intern: ["training", "unpaid"],
  junior: ["entry"],
  mid: [],
  senior: ["senior"],
  lead: ["senior", "manager"],
  principal: ["senior", "director"],
  executive: ["director", "vp", "cxo", "owner", "partner"],
};

export const MAX_TITLES = 10;
export const MAX_SKILLS = 15;
const MAX_NEGATIVE = 10;
const NICE_TO_HAVE_TERMS = 5; // as the pool's facts search (query/facts-query.ts)
export const PDL_MAX_SIZE = 100; // the most records one Person Search call returns

const lower = (s: string) => s.trim().toLowerCase();
const unique = (values: string[]) => [...new Set(values.map(lower).filter(Boolean))];
const anyOf = (clauses: EsQuery[]): EsQuery | null =>
  clauses.length === 0 ? null : clauses.length === 1 ? clauses[0] : { bool: { should: clauses, minimum_should_match: 1 } };

/**
 * Levels outside the seniority range are excluded, rather than those inside required: a record without
 * levels (every mid-level title) then still matches. Null when the range excludes no PDL level.
 */
export function levelsExcluded(range: Icp["seniorityRange"]): string[] {
  const from = SENIORITY_SCALE.indexOf(range.min);
  const to = SENIORITY_SCALE.indexOf(range.max);
  const allowed = new Set(SENIORITY_SCALE.slice(Math.min(from, to), Math.max(from, to) + 1).flatMap((s) => PDL_LEVELS_BY_SENIORITY[s]));
  return PDL_LEVELS.filter((level) => !allowed.has(level));
}

/** One office place as PDL location terms: its region within its country when known, else the country or the city. */
function placeClause(place: LocationPolicy["places"][number]): EsQuery | null {
  const parsed = parsePlace(place.name, place.country ? { country: place.country } : undefined);
  const country = place.country ? countryName(place.country) : null;
  const terms: EsQuery[] = [];
  if (country) terms.push({ term: { location_country: lower(country) } });
  // The region, not the city: a commuting radius reaches the towns around it, which PDL names as
  // localities of their own. The location gate then measures the distance.
  if (parsed?.region) terms.push({ term: { location_region: lower(parsed.region) } });
  else if (!country) terms.push({ term: { location_locality: lower(place.name) } });
  return terms.length === 0 ? null : terms.length === 1 ? terms[0] : { bool: { must: terms } };
}

/** Remote countries and regions ("US", "Europe", "California") as location terms. */
function remoteClauses(policy: LocationPolicy): EsQuery[] {
  const isoCodes = [...policy.remoteCountries];
  const regions: EsQuery[] = [];
  for (const name of policy.remoteRegions) {
    const area = parseArea(name);
    if (!area) continue;
    if (area.kind === "region") {
      const country = countryName(countriesOf(area)[0] ?? "");
      regions.push(country
        ? { bool: { must: [{ term: { location_country: lower(country) } }, { term: { location_region: lower(area.name) } }] } }
        : { term: { location_region: lower(area.name) } });
    } else {
      isoCodes.push(...countriesOf(area));
    }
  }
  const countries = unique(isoCodes.flatMap((iso) => countryName(iso) ?? []));
  return [...(countries.length ? [{ terms: { location_country: countries } }] : []), ...regions];
}

/**
 * Where the people must be, or null for anywhere. Onsite and hybrid: the offices' regions, plus the
 * remote countries or regions the job also takes; remote: those countries and regions (and the offices).
 */
export function locationFilter(policy: LocationPolicy): EsQuery | null {
  const remoteAnywhere = policy.mode === "remote" && policy.remoteCountries.length === 0 && policy.remoteRegions.length === 0;
  if (policy.mode === "any" || remoteAnywhere) return null;
  const offices = policy.places.map(placeClause).filter((c): c is EsQuery => c !== null);
  return anyOf([...offices, ...remoteClauses(policy)]);
}

/** The offices' own cities rank first among the people of their region. */
function localityBoosts(policy: LocationPolicy): EsQuery[] {
  if (policy.mode === "any") return [];
  return unique(policy.places.flatMap((p) => {
    const parsed = parsePlace(p.name, p.country ? { country: p.country } : undefined);
    return parsed?.city ? [parsed.city] : [];
  })).map((city) => ({ term: { location_locality: { value: city, boost: 2 } } }));
}

export type PdlSearchOptions = {
  size: number; // records to buy at most
  excludeIds?: string[]; // PDL ids the company already holds (found in the pool, for free)
};

/**
 * The Person Search body for an ICP, or null when the ICP names neither a title nor a skill: a
 * query on place alone would buy people at random.
 */
export function compilePdlSearch(icp: Icp, opts: PdlSearchOptions): PdlSearchBody | null {
  const titles = unique(icp.titles).slice(0, MAX_TITLES);
  const skills = unique([...icp.mustHaveSkills, ...icp.niceToHaveSkills.slice(0, NICE_TO_HAVE_TERMS)]).slice(0, MAX_SKILLS);
  if (titles.length === 0 && skills.length === 0) return null;

  const skillTerms = skills.map((skill) => ({ term: { skills: skill } }));
  const titleClause = anyOf(titles.map((title) => ({ match_phrase: { job_title: title } })));
  const place = locationFilter(icp.locationPolicy);
  // Without a title to filter on, at least one of the skills is required instead.
  const must = [titleClause ?? anyOf(skillTerms), place].filter((c): c is EsQuery => c !== null);
  const should = [...(titleClause ? skillTerms : []), ...localityBoosts(icp.locationPolicy)];

  const excludedLevels = levelsExcluded(icp.seniorityRange);
  const mustNot: EsQuery[] = [
    ...(excludedLevels.length ? [{ terms: { job_title_levels: excludedLevels } }] : []),
    ...unique(icp.negativeKeywords).slice(0, MAX_NEGATIVE).map((phrase) => ({ match_phrase: { job_title: phrase } })),
    ...(opts.excludeIds?.length ? [{ terms: { id: opts.excludeIds } }] : []),
  ];

  const bool: EsQuery = { must };
  if (should.length) bool.should = should;
  if (mustNot.length) bool.must_not = mustNot;
  return {
    query: { bool },
    size: Math.max(1, Math.min(Math.floor(opts.size), PDL_MAX_SIZE)),
    titlecase: true, // names and titles as people write them; PDL stores them lower case
  };
}
