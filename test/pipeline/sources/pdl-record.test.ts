// A PDL person record read into the talent pool's profile shape (pure), and the facts that shape gets.
import { describe, expect, it } from "vitest";
import { deriveProfileFacts } from "../../../src/pipeline/facts/profile-facts";
import { emailsOf, linkedinUrlOf, PdlPerson, pdlProfileOf } from "../../../src/pipeline/sources/pdl/pdl-record";
import { pdlPerson } from "./pdl-fixtures";

describe("pdlProfileOf", () => {
  it("reads the documented record into the profile shape", () => {
    expect(pdlProfileOf(pdlPerson("qEnOZ5Oh0poWnQ1luFBfVw_0000"))).toEqual({
      ref: "qEnOZ5Oh0poWnQ1luFBfVw_0000",
      profile: {
        fullName: "Ada Lovelace",
        location: "San Francisco, California, United States",
        country: "United States",
        currentTitle: "Senior Backend Engineer",
        currentCompany: "Stripe",
        skills: ["node.js", "postgresql", "kubernetes", "typescript"],
        experience: [
          { title: "Senior Backend Engineer", company: "Stripe", startDate: "2021-02", description: "Builds payment APIs in Node.js on PostgreSQL, deployed on Kubernetes." },
          { title: "Backend Engineer", company: "Heroku", startDate: "2016-06", endDate: "2021-01" },
        ],
        education: [{ school: "University of London", degree: "bachelors", field: "mathematics", endYear: 2014 }],
        emails: ["qenoz5oh0pownq1lufbfvw_0000@example.com"],
        linkedinUrl: "https://www.linkedin.com/in/qenoz5oh0pownq1lufbfvw_0000",
      },
    });
  });

  it("gets the same facts an import of that profile would: occupation, seniority, place, skills with their roles", () => {
    const { profile } = pdlProfileOf(pdlPerson("p1"))!;
    const facts = deriveProfileFacts(profile);
    expect(facts.seniority).toBe("senior");
    expect(facts.place?.country).toBe("US");
    expect(facts.skills.map((s) => s.skill)).toEqual(expect.arrayContaining(["node.js", "postgresql", "kubernetes"]));
    expect(facts.occupationId).not.toBeNull();
  });

  it.each([
    ["no name", { full_name: null }],
    ["a blank name", { full_name: "  " }],
    ["no id", { id: undefined }],
  ])("a record with %s is not a profile", (_why, o) => {
    expect(pdlProfileOf(pdlPerson("p1", o))).toBeNull();
  });

  it("keeps nothing PDL left empty and invents nothing", () => {
    const bare = pdlProfileOf({ id: "p2", full_name: "Grace Hopper", job_title: null, skills: null, experience: null, education: null, emails: null, linkedin_url: null, location_name: null });
    expect(bare).toEqual({ ref: "p2", profile: { fullName: "Grace Hopper", skills: [], experience: [], education: [] } });
  });

  it("survives fields of the wrong type (a vendor schema change) by dropping them", () => {
    const odd = pdlProfileOf(pdlPerson("p3", { skills: "node.js", experience: [{ title: 7 }, null], education: "none", job_title_levels: 3 }));
    expect(odd?.profile.skills).toEqual([]);
    expect(odd?.profile.experience).toEqual([]);
    expect(odd?.profile.education).toEqual([]);
  });

  it("clips what is too long for the profile shape instead of losing the person", () => {
    const long = pdlProfileOf(pdlPerson("p4", { job_title: "x".repeat(500), summary: "y".repeat(20_000) }));
    expect(long?.profile.currentTitle).toHaveLength(200);
    expect(long?.profile.summary).toHaveLength(10_000);
  });

  it("keeps only dates the profile shape reads; a missing end date is a current role", () => {
    const p = pdlProfileOf(pdlPerson("p5", {
      experience: [{ title: { name: "Engineer" }, company: { name: "A" }, start_date: "2019", end_date: "sometime" }],
    }));
    expect(p?.profile.experience).toEqual([{ title: "Engineer", company: "A", startDate: "2019" }]);
  });
});

describe("contact fields", () => {
  it.each([
    ["values: emails[], work_email and personal_emails, each once, lower case", {
      emails: [{ address: "Ada@Example.com", type: "professional" }, { address: null, type: null }],
      work_email: "ada@example.com", personal_emails: ["ada@home.example"],
    }, ["ada@example.com", "ada@home.example"]],
    ["booleans (plans without contact fields): nothing", { emails: true, work_email: true, personal_emails: true }, []],
    ["invalid addresses: dropped", { emails: [{ address: "not-an-email" }], work_email: null, personal_emails: [] }, []],
  ])("%s", (_name, fields, expected) => {
    expect(emailsOf(PdlPerson.parse(pdlPerson("p1", fields)))).toEqual(expected);
  });

  it("keeps at most 10", () => {
    const many = Array.from({ length: 15 }, (_, i) => `a${i}@example.com`);
    expect(emailsOf(PdlPerson.parse(pdlPerson("p1", { emails: null, personal_emails: many })))).toHaveLength(10);
  });
});

describe("linkedinUrlOf", () => {
  it.each([
    ["linkedin.com/in/seanthorne", "https://www.linkedin.com/in/seanthorne"],
    ["https://www.LinkedIn.com/in/SeanThorne/", "https://www.linkedin.com/in/seanthorne"],
    ["www.linkedin.com/in/sean-thorne?trk=x", "https://www.linkedin.com/in/sean-thorne"],
    ["linkedin.com/company/pdl", undefined],
    ["twitter.com/seanthorne", undefined],
    [null, undefined],
  ])("%s → %s", (raw, expected) => {
    expect(linkedinUrlOf(raw)).toBe(expected);
  });
});
