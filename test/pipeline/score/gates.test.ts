import { describe, expect, it } from "vitest";
import { distanceKm, parsePlace } from "../../../src/geo";
import { assessLocation, assessOccupation, assessSeniority, BANDS, type Gate } from "../../../src/pipeline/score/gates";
import type { Icp, LocationPolicy, TalentProfile } from "../../../src/pipeline/types";
import {
  anyLocation,
  backendIcp,
  nursingIcp,
  factsOf,
  occupationOf,
  onsite,
  PARIS_FR,
  profile,
  remoteAnywhere,
  remoteWithin,
  SAN_FRANCISCO,
} from "./fixtures";

const occupation = (icp: Icp, fields: Partial<TalentProfile>) => assessOccupation(icp, factsOf(profile(fields)));

describe("occupation gate", () => {
  const softwareIcp: Icp = { ...backendIcp, titles: ["software engineer"], occupation: occupationOf("Software Engineer", "software-engineer") };

  // [relation, job, current title, gate, score, ceiling]
  it.each<[string, Icp, string, Gate, number, number | undefined]>([
    ["same", backendIcp, "Senior Backend Engineer", "pass", 100, undefined],
    ["same, by a title variant", backendIcp, "Java Developer", "pass", 100, undefined],
    ["specialization (backend for a software job)", softwareIcp, "Backend Engineer", "pass", 100, undefined],
    ["generalization (software for a backend job)", backendIcp, "Software Engineer", "pass", 85, undefined],
    ["sibling (mobile)", backendIcp, "Mobile Engineer", "pass", 50, BANDS.neighbourCeiling],
    ["adjacent (full-stack)", backendIcp, "Full-Stack Engineer", "pass", 40, BANDS.neighbourCeiling],
    ["adjacent (platform)", backendIcp, "Platform Engineer", "pass", 40, BANDS.neighbourCeiling],
    ["same field (iOS, a cousin)", backendIcp, "iOS Engineer", "pass", 25, BANDS.neighbourCeiling],
    ["same field (security)", backendIcp, "Security Engineer", "pass", 25, BANDS.neighbourCeiling],
    ["other: managing the work is not doing it", backendIcp, "Engineering Manager", "fail", 0, undefined],
    ["other: a technical recruiter", backendIcp, "Technical Recruiter", "fail", 0, undefined],
    ["other: another field", backendIcp, "Registered Nurse", "fail", 0, undefined],
    ["outside the model: judged by words, never failed", backendIcp, "Kotlin wizard", "unknown", 0, BANDS.neighbourCeiling],
  ])("%s", (_relation, icp, currentTitle, gate, score, ceiling) => {
    const a = occupation(icp, { currentTitle });
    expect(a.gate).toBe(gate);
    expect(a.score).toBe(score);
    expect(a.ceiling).toBe(ceiling);
  });

  it("fails an occupation the posting rules out, even a neighbour, and keeps its own", () => {
    const icp: Icp = { ...backendIcp, excludedOccupations: [{ id: "full-stack-engineer", name: "Full-Stack Engineer" }, { id: "backend-engineer", name: "Backend Engineer" }] };
    expect(occupation(icp, { currentTitle: "Full-Stack Engineer" })).toMatchObject({
      gate: "fail", score: 0, redFlags: [`Current title "Full-Stack Engineer" is Full-Stack Engineer, which the posting rules out`],
    });
    expect(occupation(icp, { currentTitle: "Backend Engineer" }).gate).toBe("pass");
    expect(occupation(backendIcp, { currentTitle: "Full-Stack Engineer" }).gate).toBe("pass");
  });

  it.each([
    ["same", "Senior Backend Engineer", `Current title "Senior Backend Engineer" is Backend Engineer, the role's occupation`, "fit"],
    ["generalization", "Software Engineer", `Current title "Software Engineer" is Software Engineer, which includes Backend Engineer`, "fit"],
    ["sibling", "Frontend Engineer", `Current title "Frontend Engineer" is Frontend Engineer, a neighbour of Backend Engineer rather than the occupation itself`, "red"],
    [
      "engineering manager",
      "Engineering Manager",
      `Current title "Engineering Manager" is Engineering Manager, another occupation than Backend Engineer (the role's occupation is a hard requirement)`,
      "red",
    ],
    [
      "technical recruiter",
      "Technical Recruiter",
      `Current title "Technical Recruiter" is Technical Recruiter, another occupation than Backend Engineer (the role's occupation is a hard requirement)`,
      "red",
    ],
  ])("%s explains itself", (_name, currentTitle, expected, kind) => {
    const a = occupation(backendIcp, { currentTitle });
    expect(kind === "fit" ? a.fitPoints : a.redFlags).toEqual([expected]);
  });

  describe("what the title words say where the model has no curated verdict", () => {
    const icpFor = (title: string, id: string): Icp => ({ ...backendIcp, titles: [title.toLowerCase()], occupation: occupationOf(title, id) });

    it("a title written as alternatives is read by its best part", () => {
      const paralegal = icpFor("Litigation Paralegal", "paralegal");
      expect(occupation(paralegal, { currentTitle: "Legal Assistant" }).ceiling).toBe(BANDS.neighbourCeiling);
      const both = occupation(paralegal, { currentTitle: "Legal Assistant / Paralegal" });
      expect(both).toMatchObject({ gate: "pass", score: 100 });
      expect(both.ceiling).toBeUndefined();
    });

    it("an occupation the job title names is the job's: chemistry teacher for a high-school chemistry post", () => {
      const chemistry = icpFor("High School Chemistry Teacher", "high-school-teacher");
      expect(occupation(chemistry, { currentTitle: "Science Teacher (Chemistry)" })).toMatchObject({ gate: "pass", score: 100 });
      // A maths teacher stays a neighbour: the job names chemistry, not maths.
      expect(occupation(chemistry, { currentTitle: "Math Teacher" }).ceiling).toBe(BANDS.neighbourCeiling);
    });

    it("a team lead of the job's work does the work; an engineering manager still does not", () => {
      const civil = icpFor("Senior Civil Engineer", "civil-engineer");
      expect(occupation(civil, { currentTitle: "Civil Engineering Team Lead" })).toMatchObject({ gate: "pass", score: 100 });
      expect(occupation(backendIcp, { currentTitle: "Engineering Manager" }).gate).toBe("fail");
    });

    it("a specialisation the model files elsewhere passes by its words; a curated adjacency does not", () => {
      const marketing = icpFor("Marketing Manager, Demand Generation", "marketing-manager");
      const growth = occupation(marketing, { currentTitle: "Growth Marketing Manager" });
      expect(growth.gate).toBe("pass");
      expect(growth.fitPoints[0]).toMatch(/named by the role's own title words/u);
      expect(occupation(marketing, { currentTitle: "Demand Generation Manager" }).gate).toBe("pass");
      const rn = icpFor("Registered Nurse", "registered-nurse");
      expect(occupation(rn, { currentTitle: "Registered Practical Nurse" }).ceiling).toBe(BANDS.neighbourCeiling);
    });
  });

  it("a career changer now teaching fails, and the flag names the earlier title", () => {
    const a = occupation(backendIcp, {
      currentTitle: "Math Teacher",
      experience: [
        { title: "Math Teacher", company: "Lincoln High", startDate: "2021-09" },
        { title: "Backend Engineer", company: "Stripe", startDate: "2015-01", endDate: "2021-06" },
      ],
    });
    expect(a.gate).toBe("fail");
    expect(a.redFlags).toEqual([
      `Current title "Math Teacher" is Math Teacher, another occupation than Backend Engineer (the role's occupation is a hard requirement); earlier "Backend Engineer"`,
    ]);
  });

  it("no note for a career changer without earlier work in the occupation", () => {
    const a = occupation(backendIcp, {
      currentTitle: "Math Teacher",
      experience: [
        { title: "Math Teacher", company: "Lincoln High", startDate: "2021-09" },
        { title: "Barista", company: "Blue Bottle", startDate: "2015-01", endDate: "2021-06" },
      ],
    });
    expect(a.redFlags[0]).not.toContain("earlier");
  });

  it("the headline stands in for a missing title; nothing at all is unknown, not a failure", () => {
    expect(occupation(backendIcp, { headline: "Backend engineer at Foo" })).toMatchObject({ gate: "pass", score: 100 });
    expect(occupation(backendIcp, {})).toEqual({
      score: 30, gate: "unknown", ceiling: BANDS.neighbourCeiling, fitPoints: [], redFlags: ["No current job title given"], gap: "no current title",
    });
  });

  it("a job outside the occupation model is judged by title words alone", () => {
    const icp: Icp = { ...backendIcp, occupation: null };
    expect(occupation(icp, { currentTitle: "Backend Engineer" })).toMatchObject({ gate: "pass", score: 100 });
    expect(occupation(icp, { currentTitle: "Registered Nurse" })).toMatchObject({ gate: "unknown", ceiling: BANDS.neighbourCeiling });
  });
});

describe("seniority gate", () => {
  const seniorToLead: Icp = { ...backendIcp, seniorityRange: { min: "senior", max: "lead" } };
  const seniority = (icp: Icp, currentTitle: string | undefined, careerMonths: number | null) =>
    assessSeniority(icp, factsOf(profile({ currentTitle })), careerMonths);

  // [title, career months, gate, score, ceiling]
  it.each<[string, number | null, Gate, number, number | undefined]>([
    ["Senior Backend Engineer", null, "pass", 100, undefined],
    ["Lead Backend Engineer", null, "pass", 100, undefined],
    ["Staff Backend Engineer", null, "pass", 100, undefined], // staff on a technical ladder = lead
    ["Backend Engineer II", null, "pass", 60, BANDS.gapCeiling], // mid: one below
    ["Principal Backend Engineer", null, "pass", 60, BANDS.gapCeiling], // one above
    ["Junior Backend Engineer", null, "fail", 15, undefined], // two below
    ["Backend Intern", null, "fail", 0, undefined], // three below
    ["Backend Engineer", 72, "pass", 100, undefined], // years: senior
    ["Backend Engineer", 30, "pass", 60, BANDS.gapCeiling], // years: mid, one below
    ["Backend Engineer", 12, "fail", 15, undefined], // years: junior, two below
    ["Backend Engineer", null, "unknown", 50, BANDS.gapCeiling], // neither title nor dates
  ])("%s with %s career months", (title, months, gate, score, ceiling) => {
    const a = seniority(seniorToLead, title, months);
    expect(a.gate).toBe(gate);
    expect(a.score).toBe(score);
    expect(a.ceiling).toBe(ceiling);
  });

  it.each([
    ["junior", "junior", 60],
    ["intern", "junior", 60],
    ["junior", "mid", 100],
  ] as const)("years above a %s–%s range never fail: only a title can say someone is above it", (min, max, score) => {
    const icp: Icp = { ...backendIcp, seniorityRange: { min, max } };
    // An entry-level role is the one exception: decades of work under a plain title are a reservation.
    expect(seniority(icp, "Backend Engineer", 25 * 12)).toMatchObject({ gate: "pass", score });
    expect(seniority(icp, "Backend Engineer", 3 * 12)).toMatchObject({ gate: "pass", score: 100, redFlags: [] });
    // The same level stated by a title is judged: senior is one or two levels above.
    expect(seniority(icp, "Senior Backend Engineer", null).gate).not.toBe("unknown");
    expect(seniority(icp, "Senior Backend Engineer", null).score).toBeLessThan(100);
  });

  it("explains one level off, and two levels off as a hard requirement", () => {
    expect(seniority(seniorToLead, "Backend Engineer II", null).redFlags).toEqual([
      `Current title "Backend Engineer II" suggests mid level, one level below the role's senior–lead`,
    ]);
    expect(seniority(seniorToLead, "Junior Backend Engineer", null).redFlags).toEqual([
      `Current title "Junior Backend Engineer" suggests junior level, 2 levels below the role's senior–lead (a hard requirement)`,
    ]);
    expect(seniority(seniorToLead, "Backend Engineer", 30).redFlags).toEqual([
      "2 years of experience suggests mid level, one level below the role's senior–lead",
    ]);
  });

  it("two levels above is a stretch kept out of the top bands; two below, or three above, fails", () => {
    const mid: Icp = { ...backendIcp, seniorityRange: { min: "mid", max: "mid" } };
    expect(seniority(mid, "Staff Backend Engineer", null)).toMatchObject({ gate: "pass", score: 30, ceiling: BANDS.neighbourCeiling });
    expect(seniority(mid, "Principal Backend Engineer", null)).toMatchObject({ gate: "fail", score: 0 });
    expect(seniority(mid, "Backend Intern", null)).toMatchObject({ gate: "fail", score: 15 });
    expect(seniority(mid, "Staff Backend Engineer", null).redFlags).toEqual([
      `Current title "Staff Backend Engineer" suggests lead level, 2 levels above the role's mid`,
    ]);
  });

  it("a one-level range is named by its level", () => {
    const icp: Icp = { ...backendIcp, seniorityRange: { min: "senior", max: "senior" } };
    expect(seniority(icp, "Lead Backend Engineer", null).redFlags).toEqual([
      `Current title "Lead Backend Engineer" suggests lead level, one level above the role's senior`,
    ]);
  });
});

describe("location gate", () => {
  const sf = onsite(SAN_FRANCISCO);
  const location = (policy: LocationPolicy, fields: Partial<TalentProfile>) => assessLocation(policy, factsOf(profile(fields)));

  // [case, policy, profile location fields, gate, ceiling]
  it.each<[string, LocationPolicy, Partial<TalentProfile>, Gate, number | undefined]>([
    ["onsite SF: Oakland", sf, { location: "Oakland, CA" }, "pass", undefined],
    ["onsite SF: the Bay Area", sf, { location: "San Francisco Bay Area" }, "pass", undefined],
    ["onsite SF: Sacramento, ~120 km", sf, { location: "Sacramento, CA" }, "fail", undefined],
    ["onsite SF: Phoenix", sf, { location: "Phoenix, AZ" }, "fail", undefined],
    ["onsite Paris: Paris, TX", onsite(PARIS_FR), { location: "Paris, TX" }, "fail", undefined],
    ["onsite Paris: Paris", onsite(PARIS_FR), { location: "Paris" }, "pass", undefined],
    ["remote within Europe: Lisbon", remoteWithin(["Europe"]), { location: "Lisbon, Portugal" }, "pass", undefined],
    ["remote within Europe: Austin", remoteWithin(["Europe"]), { location: "Austin, TX" }, "fail", undefined],
    ["remote within the US: Austin", remoteWithin([], ["US"]), { location: "Austin, TX" }, "pass", undefined],
    ["remote anywhere: Lisbon", remoteAnywhere, { location: "Lisbon, Portugal" }, "pass", undefined],
    ["remote anywhere: Austin", remoteAnywhere, { location: "Austin, TX" }, "pass", undefined],
    ["remote anywhere: Phoenix", remoteAnywhere, { location: "Phoenix, AZ" }, "pass", undefined],
    ["remote anywhere: Remote", remoteAnywhere, { location: "Remote" }, "pass", undefined],
    ["remote anywhere: no location", remoteAnywhere, {}, "pass", undefined],
    ["no place stated: Phoenix", anyLocation, { location: "Phoenix, AZ" }, "pass", undefined],
    ["onsite SF, remote worker without a town", sf, { location: "Remote" }, "fail", undefined],
    ["onsite SF, remote worker in the US", sf, { location: "Remote (US)" }, "fail", undefined],
    ["onsite SF, no location", sf, {}, "unknown", BANDS.gapCeiling],
    ["onsite SF, country only, the right one", sf, { location: "United States" }, "unknown", BANDS.gapCeiling],
    ["onsite SF, country field only, the right one", sf, { country: "United States" }, "unknown", BANDS.gapCeiling],
    ["onsite SF, region only, the right one", sf, { location: "California" }, "unknown", BANDS.gapCeiling],
    ["onsite SF, country only, another one", sf, { location: "Germany" }, "fail", undefined],
  ])("%s", (_name, policy, fields, gate, ceiling) => {
    const a = location(policy, fields);
    expect(a.gate).toBe(gate);
    expect(a.ceiling).toBe(ceiling);
    expect(a.score).toBe(gate === "pass" ? 100 : gate === "fail" ? 0 : 50);
  });

  it("Phoenix for an onsite San Francisco role: the flag gives the distance and the policy", () => {
    const [flag] = location(sf, { location: "Phoenix, AZ" }).redFlags;
    expect(flag).toBe(`Location "Phoenix, AZ" is about 1,050 km from San Francisco; the role is onsite in San Francisco`);
    // The figure is the real distance, rounded to tens.
    const phoenix = parsePlace("Phoenix, AZ")!;
    const km = distanceKm({ lat: phoenix.lat!, lon: phoenix.lon! }, SAN_FRANCISCO);
    expect(km).toBeGreaterThan(1_000);
    expect(flag).toContain(`about ${(Math.round(km / 10) * 10).toLocaleString("en-US")} km from San Francisco`);
    expect(flag).toContain('Location "Phoenix, AZ"');
    expect(flag).toMatch(/; the role is onsite in San Francisco$/);
  });

  it.each([
    ["Oakland", onsite(SAN_FRANCISCO), { location: "Oakland, CA" }, `Location "Oakland, CA" is 14 km from San Francisco`, "fit"],
    ["Sacramento", onsite(SAN_FRANCISCO), { location: "Sacramento, CA" }, `Location "Sacramento, CA" is about 120 km from San Francisco; the role is onsite in San Francisco`, "red"],
    ["Paris, TX", onsite(PARIS_FR), { location: "Paris, TX" }, `Location "Paris, TX" is about 7,780 km from Paris; the role is onsite in Paris`, "red"],
    ["Lisbon", remoteWithin(["Europe"]), { location: "Lisbon, Portugal" }, `Location "Lisbon, Portugal" is where the role can be remote within Europe`, "fit"],
    ["Austin", remoteWithin(["Europe"]), { location: "Austin, TX" }, `Location "Austin, TX" is outside the location policy: the role is remote within Europe`, "red"],
    ["a remote worker", onsite(SAN_FRANCISCO), { location: "Remote" }, `Location "Remote": works remotely; the role is onsite in San Francisco`, "red"],
    ["a country", onsite(SAN_FRANCISCO), { location: "United States" }, `Location "United States" is too broad to tell the distance to San Francisco`, "red"],
    ["no location", onsite(SAN_FRANCISCO), {}, "No location given", "red"],
  ] as const)("%s explains itself", (_name, policy, fields, expected, kind) => {
    const a = location(policy, fields);
    expect(kind === "fit" ? a.fitPoints : a.redFlags).toEqual([expected]);
  });

  it("an onsite role that also takes remote people from the US admits a remote worker there", () => {
    const policy: LocationPolicy = { ...onsite(SAN_FRANCISCO), remoteCountries: ["US"] };
    expect(location(policy, { location: "Austin, TX" }).gate).toBe("pass");
    expect(location(policy, { location: "Berlin, Germany" }).redFlags).toEqual([
      `Location "Berlin, Germany" is about 9,110 km from San Francisco; the role is onsite in San Francisco, or remote within US`,
    ]);
  });
});

describe("a title read only by its head noun", () => {
  it("is a guess: it passes below the top band, and never fails ('Resident Engineer' may be a civil engineer)", () => {
    const facts = factsOf(profile({ currentTitle: "Resident Engineer" }));
    expect(facts.occupationGuessed).toBe(true);
    expect(occupation(backendIcp, { currentTitle: "Resident Engineer" })).toMatchObject({ gate: "pass", ceiling: BANDS.gapCeiling, score: 70 });
    expect(occupation(nursingIcp, { currentTitle: "Resident Engineer" })).toMatchObject({ gate: "unknown", ceiling: BANDS.neighbourCeiling });
    expect(factsOf(profile({ currentTitle: "Backend Engineer" })).occupationGuessed).toBe(false);
  });
});
