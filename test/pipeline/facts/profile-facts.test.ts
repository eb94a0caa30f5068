import { describe, expect, it } from "vitest";
import { deriveProfileFacts, FACTS_VERSION } from "../../../src/pipeline/facts/profile-facts";
import type { ProfileInput } from "../../../src/pipeline/types";

const person = (p: Partial<ProfileInput>): ProfileInput => ({ fullName: "Ada Lovelace", ...p });

describe("deriveProfileFacts", () => {
  it("reads each skill with where it occurs: the skills list, the headline, which roles", () => {
    const facts = deriveProfileFacts(person({
      headline: "Backend engineer (Kotlin)",
      skills: ["PostgreSQL", "Go"],
      experience: [
        { title: "Backend Engineer", company: "Now Co", startDate: "2021-03", description: "Go services on PostgreSQL." },
        { title: "Java Developer", company: "Then Co", startDate: "2012-01", endDate: "2015-06", description: "Spring and Java." },
      ],
    }));
    const bySkill = new Map(facts.skills.map((s) => [s.skill, s]));
    expect(bySkill.get("go")).toMatchObject({ listed: true, roles: [0] });
    expect(bySkill.get("postgresql")).toMatchObject({ listed: true, roles: [0] });
    expect(bySkill.get("java")).toMatchObject({ listed: false, roles: [1] });
    expect(bySkill.get("kotlin")).toMatchObject({ listed: false, stated: true, roles: [] });
    expect(bySkill.has("javascript")).toBe(false); // Java is not JavaScript
    expect(facts.roles.map((r) => [r.start, r.end])).toEqual([[2021 * 12 + 2, null], [2012 * 12, 2015 * 12 + 6]]);
    expect(facts.version).toBe(FACTS_VERSION);
  });

  it.each([
    [{ currentTitle: "Senior Backend Engineer" }, "current title", "backend-engineer", "senior", false],
    [{ experience: [{ title: "Staff Software Engineer", company: "X", startDate: "2020-01" }] }, "current role", "software-engineer", "lead", false],
    [{ headline: "Engineering Manager, Payments" }, "headline", "engineering-manager", null, true],
    [{ currentTitle: "Technical Recruiter" }, "current title", "technical-recruiter", null, false],
  ] as const)("%j → title from %s, occupation %s, level %s", (p, source, occupationId, seniority, manager) => {
    const facts = deriveProfileFacts(person(structuredClone(p) as Partial<ProfileInput>));
    expect(facts.title?.source).toBe(source);
    expect(facts.occupationId).toBe(occupationId);
    expect(facts.seniority).toBe(seniority);
    expect(facts.manager).toBe(manager);
  });

  it("an ended role is not the current title", () => {
    const facts = deriveProfileFacts(person({ experience: [{ title: "Nurse", company: "X", startDate: "2010-01", endDate: "2012-01" }] }));
    expect(facts.title).toBeNull();
  });

  it.each([
    ["San Francisco Bay Area", undefined, "US", "city", false],
    ["Remote (US)", undefined, "US", "country", true],
    ["Remote", undefined, null, null, true],
    ["London", "Canada", "CA", "city", false],
    [undefined, "Germany", "DE", "country", false],
  ] as const)("location %j, country %j → %s (%s), remote %s", (location, country, iso, kind, remote) => {
    const facts = deriveProfileFacts(person({ location, country }));
    expect(facts.place?.country ?? null).toBe(iso);
    expect(facts.place?.kind ?? null).toBe(kind);
    expect(facts.remote).toBe(remote);
  });

  it("does not depend on the clock and does not change its input", () => {
    const input = person({ currentTitle: "Data Scientist", experience: [{ title: "Data Scientist", company: "X", startDate: "2019-05" }] });
    const copy = structuredClone(input);
    expect(deriveProfileFacts(input)).toEqual(deriveProfileFacts(input));
    expect(input).toEqual(copy);
  });
});
