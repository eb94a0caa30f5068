import { describe, expect, it } from "vitest";
import { deriveIcp } from "../../src/pipeline/icp/derive-icp";
import { yearsStatedIn } from "../../src/pipeline/icp/experience";
import { seniorityRangeOf } from "../../src/pipeline/icp/seniority-range";
import { Icp } from "../../src/pipeline/types";
import * as jobs from "./job-fixtures";

// The posting reader has its own tests (test/pipeline/posting); these check how the ICP composes it with
// the occupation model and the geodata into the contract's shape.
describe("deriveIcp on real postings", () => {
  it.each([
    {
      job: jobs.backendEngineer, occupation: "backend-engineer", seniority: "senior", range: ["senior", "lead"], years: 5,
      must: ["go", "node.js", "postgresql", "kafka"], nice: ["terraform", "kubernetes"],
      policy: { mode: "remote", remoteCountries: ["US"] }, negative: ["agencies"],
    },
    {
      job: jobs.icuNurse, occupation: "icu-nurse", seniority: "mid", range: ["mid", "senior"], years: 2,
      // "nursing" and "critical care" only restate the occupation (ICU nurse): the gate asks for them.
      must: ["bls", "acls"], nice: ["bilingual", "nursing", "critical care"],
      policy: { mode: "onsite", place: "Sacramento" }, negative: [],
    },
    {
      job: jobs.accountExecutive, occupation: "account-executive", seniority: "mid", range: ["mid", "senior"], years: 3,
      must: ["b2b sales", "saas sales", "quota attainment", "salesforce", "negotiation"], nice: ["meddic"],
      policy: { mode: "hybrid", place: "New York City" }, negative: ["recruiters", "management"],
    },
    {
      job: jobs.dataScientist, occupation: "data-scientist", seniority: "mid", range: ["mid", "senior"], years: 3,
      must: ["machine learning", "statistics", "python"], nice: ["pytorch", "airflow", "dbt"],
      policy: { mode: "onsite", place: "London" }, negative: [],
    },
    {
      job: jobs.warehouseManager, occupation: "warehouse-manager", seniority: "senior", range: ["senior", "lead"], years: 5,
      must: ["warehouse management", "wms"], nice: ["lean", "six sigma", "forklift"],
      policy: { mode: "onsite", place: "Reno" }, negative: [],
    },
  ])("$job.title", ({ job, occupation, seniority, range, years, must, nice, policy, negative }) => {
    const icp = deriveIcp(job);
    expect(Icp.safeParse(icp).success).toBe(true);
    expect(icp.source).toBe("rules");
    expect(icp.titles[0]).toBe(job.title.toLowerCase().replace(/\s+/gu, " "));
    expect(icp.occupation?.id).toBe(occupation);
    expect(icp.seniority).toBe(seniority);
    expect([icp.seniorityRange.min, icp.seniorityRange.max]).toEqual(range);
    expect(icp.minYearsExperience).toBe(years);
    expect(icp.mustHaveSkills).toEqual(expect.arrayContaining(must));
    expect(icp.niceToHaveSkills).toEqual(expect.arrayContaining(nice));
    expect(icp.locationPolicy.mode).toBe(policy.mode);
    if ("place" in policy) expect(icp.locationPolicy.places.map((p) => p.name)).toEqual([policy.place]);
    if ("remoteCountries" in policy) expect(icp.locationPolicy.remoteCountries).toEqual(policy.remoteCountries);
    expect(icp.negativeKeywords).toEqual(negative);
  });

  it.each(Object.values(jobs.allJobs))("keeps the lists disjoint, unique and capped for $title", (job) => {
    const icp = deriveIcp(job);
    for (const skill of icp.niceToHaveSkills) expect(icp.mustHaveSkills).not.toContain(skill);
    expect(icp.niceToHaveSkills.length).toBeLessThanOrEqual(15);
    for (const list of [icp.titles, icp.mustHaveSkills, icp.niceToHaveSkills, icp.locations, icp.negativeKeywords]) {
      expect(new Set(list).size).toBe(list.length);
    }
    for (const title of icp.titles) expect(title).toBe(title.toLowerCase());
  });

  it("is deterministic", () => {
    expect(deriveIcp(jobs.backendEngineer)).toEqual(deriveIcp(jobs.backendEngineer));
  });
});

describe("deriveIcp edge cases", () => {
  it.each([
    { name: "empty-ish description", job: { title: "Engineer", jobDescription: "." } },
    { name: "only punctuation", job: { title: "!!!", jobDescription: "???  ***  \"\"" } },
    { name: "unicode", job: { title: "Ingénieur logiciel — Back-end", jobDescription: "Expérience en Python et Kubernetes. 🚀" } },
    { name: "weird punctuation", job: { title: "Sr. Backend Eng. (Go/Rust) | Payments", jobDescription: "Go/Rust;;; C++?? -- 5+yrs" } },
  ])("$name yields a valid ICP", ({ job }) => {
    const icp = deriveIcp(job);
    expect(Icp.safeParse(icp).success).toBe(true);
    expect(icp.titles.length).toBeGreaterThan(0);
  });

  it("has no locations and no location constraint without a place or a remote signal", () => {
    const icp = deriveIcp({ title: "Accountant", jobDescription: "Month-end close under GAAP." });
    expect(icp.locations).toEqual([]);
    expect(icp.locationPolicy).toEqual({ mode: "any", places: [], remoteCountries: [], remoteRegions: [] });
  });

  it("reads tricky titles", () => {
    const icp = deriveIcp({ title: "Sr. Backend Eng. (Go/Rust) | Payments", jobDescription: "Go/Rust;;; C++?? -- 5+yrs" });
    expect(icp.seniority).toBe("senior");
    expect(icp.occupation?.id).toBe("backend-engineer");
    expect(icp.titles).toContain("backend developer");
  });

  it("reads the occupation from the title without its remarks", () => {
    const icp = deriveIcp({ title: "Staff Software Engineer, Java (Payments Platform)", jobDescription: "Java and Spring Boot." });
    expect(icp.occupation?.id).not.toBe("platform-engineer");
    expect(icp.seniority).toBe("lead");
  });

  it("takes skills and titles from the query, but not what it excludes", () => {
    const icp = deriveIcp({
      title: "Software Engineer",
      jobDescription: "Build things.",
      query: "python backend developer with django, no java, not from agencies",
    });
    expect(icp.mustHaveSkills).toEqual(expect.arrayContaining(["python", "django"]));
    expect(icp.mustHaveSkills).not.toContain("java");
    expect(icp.negativeKeywords).toEqual(expect.arrayContaining(["java", "agencies"]));
  });

  it("reads an abbreviation that spells a programming skill by the trade of the job", () => {
    const payroll = deriveIcp({ title: "Payroll Specialist", jobDescription: "Requirements\n- Working knowledge of CPP/EI and ROEs\n- Strong Excel" });
    expect([...payroll.mustHaveSkills, ...payroll.niceToHaveSkills]).not.toContain("c++");
    expect(payroll.mustHaveSkills).toContain("excel");
    const embedded = deriveIcp({ title: "Embedded Software Engineer", jobDescription: "Requirements\n- Modern CPP and Linux" });
    expect(embedded.mustHaveSkills).toContain("c++");
  });

  it("reads a brand that stands for a programming skill by the trade of the job", () => {
    const recruiter = deriveIcp({ title: "Technical Recruiter", jobDescription: "Requirements\n- 3+ years hiring engineers\n- You find people on GitHub and at meetups" });
    expect([...recruiter.mustHaveSkills, ...recruiter.niceToHaveSkills]).not.toContain("git");
    const devops = deriveIcp({ title: "DevOps Engineer", jobDescription: "Requirements\n- Git and Terraform" });
    expect(devops.mustHaveSkills).toContain("git");
    // A plain word for a skill is the skill, in any trade.
    const analyst = deriveIcp({ title: "Supply Chain Analyst", jobDescription: "Requirements\n- You build dashboards for the buyers" });
    expect(analyst.mustHaveSkills).toContain("data visualization");
  });

  it("reads a licence as a must-have and each kind of role a posting says it is not", () => {
    const icp = deriveIcp({
      title: "Journeyman Electrician",
      jobDescription: "Requirements:\n- Current Washington State 01 General Journey Level Electrician certificate\n- OSHA 10\nThis is not a remote or estimating position.",
    });
    expect(icp.mustHaveSkills).toEqual(expect.arrayContaining(["electrician license", "osha 10"]));
    expect(icp.negativeKeywords).toEqual(["estimating"]);
  });

  it("reads the occupations a posting rules out, never its own", () => {
    const icp = deriveIcp({
      title: "Litigation Paralegal",
      jobDescription: "Requirements\n- 3+ years of litigation support.\nLegal secretaries and attorneys seeking paralegal roles will not be considered.",
    });
    expect(icp.excludedOccupations.map((o) => o.id)).toEqual(expect.arrayContaining(["attorney"]));
    expect(icp.excludedOccupations.map((o) => o.id)).not.toContain("paralegal");
    expect(deriveIcp({ title: "Paralegal", jobDescription: "Attorneys at our firm rely on you." }).excludedOccupations).toEqual([]);
  });

  it("asks no leadership of an entry-level role: mentoring is what a junior gets", () => {
    const junior = deriveIcp({
      title: "Junior Frontend Developer",
      jobDescription: "We want a junior developer (0–2 years) who knows JavaScript and CSS and wants to grow in a team with a lot of mentoring.",
    });
    expect([...junior.mustHaveSkills, ...junior.niceToHaveSkills]).not.toContain("mentoring");
    expect(junior.mustHaveSkills).toEqual(expect.arrayContaining(["javascript", "css"]));
    const senior = deriveIcp({ title: "Senior Frontend Engineer", jobDescription: "Requirements\n- React\n- Mentoring junior engineers" });
    expect(senior.mustHaveSkills).toContain("mentoring");
  });

  it("adds no level words to the negative keywords (the seniority range is a gate)", () => {
    const icp = deriveIcp({ title: "Junior Data Analyst", jobDescription: "SQL and Excel. New grads welcome." });
    expect(icp.seniority).toBe("junior");
    expect(icp.minYearsExperience).toBe(0);
    expect(icp.negativeKeywords).toEqual([]);
  });
});

describe("seniority", () => {
  it.each([
    [{ title: "Accountant", jobDescription: "10+ years of accounting experience." }, "senior", ["senior", "lead"], 10],
    [{ title: "Accountant", jobDescription: "Five years of accounting experience." }, "senior", ["senior", "lead"], 5],
    [{ title: "Accountant", jobDescription: "3-5 years of accounting experience." }, "mid", ["mid", "senior"], 3],
    [{ title: "Accountant", jobDescription: "No experience needed." }, "mid", ["junior", "senior"], 2],
    [{ title: "Senior Accountant", jobDescription: "GAAP." }, "senior", ["senior", "lead"], 5],
    [{ title: "Staff Engineer", jobDescription: "Rust." }, "lead", ["lead", "lead"], 7],
    [{ title: "Principal Engineer", jobDescription: "Rust." }, "principal", ["principal", "principal"], 10],
    [{ title: "Junior Data Analyst", jobDescription: "SQL. New grads welcome." }, "junior", ["junior", "junior"], 0],
  ])("%j → %s, range %j, %i years", (job, seniority, range, years) => {
    const icp = deriveIcp(job);
    expect(icp.seniority).toBe(seniority);
    expect([icp.seniorityRange.min, icp.seniorityRange.max]).toEqual(range);
    expect(icp.minYearsExperience).toBe(years);
  });

  it.each([
    ["senior", [], { min: null, max: null }, "senior", "lead"],
    ["mid", [], { min: null, max: null }, "mid", "senior"],
    ["junior", [], { min: null, max: null }, "junior", "junior"],
    ["lead", ["senior"], { min: null, max: null }, "senior", "lead"],
    ["executive", [], { min: 10, max: null }, "executive", "executive"],
    [null, [], { min: 1, max: null }, "junior", "mid"],
    [null, [], { min: 3, max: 6 }, "mid", "senior"],
    [null, ["lead"], { min: null, max: null }, "lead", "lead"],
    [null, [], { min: null, max: null }, "junior", "senior"],
  ] as const)("title %s, stated %j, years %j → %s–%s", (title, stated, years, min, max) => {
    expect(seniorityRangeOf(title, stated, years).range).toEqual({ min, max });
  });
});

describe("years of experience", () => {
  it.each<[string, number[]]>([
    ["5+ years of experience with Go", [5]],
    ["at least 3 years in sales", [3]],
    ["minimum of 4 years of clinical practice", [4]],
    ["five years of accounting", [5]],
    ["3-5 years of B2B sales", [3]],
    ["3 to 5 yrs experience", [3]],
    ["7 years' experience", [7]],
    ["We were founded 10 years ago", []],
    ["a 2 year contract", []],
    ["100 years of combined experience", []],
  ])("%j → %j", (sentence, years) => {
    expect(yearsStatedIn(sentence)).toEqual(years);
  });
});

describe("location policy", () => {
  const policyOf = (location: string, jobDescription = "") => deriveIcp({ title: "Backend Engineer", jobDescription, location }).locationPolicy;

  it("an onsite city is a place with a commuting radius", () => {
    const p = policyOf("San Francisco, CA");
    expect(p.mode).toBe("onsite");
    expect(p.places).toHaveLength(1);
    expect(p.places[0]).toMatchObject({ name: "San Francisco", country: "US", radiusKm: 75 });
    expect(p.places[0].lat).toBeCloseTo(37.77, 1);
  });

  it("hybrid in two cities keeps both, with the hybrid radius", () => {
    const p = policyOf("Berlin or Munich (hybrid)");
    expect(p.mode).toBe("hybrid");
    expect(p.places.map((x) => [x.name, x.country, x.radiusKm])).toEqual([["Berlin", "DE", 100], ["Munich", "DE", 100]]);
  });

  it.each([
    ["Remote (Europe)", "", { mode: "remote", remoteRegions: ["Europe"] }],
    ["Remote - EMEA", "", { mode: "remote", remoteRegions: ["EMEA"] }],
    ["Remote", "Candidates must be located in the US.", { mode: "remote", remoteCountries: ["US"] }],
    ["Remote - anywhere", "", { mode: "remote", remoteCountries: [], remoteRegions: [] }],
  ])("%j %j → %j", (location, description, expected) => {
    expect(policyOf(location, description)).toMatchObject(expected);
  });

  it("NYC / remote US: the office and remote within the country", () => {
    const p = policyOf("NYC / remote US");
    expect(p.places.map((x) => x.name)).toEqual(["New York City"]);
    expect(p.remoteCountries).toEqual(["US"]);
    expect(p.mode).not.toBe("remote");
  });

  it("an explicit no-remote is honoured", () => {
    const p = policyOf("Austin, TX", "We are not able to consider fully remote candidates.");
    expect(p).toMatchObject({ mode: "onsite", remoteCountries: [], remoteRegions: [] });
    expect(deriveIcp({ title: "Backend Engineer", jobDescription: "We are not able to consider fully remote candidates.", location: "Austin, TX" }).locations).not.toContain("remote");
  });

  it("a place the geodata does not know is kept as written but not enforced", () => {
    const icp = deriveIcp({ title: "Backend Engineer", jobDescription: "", location: "Narnia Office Park" });
    expect(icp.locationPolicy.mode).toBe("any");
    expect(icp.locations).toContain("narnia office park");
  });
});
