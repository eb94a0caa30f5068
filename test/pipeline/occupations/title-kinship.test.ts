import { describe, expect, it } from "vitest";
import { occupationLedBy, occupationsNamedBy, titleAlternatives, titleKinship } from "../../../src/pipeline/occupations/title-kinship";

describe("titleKinship", () => {
  // [job title, candidate title, kinship]
  it.each<[string, string, ReturnType<typeof titleKinship>]>([
    ["Marketing Manager, Demand Generation", "Demand Generation Manager", "named by the job"],
    ["High School Mathematics Teacher", "Mathematics Teacher", "named by the job"],
    ["Staff Engineer, Java", "Senior Java Engineer", "named by the job"],
    ["Marketing Manager", "Growth Marketing Manager", "narrower"],
    ["Mechanical Engineer", "Mechanical Design Engineer", "narrower"],
    // A shared head noun alone is no kinship, nor are words under another head.
    ["Senior Backend Engineer", "Senior Engineer", null],
    ["Marketing Manager", "Marketing Coordinator", null],
    ["Backend Engineer", "Backend Engineering Manager", null],
    ["Staff Engineer, Java", "JavaScript Engineer", null],
    ["Paralegal", "Litigation Paralegal", null], // one word on the job side: the occupation model decides
  ])("%s ← %s", (job, candidate, kinship) => {
    expect(titleKinship(job, candidate)).toBe(kinship);
  });
});

describe("occupationsNamedBy", () => {
  it("a title with a subject names the subject's occupation too", () => {
    expect([...occupationsNamedBy("High School Chemistry Teacher")]).toEqual(expect.arrayContaining(["high-school-teacher", "science-teacher"]));
  });
  it("a registered nurse job does not name practical nursing", () => {
    expect(occupationsNamedBy("Registered Nurse").has("lpn")).toBe(false);
  });
});

describe("occupationLedBy", () => {
  it.each<[string, string | null]>([
    ["Civil Engineering Team Lead", "civil-engineer"],
    ["Backend Team Lead", "backend-engineer"],
    ["Engineering Manager", null], // a manager head: management, not a lead of the work
    ["Senior Civil Engineer", null],
  ])("%s → %s", (title, led) => {
    expect(occupationLedBy(title)).toBe(led);
  });
});

describe("titleAlternatives", () => {
  it.each<[string, string[]]>([
    ["Legal Assistant / Paralegal", ["Legal Assistant", "Paralegal"]],
    ["Nurse/Midwife @ St Mary's", ["Nurse", "Midwife"]],
    ["Paralegal", []],
    ["Senior Paralegal, Litigation / Arbitration", []], // the slash is in a qualifier, not the title proper
  ])("%s", (title, parts) => {
    expect(titleAlternatives(title)).toEqual(parts);
  });
});
