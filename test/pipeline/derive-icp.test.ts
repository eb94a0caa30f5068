import { describe, expect, it } from "vitest";
import { deriveIcp } from "../../src/pipeline/icp/derive-icp";
import { yearsStatedIn } from "../../src/pipeline/icp/experience";
import { locationVariants } from "../../src/pipeline/icp/locations";
import { coreTitle, normalizeTitle, seniorityFromTitle } from "../../src/pipeline/icp/titles";
import { Icp } from "../../src/pipeline/types";
import * as jobs from "./job-fixtures";

describe("deriveIcp on real postings", () => {
  it.each([
    {
      job: jobs.backendEngineer,
      titles: ["senior backend engineer", "backend engineer", "backend developer", "server-side engineer", "software engineer"],
      seniority: "senior",
      years: 5,
      must: ["backend development", "go", "node.js", "postgresql", "kafka"],
      nice: ["terraform", "compliance frameworks", "typescript", "kubernetes"],
      locations: ["united states", "us", "remote"],
      negative: ["agencies", "intern", "junior", "graduate"],
    },
    {
      job: jobs.icuNurse,
      titles: ["registered nurse - icu", "icu nurse", "critical care nurse", "registered nurse"],
      seniority: "mid",
      years: 2,
      must: ["nursing", "critical care", "bls", "acls"],
      nice: ["bilingual"],
      locations: ["sacramento, ca", "sacramento", "california", "ca"],
      negative: ["intern"],
    },
    {
      job: jobs.accountExecutive,
      titles: ["account executive, mid-market", "account executive", "sales executive", "account manager"],
      seniority: "mid",
      years: 3,
      must: ["b2b sales", "saas sales", "quota attainment", "salesforce", "negotiation"],
      nice: ["meddic"],
      locations: ["new york, ny", "new york city", "nyc", "new york state", "ny"],
      negative: ["recruiters", "management", "intern"],
    },
    {
      job: jobs.financialAnalyst,
      titles: ["financial analyst, fp&a", "financial analyst", "finance analyst", "fp&a analyst"],
      seniority: "mid",
      years: 2,
      must: ["financial analysis", "fp&a", "excel", "financial modeling"],
      nice: ["cpa", "cfa", "netsuite", "power bi"],
      locations: ["chicago, il", "chicago", "illinois", "il"],
      negative: ["intern"],
    },
    {
      job: jobs.uxDesigner,
      titles: ["ux designer", "user experience designer", "product designer"],
      seniority: "mid",
      years: 3,
      must: ["ux design", "user research", "wireframing", "prototyping", "figma"],
      nice: ["motion design", "html", "css"],
      locations: ["remote"],
      negative: ["intern"],
    },
    {
      job: jobs.dataScientist,
      titles: ["data scientist ii", "data scientist", "machine learning scientist", "applied scientist"],
      seniority: "mid",
      years: 3,
      must: ["data science", "machine learning", "statistics", "python", "pandas"],
      nice: ["pytorch", "airflow", "dbt"],
      locations: ["london, uk", "london", "united kingdom", "uk"],
      negative: ["intern"],
    },
    {
      job: jobs.warehouseManager,
      titles: ["warehouse manager", "warehouse operations manager", "distribution center manager", "logistics manager"],
      seniority: "senior",
      years: 5,
      must: ["warehouse management", "wms", "inventory management", "osha"],
      nice: ["lean", "six sigma", "forklift"],
      locations: ["reno, nv", "reno", "nevada", "nv"],
      negative: ["intern", "junior", "graduate"],
    },
  ])("$job.title", ({ job, titles, seniority, years, must, nice, locations, negative }) => {
    const icp = deriveIcp(job);
    expect(Icp.safeParse(icp).success).toBe(true);
    expect(icp.titles[0]).toBe(titles[0]);
    expect(icp.titles).toEqual(expect.arrayContaining(titles));
    expect(icp.seniority).toBe(seniority);
    expect(icp.minYearsExperience).toBe(years);
    expect(icp.mustHaveSkills).toEqual(expect.arrayContaining(must));
    expect(icp.niceToHaveSkills).toEqual(expect.arrayContaining(nice));
    expect(icp.locations).toEqual(expect.arrayContaining(locations));
    expect(icp.negativeKeywords).toEqual(expect.arrayContaining(negative));
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

  it("has no locations without a place or a remote signal", () => {
    expect(deriveIcp({ title: "Accountant", jobDescription: "Month-end close under GAAP." }).locations).toEqual([]);
  });

  it("reads tricky titles", () => {
    const icp = deriveIcp({ title: "Sr. Backend Eng. (Go/Rust) | Payments", jobDescription: "Go/Rust;;; C++?? -- 5+yrs" });
    expect(icp.seniority).toBe("senior");
    expect(icp.titles).toContain("backend developer");
    expect(icp.mustHaveSkills).toEqual(expect.arrayContaining(["backend development", "c++"]));
  });

  it("takes skills and titles from the query, but not what it excludes", () => {
    const icp = deriveIcp({
      title: "Software Engineer",
      jobDescription: "Build things.",
      query: "python backend developer with django, no java, not from agencies",
    });
    expect(icp.mustHaveSkills).toEqual(expect.arrayContaining(["python", "django"]));
    expect(icp.mustHaveSkills).not.toContain("java");
    expect(icp.titles).toContain("backend developer");
    expect(icp.negativeKeywords).toEqual(expect.arrayContaining(["java", "agencies"]));
  });

  it("puts unqualified mentions in must-haves while there are few", () => {
    const icp = deriveIcp({ title: "Developer", jobDescription: "We use Python, Django and PostgreSQL." });
    expect(icp.mustHaveSkills).toEqual(["python", "django", "postgresql"]);
  });

  it("moves unqualified mentions to nice-to-haves once must-haves are many", () => {
    const icp = deriveIcp({
      title: "Developer",
      jobDescription: "Requirements: Python, Django, PostgreSQL, Redis, Docker, Kubernetes.\nOur stack also has Kafka and Terraform.",
    });
    expect(icp.mustHaveSkills).toEqual(["python", "django", "postgresql", "redis", "docker", "kubernetes"]);
    expect(icp.niceToHaveSkills.slice(0, 2)).toEqual(["kafka", "terraform"]);
  });

  it("adds no seniority exclusions for junior roles", () => {
    const icp = deriveIcp({ title: "Junior Data Analyst", jobDescription: "SQL and Excel. New grads welcome." });
    expect(icp.seniority).toBe("junior");
    expect(icp.minYearsExperience).toBe(0);
    expect(icp.negativeKeywords).toEqual([]);
  });
});

describe("seniority", () => {
  it.each([
    ["Senior Software Engineer", "senior"],
    ["Sr. Product Manager", "senior"],
    ["Staff Engineer", "lead"],
    ["Staff Accountant", null],
    ["Principal Data Scientist", "principal"],
    ["Engineering Lead", "lead"],
    ["Lead Generation Specialist", null],
    ["Head of Marketing", "executive"],
    ["Director of Nursing", "executive"],
    ["VP Sales", "executive"],
    ["Chief Financial Officer", "executive"],
    ["CTO", "executive"],
    ["Junior Accountant", "junior"],
    ["Jr Developer", "junior"],
    ["Graduate Civil Engineer", "junior"],
    ["Entry-Level Sales Representative", "junior"],
    ["Software Engineering Intern", "intern"],
    ["Registered Nurse", null],
  ])("%s → %s", (title, seniority) => {
    expect(seniorityFromTitle(normalizeTitle(title))).toBe(seniority);
  });

  it.each([
    [{ title: "Accountant", jobDescription: "10+ years of accounting experience." }, "lead", 10],
    [{ title: "Accountant", jobDescription: "Five years of accounting experience." }, "senior", 5],
    [{ title: "Accountant", jobDescription: "No experience needed." }, "mid", 2],
    [{ title: "Senior Accountant", jobDescription: "GAAP." }, "senior", 5],
    [{ title: "Principal Engineer", jobDescription: "Rust." }, "principal", 10],
  ])("falls back to years and defaults: %j", (job, seniority, years) => {
    const icp = deriveIcp(job);
    expect(icp.seniority).toBe(seniority);
    expect(icp.minYearsExperience).toBe(years);
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

describe("titles", () => {
  it.each([
    ["Senior Backend Engineer", "senior backend engineer", "backend engineer"],
    ["Sr. Backend Eng. (Remote)", "senior backend engineer", "backend engineer"],
    ["Head of Engineering", "head of engineering", "engineering"],
    ["Software Engineer II", "software engineer ii", "software engineer"],
  ])("%j normalizes to %j with core %j", (title, normalized, core) => {
    expect(normalizeTitle(title)).toBe(normalized);
    expect(coreTitle(normalizeTitle(title))).toBe(core);
  });
});

describe("locations", () => {
  it.each<[string, string, string[]]>([
    ["San Francisco, CA", "", ["san francisco, ca", "san francisco", "sf", "bay area", "california", "ca"]],
    ["NYC", "", ["nyc", "new york city", "new york state", "ny"]],
    ["Portland, OR", "", ["portland, or", "portland", "oregon", "or"]],
    ["Berlin, Germany", "", ["berlin, germany", "berlin", "germany"]],
    ["Bengaluru", "", ["bengaluru", "bangalore", "india"]],
    ["Remote", "", ["remote"]],
    ["Austin, TX", "This role is fully remote.", ["austin, tx", "austin", "texas", "tx", "remote"]],
    ["", "We are remote-friendly.", ["remote"]],
    ["", "Work from anywhere in the EU.", ["remote"]],
    ["Boston, MA", "This is not a remote position.", ["boston, ma", "boston", "greater boston", "massachusetts", "ma"]],
    ["", "Remote patient monitoring experience.", []],
    ["Smallville", "", ["smallville"]],
  ])("%j with %j", (location, description, expected) => {
    const variants = locationVariants(location, description);
    expect(variants).toEqual(expect.arrayContaining(expected));
    if (!expected.includes("remote")) expect(variants).not.toContain("remote");
    if (expected.length === 0) expect(variants).toEqual([]);
  });
});
