import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyTitle, occupationById, SENIORITY_SCALE, titlesMentionedIn } from "../../../src/pipeline/occupations";
import { TITLE_CASES } from "./title-cases";

describe("classifyTitle", () => {
  it("is checked against a large table across professions", () => {
    expect(TITLE_CASES.length).toBeGreaterThanOrEqual(150);
  });

  it.each(TITLE_CASES)("%j → %s, %s, manager=%s", (title, occupationId, seniority, manager) => {
    const reading = classifyTitle(title);
    expect({ occupationId: reading.occupationId, seniority: reading.seniority, manager: reading.manager }).toEqual({
      occupationId,
      seniority,
      manager,
    });
  });

  it("never reads people managers or recruiters of engineers as software engineers", () => {
    const traps = [
      "Engineering Manager",
      "Manager, Software Engineering",
      "Director of Engineering",
      "Technical Recruiter",
      "Recruiter (Engineering)",
      "Talent Acquisition Partner – Tech",
      "Technical Recruiter - Java, Python, React, Node.js",
      "Software Engineering Recruiter",
    ];
    for (const title of traps) {
      expect(classifyTitle(title).occupationId, title).not.toMatch(/^(?:software|backend|frontend|full-stack)-engineer$/u);
    }
  });

  it("tells look-alike occupations apart", () => {
    const pairs: readonly (readonly [string, string])[] = [
      ["Data Analyst", "Data Scientist"],
      ["LPN", "RN"],
      ["Bookkeeper", "Controller"],
      ["Graphic Designer", "Product Designer"],
      ["Java Developer", "JavaScript Developer"],
      ["Account Manager", "Sales Manager"],
      ["Nurse Practitioner", "Registered Nurse"],
      ["Paralegal", "Attorney"],
    ];
    for (const [a, b] of pairs) expect(classifyTitle(a).occupationId, `${a} vs ${b}`).not.toBe(classifyTitle(b).occupationId);
  });

  it("says which variant it matched", () => {
    expect(classifyTitle("Sr. Software Engineer - Backend").matched).toBe("backend software engineer");
    expect(classifyTitle("Payments Engineer").matched).toBeNull(); // head-noun default, no variant
  });

  it("ignores case, punctuation and the employer", () => {
    const readings = ["backend engineer", "BACKEND ENGINEER", "Back-end Engineer!", "Backend Engineer at Acme Inc.", "Backend Engineer | Acme"].map(
      (t) => classifyTitle(t).occupationId,
    );
    expect(new Set(readings)).toEqual(new Set(["backend-engineer"]));
  });

  it("reads words that are Object.prototype keys as plain words", () => {
    for (const title of ["Constructor", "__proto__", "toString Engineer", "hasOwnProperty Manager", "valueOf"]) {
      expect(() => classifyTitle(title), title).not.toThrow();
    }
    expect(classifyTitle("Constructor").occupationId).toBeNull();
  });

  it("returns a well-formed reading for any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (title) => {
        const r = classifyTitle(title);
        expect(r.occupationId === null || occupationById(r.occupationId) !== undefined).toBe(true);
        expect(r.seniority === null || SENIORITY_SCALE.includes(r.seniority)).toBe(true);
        for (const id of titlesMentionedIn(title)) expect(occupationById(id)).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });
});
