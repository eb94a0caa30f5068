// The ICP → People Data Labs Person Search compiler: a pure function, so every rule is a table row.
import { describe, expect, it } from "vitest";
import { compilePdlSearch, levelsExcluded, locationFilter, PDL_LEVELS } from "../../../src/pipeline/sources/pdl/pdl-query";
import { deriveIcp } from "../../../src/pipeline/icp/derive-icp";
import { Icp, type LocationPolicy } from "../../../src/pipeline/types";

const sf = { name: "San Francisco", country: "US", lat: 37.77, lon: -122.42, radiusKm: 75 };
const berlin = { name: "Berlin", country: "DE", lat: 52.52, lon: 13.4, radiusKm: 75 };

function icpOf(o: Partial<Icp> = {}): Icp {
  return Icp.parse({
    titles: ["backend engineer", "backend developer"],
    seniority: "senior",
    seniorityRange: { min: "senior", max: "lead" },
    minYearsExperience: 5,
    mustHaveSkills: ["Node.js", "PostgreSQL"],
    niceToHaveSkills: ["Kubernetes"],
    locations: [],
    negativeKeywords: [],
    ...o,
  });
}

const policy = (o: Partial<LocationPolicy>): LocationPolicy => ({ mode: "any", places: [], remoteCountries: [], remoteRegions: [], ...o });
type Bool = { must?: unknown[]; should?: unknown[]; must_not?: unknown[] };
const boolOf = (icp: Icp, size = 20, excludeIds?: string[]) => (compilePdlSearch(icp, { size, excludeIds })!.query as { bool: Bool }).bool;

describe("titles and skills", () => {
  it("requires one of the titles (phrases on job_title) and ranks by the skills (lower case, must-haves then nice-to-haves)", () => {
    const bool = boolOf(icpOf());
    expect(bool.must?.[0]).toEqual({ bool: { should: [{ match_phrase: { job_title: "backend engineer" } }, { match_phrase: { job_title: "backend developer" } }], minimum_should_match: 1 } });
    expect(bool.should).toEqual([{ term: { skills: "node.js" } }, { term: { skills: "postgresql" } }, { term: { skills: "kubernetes" } }]);
  });

  it("with no title, one of the skills is required instead", () => {
    const bool = boolOf(icpOf({ titles: [] }));
    expect(bool.must).toEqual([{ bool: { should: [{ term: { skills: "node.js" } }, { term: { skills: "postgresql" } }, { term: { skills: "kubernetes" } }], minimum_should_match: 1 } }]);
    expect(bool.should).toBeUndefined();
  });

  it("with neither titles nor skills there is no query at all (place alone would buy people at random)", () => {
    expect(compilePdlSearch(icpOf({ titles: [], mustHaveSkills: [], niceToHaveSkills: [] }), { size: 20 })).toBeNull();
  });

  it("caps titles at 10 and skills at 15, each once", () => {
    const titles = Array.from({ length: 14 }, (_, i) => `title ${i}`);
    const skills = Array.from({ length: 20 }, (_, i) => `Skill${i}`);
    const bool = boolOf(icpOf({ titles: [...titles, "TITLE 0"], mustHaveSkills: skills, niceToHaveSkills: [] }));
    expect((bool.must?.[0] as { bool: { should: unknown[] } }).bool.should).toHaveLength(10);
    expect(bool.should).toHaveLength(15);
  });

  it("negative keywords exclude titles; held PDL ids are not bought again", () => {
    const bool = boolOf(icpOf({ negativeKeywords: ["Recruiters", "management"], seniorityRange: { min: "intern", max: "executive" } }), 20, ["pdl_1", "pdl_2"]);
    expect(bool.must_not).toEqual([{ match_phrase: { job_title: "recruiters" } }, { match_phrase: { job_title: "management" } }, { terms: { id: ["pdl_1", "pdl_2"] } }]);
  });
});

describe("size", () => {
  it.each([
    [20, 20],
    [150, 100], // PDL returns at most 100 records a call
    [0, 1],
    [7.9, 7],
  ])("size %s → %s", (size, expected) => {
    expect(compilePdlSearch(icpOf(), { size })!.size).toBe(expected);
  });

  it("asks PDL for title-cased records", () => {
    expect(compilePdlSearch(icpOf(), { size: 5 })!.titlecase).toBe(true);
  });
});

describe("job_title_levels from the seniority range", () => {
  it.each([
    // range → PDL levels excluded (a record without levels, as every mid-level title, always stays)
    [{ min: "intern", max: "executive" }, []],
    [{ min: "senior", max: "lead" }, ["cxo", "owner", "vp", "director", "partner", "entry", "training", "unpaid"]],
    [{ min: "mid", max: "senior" }, ["cxo", "owner", "vp", "director", "partner", "manager", "entry", "training", "unpaid"]],
    [{ min: "intern", max: "junior" }, ["cxo", "owner", "vp", "director", "partner", "senior", "manager"]],
    [{ min: "junior", max: "mid" }, ["cxo", "owner", "vp", "director", "partner", "senior", "manager", "training", "unpaid"]],
    [{ min: "principal", max: "executive" }, ["manager", "entry", "training", "unpaid"]],
    [{ min: "mid", max: "mid" }, [...PDL_LEVELS]],
  ] as const)("%j excludes %j", (range, excluded) => {
    expect(levelsExcluded(range)).toEqual(excluded);
    const mustNot = boolOf(icpOf({ seniorityRange: range })).must_not;
    expect(mustNot).toEqual(excluded.length ? [{ terms: { job_title_levels: excluded } }] : undefined);
  });
});

describe("country, region and locality from the location policy", () => {
  it.each([
    ["any", policy({ mode: "any", places: [sf] }), null],
    ["remote anywhere", policy({ mode: "remote" }), null],
    [
      "onsite in a city: its region within its country",
      policy({ mode: "onsite", places: [sf] }),
      { bool: { must: [{ term: { location_country: "united states" } }, { term: { location_region: "california" } }] } },
    ],
    [
      "hybrid in two cities: either",
      policy({ mode: "hybrid", places: [sf, berlin] }),
      {
        bool: {
          should: [
            { bool: { must: [{ term: { location_country: "united states" } }, { term: { location_region: "california" } }] } },
            { bool: { must: [{ term: { location_country: "germany" } }, { term: { location_region: "berlin" } }] } },
          ],
          minimum_should_match: 1,
        },
      },
    ],
    ["remote in countries", policy({ mode: "remote", remoteCountries: ["US", "CA"] }), { terms: { location_country: ["united states", "canada"] } }],
    [
      "remote in a US state",
      policy({ mode: "remote", remoteRegions: ["California"] }),
      { bool: { must: [{ term: { location_country: "united states" } }, { term: { location_region: "california" } }] } },
    ],
    ["remote in a group of countries", policy({ mode: "remote", remoteRegions: ["DACH"] }), { terms: { location_country: ["austria", "switzerland", "germany"] } }],
    [
      "onsite, or remote within a country",
      policy({ mode: "onsite", places: [sf], remoteCountries: ["US"] }),
      {
        bool: {
          should: [
            { bool: { must: [{ term: { location_country: "united states" } }, { term: { location_region: "california" } }] } },
            { terms: { location_country: ["united states"] } },
          ],
          minimum_should_match: 1,
        },
      },
    ],
  ] as const)("%s", (_name, p, expected) => {
    expect(locationFilter(p as LocationPolicy)).toEqual(expected);
  });

  it("the filter is required; the office's own city only ranks first", () => {
    const bool = boolOf(icpOf({ locationPolicy: policy({ mode: "onsite", places: [sf] }) }));
    expect(bool.must?.[1]).toEqual(locationFilter(policy({ mode: "onsite", places: [sf] })));
    expect(bool.should).toContainEqual({ term: { location_locality: { value: "san francisco", boost: 2 } } });
  });
});

describe("a job read by the rules agent", () => {
  it("compiles the whole ICP: titles, skills, place and levels", () => {
    const icp = deriveIcp({
      title: "Senior Backend Engineer",
      jobDescription: "We need a senior backend engineer with 5+ years of Node.js and PostgreSQL experience. Kubernetes is a plus. Onsite in San Francisco.",
      location: "San Francisco, CA",
    });
    const body = compilePdlSearch(icp, { size: 20 })!;
    const json = JSON.stringify(body);
    expect(json).toContain('"match_phrase":{"job_title":"senior backend engineer"}');
    expect(json).toContain('"term":{"skills":"node.js"}');
    expect(json).toContain('"location_region":"california"');
    expect(json).toContain('"job_title_levels"');
    expect(body.size).toBe(20);
  });
});
