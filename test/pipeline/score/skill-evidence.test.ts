import { describe, expect, it } from "vitest";
import { monthIndexOf } from "../../../src/pipeline/score/experience";
import { describeEvidence, EVIDENCE, skillEvidence } from "../../../src/pipeline/score/skill-evidence";
import { assessSkills, EVIDENCED } from "../../../src/pipeline/score/skills";
import type { Icp, TalentProfile } from "../../../src/pipeline/types";
import { backendIcp, canon, factsOf, NOW, profile } from "./fixtures";

const NOW_MONTH = monthIndexOf(NOW); // June 2024
const [POSTGRES] = canon("PostgreSQL");

const evidence = (skill: string, fields: Partial<TalentProfile>) => {
  const facts = factsOf(profile(fields));
  return skillEvidence(skill, facts, new Map(facts.skills.map((s) => [s.skill, s])), NOW_MONTH);
};
const role = (startDate: string, endDate: string | undefined, description: string) => ({ title: "Backend Engineer", company: "Acme", startDate, endDate, description });

describe("skill evidence by recency", () => {
  // [where the profile names PostgreSQL, strength]
  it.each<[string, Partial<TalentProfile>, number]>([
    ["in the current role", { experience: [role("2021-01", undefined, "Tuned PostgreSQL.")] }, EVIDENCE.currentRole],
    ["in a role ended a year ago", { experience: [role("2019-01", "2023-06", "Tuned PostgreSQL.")] }, EVIDENCE.endedWithin2Years],
    ["in a role ended four years ago", { experience: [role("2016-01", "2020-06", "Tuned PostgreSQL.")] }, EVIDENCE.endedWithin5Years],
    ["in a role ended ten years ago", { experience: [role("2010-01", "2014-06", "Tuned PostgreSQL.")] }, EVIDENCE.endedLongAgo],
    ["in an undated role", { experience: [{ title: "Backend Engineer", company: "Acme", description: "Tuned PostgreSQL." }] }, EVIDENCE.undatedRole],
    ["in the summary", { summary: "Ten years of PostgreSQL." }, EVIDENCE.headlineOrSummary],
    ["in the skills list only", { skills: ["Postgres"] }, EVIDENCE.skillsListOnly],
    ["nowhere", { skills: ["Excel"] }, 0],
  ])("%s", (_name, fields, strength) => {
    expect(evidence(POSTGRES, fields).strength).toBe(strength);
  });

  it("the current role beats the same skill last used ten years ago, which beats nothing", () => {
    const current = evidence(POSTGRES, { experience: [role("2021-01", undefined, "Tuned PostgreSQL.")] });
    const decadeAgo = evidence(POSTGRES, { experience: [role("2010-01", "2014-06", "Tuned PostgreSQL.")] });
    const nothing = evidence(POSTGRES, { experience: [role("2021-01", undefined, "Answered tickets.")] });
    expect(current.strength).toBeGreaterThan(decadeAgo.strength);
    expect(decadeAgo.strength).toBeGreaterThan(nothing.strength);
    expect(nothing.strength).toBe(0);
    expect(current).toMatchObject({ where: `current role "Backend Engineer" at Acme`, months: 42, lastUsedMonthsAgo: 0 });
    expect(decadeAgo).toMatchObject({ where: `role "Backend Engineer" at Acme`, months: 54, lastUsedMonthsAgo: 120 });
    expect(describeEvidence(decadeAgo)).toBe(`postgresql: role "Backend Engineer" at Acme (4 yrs 6 mos, last used 10 yrs ago)`);
  });

  it("the strongest site wins when a skill is named in several", () => {
    const e = evidence(POSTGRES, {
      skills: ["PostgreSQL"],
      experience: [role("2021-01", undefined, "Tuned PostgreSQL."), role("2010-01", "2014-06", "Tuned PostgreSQL.")],
    });
    expect(e.strength).toBe(EVIDENCE.currentRole);
    expect(e.where).toBe(`current role "Backend Engineer" at Acme`);
    expect(e.months).toBe(42 + 54); // both roles, not overlapping
  });

  it("a skills-list-only entry counts as evidenced, but below a current or recent role", () => {
    const listed = evidence(POSTGRES, { skills: ["PostgreSQL"] });
    expect(listed).toMatchObject({ strength: 0.5, where: "skills list", months: 0, lastUsedMonthsAgo: null });
    expect(listed.strength).toBeGreaterThanOrEqual(EVIDENCED);
    for (const r of [role("2021-01", undefined, "PostgreSQL."), role("2019-01", "2023-06", "PostgreSQL."), role("2016-01", "2020-06", "PostgreSQL.")]) {
      expect(evidence(POSTGRES, { experience: [r] }).strength).toBeGreaterThan(listed.strength);
    }
    const icp: Icp = { ...backendIcp, mustHaveSkills: [POSTGRES], niceToHaveSkills: [] };
    const skills = assessSkills(icp, factsOf(profile({ skills: ["PostgreSQL"] })), NOW_MONTH);
    expect(skills).toMatchObject({ score: 50, missingMustHaves: [], fitPoints: ["Must-have postgresql: skills list"] });
  });

  it("a related skill stands in at a discount and is named", () => {
    const e = evidence(POSTGRES, { experience: [role("2021-01", undefined, "Ran MySQL in production.")] });
    expect(e).toMatchObject({ skill: POSTGRES, via: "mysql", strength: EVIDENCE.currentRole * EVIDENCE.relatedShare });
    expect(e.strength).toBeLessThan(EVIDENCED);
    expect(describeEvidence(e)).toBe(`postgresql through related mysql: current role "Backend Engineer" at Acme (3 yrs 6 mos)`);

    const icp: Icp = { ...backendIcp, mustHaveSkills: [POSTGRES], niceToHaveSkills: [] };
    const skills = assessSkills(icp, factsOf(profile({ experience: [role("2021-01", undefined, "Ran MySQL in production.")] })), NOW_MONTH);
    expect(skills.missingMustHaves).toEqual([POSTGRES]);
    expect(skills.score).toBe(40);
    expect(skills.redFlags).toEqual([
      `Must-have postgresql only weakly shown (postgresql through related mysql: current role "Backend Engineer" at Acme (3 yrs 6 mos))`,
    ]);
  });

  it("a credential that includes the one asked shows it in full, never the other way", () => {
    const [OSHA10, OSHA30] = canon("OSHA 10", "OSHA 30");
    const e = evidence(OSHA10, { skills: ["OSHA 30"] });
    expect(e).toMatchObject({ skill: OSHA10, via: OSHA30, strength: EVIDENCE.skillsListOnly });
    expect(describeEvidence(e)).toBe("osha 10 through osha 30, which includes it: skills list");
    expect(evidence(OSHA30, { skills: ["OSHA 10"] }).strength).toBeLessThan(EVIDENCED);
  });

  it("the skill itself beats a related one, however recent", () => {
    const e = evidence(POSTGRES, { skills: ["PostgreSQL"], experience: [role("2021-01", undefined, "Ran MySQL in production.")] });
    expect(e.via).toBeUndefined();
    expect(e.strength).toBe(EVIDENCE.skillsListOnly);
  });

  it("recency follows the now it is given", () => {
    const facts = factsOf(profile({ experience: [role("2018-01", "2020-06", "Tuned PostgreSQL.")] }));
    const bySkill = new Map(facts.skills.map((s) => [s.skill, s]));
    const at = (iso: string) => skillEvidence(POSTGRES, facts, bySkill, monthIndexOf(new Date(iso))).strength;
    expect(at("2021-06-01T00:00:00Z")).toBe(EVIDENCE.endedWithin2Years);
    expect(at("2024-06-01T00:00:00Z")).toBe(EVIDENCE.endedWithin5Years);
    expect(at("2030-06-01T00:00:00Z")).toBe(EVIDENCE.endedLongAgo);
  });
});

describe("a stuffed skills list", () => {
  const stuffed = ["PostgreSQL", "Kubernetes", "Terraform", "Kafka", "Redis", "GraphQL", "Rust", "Scala", "Elixir", "Haskell", "Swift", "Kotlin", "Ruby", "PHP"];
  it("counts for less than an ordinary list: its entries alone are not evidence", () => {
    const listOnly = evidence(POSTGRES, { skills: stuffed, experience: [role("2021-01", undefined, "Built internal tools.")] });
    expect(listOnly.strength).toBe(EVIDENCE.skillsListOnly * EVIDENCE.stuffedListShare);
    expect(listOnly.strength).toBeLessThan(EVIDENCED);
    expect(listOnly.where).toBe("a long skills list the roles do not back");
  });

  it("a long list the roles back is an ordinary list", () => {
    const backed = evidence(POSTGRES, { skills: stuffed, experience: [role("2021-01", undefined, stuffed.slice(1, 8).join(", "))] });
    expect(backed.strength).toBe(EVIDENCE.skillsListOnly);
  });

  it("a role that names the skill is unaffected", () => {
    const inRole = evidence(POSTGRES, { skills: stuffed, experience: [role("2021-01", undefined, "Tuned PostgreSQL.")] });
    expect(inRole.strength).toBe(EVIDENCE.currentRole);
  });
});
