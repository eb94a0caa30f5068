import { describe, expect, it } from "vitest";
import { readPosting } from "../../../src/pipeline/icp/posting/read-posting";
import { POSTINGS, type SkillExpectation } from "./postings";

function expectSkills(actual: string[], expected: SkillExpectation) {
  if (Array.isArray(expected)) {
    expect([...actual].sort()).toEqual([...expected].sort());
    return;
  }
  expect(actual).toEqual(expect.arrayContaining(expected.includes));
  for (const forbidden of expected.excludes ?? []) expect(actual).not.toContain(forbidden);
}

describe("readPosting on realistic postings", () => {
  it.each(Object.entries(POSTINGS))("%s", (_name, c) => {
    const reading = readPosting(c.job);
    expectSkills(reading.skills.mustHave, c.must);
    expectSkills(reading.skills.niceToHave, c.nice);
    expect({ min: reading.years.min, max: reading.years.max }).toEqual(c.years);
    expect({ onsite: reading.location.onsite, remote: reading.location.remote }).toEqual(c.location);
    // A skill is never both, and every skill can say where it was read.
    expect(reading.skills.mustHave.filter((s) => reading.skills.niceToHave.includes(s))).toEqual([]);
    for (const skill of [...reading.skills.mustHave, ...reading.skills.niceToHave]) expect(reading.skills.evidence[skill]).toBeTruthy();
  });

  it("explains a must-have by the requirement clause it came from", () => {
    const { skills, years } = readPosting(POSTINGS.fintechBackendMarkdown.job);
    expect(skills.evidence.grpc).toBe("Experience with gRPC and REST APIs");
    expect(skills.evidence.kubernetes).toBe("Build services in Go on Kubernetes");
    expect(skills.evidence["backend development"]).toBe("job title or query");
    expect(years.evidence).toBe("5+ years of backend engineering experience");
  });

  it("keeps stated and query exclusions as negative keywords", () => {
    expect(readPosting(POSTINGS.accountExecutiveHybrid.job).negativeKeywords).toEqual(["recruiters", "management"]);
    expect(readPosting(POSTINGS.querySteers.job).negativeKeywords).toEqual(["java"]);
  });

  it("reads the level words beyond the title", () => {
    expect(readPosting(POSTINGS.staffEngineerSeniorOrStaff.job).seniority.levels).toEqual(["senior", "lead"]);
    expect(readPosting(POSTINGS.seniorMarketingManager.job).seniority.levels).toEqual(["senior"]);
    const newGrad = readPosting(POSTINGS.newGradSoftware.job).seniority;
    expect(newGrad).toMatchObject({ levels: ["junior"], excluded: ["senior"] });
  });

  it("reads a posting in well under a millisecond once warm", () => {
    const jobs = Object.values(POSTINGS).map((c) => c.job);
    jobs.forEach((job) => readPosting(job)); // the lexicon's finder is built on first use
    const rounds = 5;
    const started = performance.now();
    for (let i = 0; i < rounds; i += 1) jobs.forEach((job) => readPosting(job));
    const msPerPosting = (performance.now() - started) / (rounds * jobs.length);
    // workerd freezes timers during synchronous work, so this can read 0; it guards against a regression.
    expect(msPerPosting).toBeLessThan(5);
  });
});
