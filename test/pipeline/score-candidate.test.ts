import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BANDS, MATCH_WEIGHTS, NEGATIVE_KEYWORD_PENALTY, scoreCandidate } from "../../src/pipeline/score/score-candidate";
import { deriveProfileFacts } from "../../src/pipeline/facts/profile-facts";
import { ScoreBreakdown, type Candidate, type Icp, type TalentProfile } from "../../src/pipeline/types";
import {
  backendIcp,
  BERLIN,
  canon,
  icuNurse,
  midBackend,
  NOW,
  nursingIcp,
  onsite,
  profile,
  remoteAnywhere,
  remoteWithin,
  score,
  strongBackend,
  studentNurse,
  weakFrontend,
} from "./score/fixtures";

// Gates, calibration bands and skill evidence have their own tables under ./score/; this file is the
// whole scorer: ranking, explanations and their quoting contract, determinism and profile shapes.

/** Every double-quoted segment of the explanations, and whether the quotes pair up. */
function quotedSegments(explanation: string): { balanced: boolean; segments: string[] } {
  const count = explanation.split('"').length - 1;
  return { balanced: count % 2 === 0, segments: [...explanation.matchAll(/"([^"]*)"/g)].map((m) => m[1]) };
}

/** Every string a profile holds; a citation must be a piece of one of them. */
function profileTexts(p: TalentProfile): string[] {
  return [
    p.fullName,
    p.headline,
    p.summary,
    p.location,
    p.country,
    p.currentTitle,
    p.currentCompany,
    p.resumeText,
    ...(p.skills ?? []),
    ...(p.experience ?? []).flatMap((e) => [e.title, e.company, e.startDate, e.endDate, e.description]),
  ].filter((t): t is string => typeof t === "string");
}

/** Explanations that cite something the profile does not say, or whose quotes do not pair up. */
function unfoundedCitations(candidate: Candidate, p: TalentProfile): string[] {
  const texts = profileTexts(p);
  return [...candidate.aiFitPoints, ...candidate.aiRedFlags].filter((explanation) => {
    const { balanced, segments } = quotedSegments(explanation);
    return !balanced || segments.some((s) => s.trim() === "" || !texts.some((t) => t.includes(s)));
  });
}

describe("ranking", () => {
  it.each([
    ["backend role", backendIcp, [strongBackend, midBackend, weakFrontend]],
    ["backend role, nurse last", backendIcp, [strongBackend, midBackend, icuNurse]],
    ["nursing role", nursingIcp, [icuNurse, studentNurse, strongBackend]],
  ])("%s: candidates come out in the expected order", (_name, icp, expectedOrder) => {
    const scores = expectedOrder.map((p) => score(icp, p).matchScore);
    for (let i = 1; i < scores.length; i++) expect(scores[i - 1]).toBeGreaterThan(scores[i]);
  });

  it.each([
    ["strong backend engineer", backendIcp, strongBackend, 85, 100],
    ["backend developer without Kubernetes, one level below", backendIcp, midBackend, 70, 84],
    ["weak frontend intern (fails seniority and location)", backendIcp, weakFrontend, 0, BANDS.failsGate],
    ["ICU nurse for the ICU role", nursingIcp, icuNurse, 85, 100],
    ["nursing student, title not recognised", nursingIcp, studentNurse, BANDS.passFloor, BANDS.neighbourCeiling],
    ["backend engineer for the ICU role", nursingIcp, strongBackend, 0, BANDS.failsGate],
  ])("%s lands in its band", (_name, icp, p, low, high) => {
    const { matchScore } = score(icp, p);
    expect(matchScore).toBeGreaterThanOrEqual(low);
    expect(matchScore).toBeLessThanOrEqual(high);
  });
});

describe("each breakdown component moves the way it should", () => {
  type Key = keyof ScoreBreakdown;
  const tweak = (changes: Partial<TalentProfile>): TalentProfile => ({ ...midBackend, ...changes });

  it.each<[string, Key, TalentProfile, TalentProfile]>([
    ["a must-have in the skills list", "skills", midBackend, tweak({ skills: ["NodeJS", "TypeScript", "Kubernetes"] })],
    ["a must-have in the summary", "skills", midBackend, tweak({ summary: "Runs everything on k8s." })],
    ["a must-have in the current role", "skills", tweak({ summary: "Runs everything on k8s." }), tweak({ experience: [{ ...midBackend.experience![0], description: "Wrote REST services on Postgres, deployed to Kubernetes." }] })],
    ["a nice-to-have", "skills", midBackend, tweak({ skills: ["NodeJS", "TypeScript", "Redis"] })],
    ["the occupation over a neighbour", "title", tweak({ currentTitle: "Frontend Developer" }), midBackend],
    ["a neighbour over another field's occupation", "title", tweak({ currentTitle: "Registered Nurse" }), tweak({ currentTitle: "Frontend Developer" })],
    ["the asked level in the title", "seniority", midBackend, tweak({ currentTitle: "Senior Backend Developer" })],
    ["one level off over three", "seniority", tweak({ currentTitle: "Backend Intern" }), tweak({ currentTitle: "Backend Developer" })],
    ["more years, up to the minimum", "experience", midBackend, tweak({ experience: [{ ...midBackend.experience![0], startDate: "2018-01" }] })],
    ["a place inside the policy over an unknown one", "location", tweak({ location: undefined }), midBackend],
    ["an unknown place over one outside the policy", "location", tweak({ location: "Paris, France" }), tweak({ location: undefined })],
  ])("%s raises %s", (_name, key, worse, better) => {
    const low = score(backendIcp, worse);
    const high = score(backendIcp, better);
    expect(high.scoreBreakdown[key]).toBeGreaterThan(low.scoreBreakdown[key]);
    expect(high.matchScore).toBeGreaterThanOrEqual(low.matchScore);
  });

  it.each([
    ["nothing", {}, 0],
    ["a related skill in the skills list", { skills: ["MySQL"] }, 20], // 0.5 × relatedShare 0.4
    ["the skill in the skills list", { skills: ["PostgreSQL"] }, 50],
    ["the skill in the summary", { summary: "Years of PostgreSQL tuning." }, 70],
    ["the skill in the current role", { experience: [{ title: "Backend Developer", company: "X", startDate: "2020-01", description: "Tuned PostgreSQL." }] }, 100],
    ["the skill and a related one", { skills: ["MySQL", "Postgres"] }, 50],
  ])("skills credit for %s", (_name, fields, expected) => {
    const icp: Icp = { ...backendIcp, mustHaveSkills: canon("PostgreSQL"), niceToHaveSkills: [] };
    expect(score(icp, profile(fields)).scoreBreakdown.skills).toBe(expected);
  });

  it.each([
    [6, 100],
    [10, 100], // no credit above the minimum asked
    [2.5, 50],
  ])("%s years against 5 asked → experience %i", (years, expected) => {
    const startMonth = Math.round(2024 * 12 + 5 - years * 12 + 1);
    const startDate = `${Math.floor(startMonth / 12)}-${String((startMonth % 12) + 1).padStart(2, "0")}`;
    const p = { ...midBackend, experience: [{ title: "Backend Developer", company: "X", startDate }] };
    expect(score(backendIcp, p).scoreBreakdown.experience).toBe(expected);
  });

  // The role asks senior–lead: in range 100, one level off 60, two 15, three or more 0.
  it.each([
    ["Senior Backend Engineer", 100],
    ["Lead Backend Engineer", 100],
    ["Backend Engineer II", 60],
    ["Principal Backend Engineer", 60],
    ["Junior Backend Engineer", 15],
    ["Backend Intern", 0],
  ])("seniority of %s for a senior–lead role → %i", (currentTitle, expected) => {
    expect(score(backendIcp, { ...midBackend, currentTitle }).scoreBreakdown.seniority).toBe(expected);
  });

  it("a remote role accepts any location; an on-site one only its area", () => {
    expect(score({ ...backendIcp, locationPolicy: remoteAnywhere }, weakFrontend).scoreBreakdown.location).toBe(100);
    expect(score({ ...backendIcp, locationPolicy: remoteWithin(["Europe"]) }, weakFrontend).scoreBreakdown.location).toBe(100);
    expect(score({ ...backendIcp, locationPolicy: { ...remoteAnywhere, mode: "any" } }, weakFrontend).scoreBreakdown.location).toBe(100);
    expect(score(backendIcp, weakFrontend).scoreBreakdown.location).toBe(0);
  });

  it("each negative keyword costs its penalty inside the band, and leaves the breakdown alone", () => {
    const clean = score(backendIcp, strongBackend);
    const once = score(backendIcp, { ...strongBackend, headline: "Backend engineer, former intern" });
    const twice = score(backendIcp, { ...strongBackend, summary: "Ex-recruiter. Was an intern." });
    expect(clean.matchScore).toBe(99);
    expect(once.scoreBreakdown).toEqual(clean.scoreBreakdown);
    expect(clean.matchScore - once.matchScore).toBe(NEGATIVE_KEYWORD_PENALTY);
    // 99 − 16 would leave the 85–100 band; the band's floor holds.
    expect(twice.matchScore).toBe(BANDS.gapCeiling + 1);
  });

  it("weights sum to 1", () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});

describe("fit points and red flags cite the profile", () => {
  it.each<[string, Icp, TalentProfile, "aiFitPoints" | "aiRedFlags", string]>([
    ["the occupation", backendIcp, strongBackend, "aiFitPoints", `Current title "Senior Backend Engineer" is Backend Engineer, the role's occupation`],
    ["a must-have in the current role", backendIcp, strongBackend, "aiFitPoints", `Must-have node.js: current role "Senior Backend Engineer" at Stripe (5 yrs 4 mos)`],
    ["a nice-to-have in the skills list", backendIcp, strongBackend, "aiFitPoints", "Nice-to-have aws: skills list"],
    ["experience", backendIcp, strongBackend, "aiFitPoints", 'Total experience 9 yrs 6 mos (from "2015-01" to now) meets the 5 years asked'],
    ["seniority", backendIcp, strongBackend, "aiFitPoints", `Current title "Senior Backend Engineer" is senior level, as asked`],
    ["location", backendIcp, midBackend, "aiFitPoints", 'Location "Potsdam, Germany" is 27 km from Berlin'],
    ["a must-have in a role description", backendIcp, midBackend, "aiFitPoints", `Must-have postgresql: current role "Backend Developer" at Check24 (3 yrs 10 mos)`],
    ["a missing must-have", backendIcp, midBackend, "aiRedFlags", "No evidence of must-have kubernetes"],
    ["too few years", backendIcp, midBackend, "aiRedFlags", 'Total experience 3 yrs 10 mos (from "2020-09" to now) is below the 5 years asked'],
    ["one level below, from years", backendIcp, midBackend, "aiRedFlags", "3 years of experience suggests mid level, one level below the role's senior–lead"],
    ["an outside location", backendIcp, weakFrontend, "aiRedFlags", `Location "Paris, France" is about 880 km from Berlin; the role is onsite in Berlin`],
    ["a negative keyword", backendIcp, weakFrontend, "aiRedFlags", 'Mentions "Intern" (current title: "Frontend Intern")'],
    ["another occupation", nursingIcp, strongBackend, "aiRedFlags", `Current title "Senior Backend Engineer" is Backend Engineer, another occupation than ICU Nurse (the role's occupation is a hard requirement)`],
    ["a nurse's certification in the headline", nursingIcp, icuNurse, "aiFitPoints", "Must-have acls: headline or summary"],
    ["a nurse's title", nursingIcp, icuNurse, "aiFitPoints", `Current title "ICU Nurse" is ICU Nurse, the role's occupation`],
    ["an unrecognised title", nursingIcp, studentNurse, "aiRedFlags", `Current title "Nursing Student" is not recognisably ICU Nurse`],
    ["a student nurse", nursingIcp, studentNurse, "aiRedFlags", 'Mentions "Student" (current title: "Nursing Student")'],
    [
      "a negative keyword in the headline",
      backendIcp,
      { ...midBackend, headline: "Backend developer, former intern" },
      "aiRedFlags",
      'Mentions "intern" (headline: "Backend developer, former intern")',
    ],
  ])("%s", (_name, icp, p, field, expected) => {
    expect(score(icp, p)[field]).toContain(expected);
  });

  it("a failed hard constraint is the first red flag", () => {
    expect(score(backendIcp, weakFrontend).aiRedFlags[0]).toBe(
      `Current title "Frontend Intern" suggests intern level, 3 levels below the role's senior–lead (a hard requirement)`,
    );
    expect(score(nursingIcp, strongBackend).aiRedFlags[0]).toMatch(/^Current title "Senior Backend Engineer" is Backend Engineer, another occupation/);
  });

  it("related-skill evidence names the skill it stands in for", () => {
    const icp: Icp = { ...backendIcp, mustHaveSkills: canon("PostgreSQL") };
    const candidate = score(icp, { ...midBackend, skills: ["MySQL"], experience: [] });
    expect(candidate.aiRedFlags).toContain("Must-have postgresql only weakly shown (postgresql through related mysql: skills list)");
    expect(candidate.aiFitPoints.some((p) => p.startsWith("Must-have postgresql"))).toBe(false);
  });

  it("a long passage is quoted around the keyword, verbatim", () => {
    // One sentence well past the 160-character quote limit, so the quote is a window cut at words.
    const filler = "maintained internal tooling for the data team and answered on-call pages, ".repeat(4).trim();
    const resumeText = `Early on I ${filler} and later worked as a technical recruiter across three regions, then ${filler}.`;
    const candidate = score(backendIcp, { ...midBackend, resumeText });
    const flag = candidate.aiRedFlags.find((f) => f.startsWith('Mentions "recruiter" (resume:'));
    expect(flag).toBeDefined();
    const [, quote] = quotedSegments(flag!).segments;
    expect(quote).toContain("recruiter");
    expect(quote.length).toBeLessThanOrEqual(160);
    expect(flag).toMatch(/\(resume: …".*"…\)$/);
    expect(resumeText).toContain(quote);
  });

  it("the citation checker catches a made-up quote", () => {
    const candidate = score(backendIcp, strongBackend);
    const forged = { ...candidate, aiFitPoints: [...candidate.aiFitPoints, 'Skills list includes "Rust"'] };
    const unbalanced = { ...candidate, aiRedFlags: ['Location "Berlin is odd'] };
    expect(unfoundedCitations(candidate, strongBackend)).toEqual([]);
    expect(unfoundedCitations(forged, strongBackend)).toEqual(['Skills list includes "Rust"']);
    expect(unfoundedCitations(unbalanced, strongBackend)).toHaveLength(1);
  });

  // Words the scorer reacts to, mixed with noise, double quotes and sentence breaks.
  const word = fc.oneof(
    fc.constantFrom(
      "Node.js", "TypeScript", "k8s", "Kubernetes", "Postgres", "MySQL", "Redis", "AWS", "Go", "go to", "C++",
      "ICU", "ACLS", "BLS", "registered nurse", "Epic EHR", "intern", "Intern", "recruiter", "student",
      "Senior", "Backend", "Engineer", "Manager", "Teacher", "Berlin", "Germany", "Boston, MA", "Paris, TX",
      "remote", "Zürich", "Lisbon",
    ),
    fc.constantFrom('"', '""', '"quoted"', ". ", ".", "\n", " • ", "- ", "  ", "…", "é"),
    fc.string({ maxLength: 12 }),
  );
  const text = fc.array(word, { maxLength: 14 }).map((parts) => parts.join(" "));
  const longText = fc.array(word, { maxLength: 80 }).map((parts) => parts.join(" "));
  const date = fc.oneof(
    fc.tuple(fc.integer({ min: 1995, max: 2026 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
    fc.integer({ min: 1995, max: 2026 }).map(String),
    fc.constantFrom("2020-02-29", "2019-13", "soon", '"2020"', ""),
  );
  const entry = fc.record(
    { title: text, company: text, startDate: date, endDate: date, description: longText },
    { requiredKeys: ["title", "company"] },
  );
  const profileArb = fc
    .record(
      {
        fullName: text,
        headline: text,
        summary: longText,
        location: text,
        country: text,
        currentTitle: text,
        currentCompany: text,
        skills: fc.array(text, { maxLength: 8 }),
        experience: fc.array(entry, { maxLength: 7 }),
        resumeText: longText,
      },
      { requiredKeys: ["fullName"] },
    )
    .map((p): TalentProfile => ({ ...p, profileId: "prof_gen", companyId: "co_gen" }));
  const policyArb = fc.constantFrom(onsite(BERLIN), remoteWithin(["Europe"]), remoteWithin([], ["US"]), remoteAnywhere, { ...onsite(BERLIN), remoteCountries: ["DE"] });
  const icpArb = fc
    .tuple(fc.constantFrom(backendIcp, nursingIcp, { ...backendIcp, occupation: null }), fc.array(text, { maxLength: 3 }), policyArb)
    .map(([icp, extraNegatives, locationPolicy]): Icp => ({ ...icp, negativeKeywords: [...icp.negativeKeywords, ...extraNegatives], locationPolicy }));

  it("every quote in every explanation is verbatim profile text, across generated profiles", () => {
    fc.assert(
      fc.property(icpArb, profileArb, (icp, p) => {
        const candidate = score(icp, p);
        expect(unfoundedCitations(candidate, p)).toEqual([]);
        expect(ScoreBreakdown.parse(candidate.scoreBreakdown)).toEqual(candidate.scoreBreakdown);
        expect(Number.isInteger(candidate.matchScore)).toBe(true);
        expect(candidate.matchScore).toBeGreaterThanOrEqual(0);
        expect(candidate.matchScore).toBeLessThanOrEqual(100);
        expect(candidate.aiDetailedRationale.length).toBeLessThanOrEqual(5);
        for (const role of candidate.detailedExperience) expect(role.highlights.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });
});

describe("determinism", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ["backend", backendIcp, strongBackend],
    ["nursing", nursingIcp, icuNurse],
    ["weak", backendIcp, weakFrontend],
  ])("%s: same input, same candidate, whatever the clock says", (_name, icp, p) => {
    const first = score(icp, p);
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2031-01-01T00:00:00Z"));
    expect(score(icp, structuredClone(p))).toEqual(first);
  });

  it("facts do not depend on the clock either", () => {
    const first = deriveProfileFacts(strongBackend);
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2031-01-01T00:00:00Z"));
    expect(deriveProfileFacts(structuredClone(strongBackend))).toEqual(first);
  });

  it("does not change its inputs", () => {
    const p = structuredClone(strongBackend);
    const icp = structuredClone(backendIcp);
    const facts = deriveProfileFacts(p);
    const factsBefore = structuredClone(facts);
    scoreCandidate(icp, p, facts, NOW);
    expect(p).toEqual(strongBackend);
    expect(icp).toEqual(backendIcp);
    expect(facts).toEqual(factsBefore);
  });
});

describe("profile shapes", () => {
  it("a profile with only a name still scores, without inventing anything", () => {
    const bare = profile({ profileId: "prof_bare", fullName: "Nobody Known" });
    const candidate = score(backendIcp, bare);
    expect(candidate).toMatchObject({
      profileId: "prof_bare",
      name: "Nobody Known",
      linkedinUrl: null,
      headline: null,
      location: null,
      currentCompany: null,
      currentRole: null,
      skills: [],
      emails: [],
      aiFitPoints: [],
      aiDetailedRationale: [],
      detailedExperience: [],
      scoreBreakdown: { skills: 0, title: 30, seniority: 50, experience: 0, location: 50 },
    });
    expect(candidate.aiRedFlags).toEqual([
      "No current job title given",
      "No evidence of must-have node.js, typescript, postgresql and kubernetes",
      "No dated experience given, so the 5 years asked cannot be confirmed",
      "No location given",
    ]);
    // Nothing is known, so nothing fails: an unknown title caps the candidate at the 40–69 band.
    expect(candidate.matchScore).toBeGreaterThanOrEqual(BANDS.passFloor);
    expect(candidate.matchScore).toBeLessThanOrEqual(BANDS.neighbourCeiling);
  });

  it("the contract fields come from the profile", () => {
    const candidate = score(backendIcp, strongBackend);
    expect(candidate).toMatchObject({
      profileId: "prof_strong",
      name: "Ada Strong",
      linkedinUrl: "https://www.linkedin.com/in/ada",
      skills: strongBackend.skills,
      headline: strongBackend.headline,
      location: "Berlin, Germany",
      currentCompany: "Stripe",
      currentRole: "Senior Backend Engineer",
      emails: ["ada@example.com"],
    });
    expect(candidate.rationale).toBe("Strong match at 99/100 (skills 79/100, title 100/100, experience 100/100). No major gaps found.");
  });

  it("the rationale names the band and the gaps", () => {
    expect(score(backendIcp, midBackend).rationale).toBe(
      "Good match at 79/100 (skills 40/100, title 100/100, experience 77/100). Gaps: missing kubernetes; 3 yrs 10 mos of experience against 5 years asked; mid rather than senior–lead level.",
    );
    expect(score(backendIcp, weakFrontend).rationale).toMatch(/^Outside a hard requirement at \d+\/100 .*; 1 negative keyword mentioned\.$/);
  });

  it("current role and company fall back to the dated current experience entry, and so does the title the gates read", () => {
    const p = { ...strongBackend, currentTitle: undefined, currentCompany: undefined };
    const candidate = score(backendIcp, p);
    expect(candidate).toMatchObject({ currentRole: "Senior Backend Engineer", currentCompany: "Stripe" });
    expect(deriveProfileFacts(p).title).toEqual({ text: "Senior Backend Engineer", source: "current role" });
    expect(candidate.scoreBreakdown.title).toBe(100);
  });

  it("the headline stands in for a missing title", () => {
    const candidate = score(backendIcp, profile({ headline: "Backend engineer at Foo" }));
    expect(candidate.aiFitPoints).toContain(`Headline "Backend engineer at Foo" is Backend Engineer, the role's occupation`);
  });

  it("overlapping roles are not double counted", () => {
    const p: TalentProfile = {
      ...midBackend,
      experience: [
        { title: "Backend Developer", company: "A", startDate: "2018-01", endDate: "2021-12" },
        { title: "Backend Developer", company: "B", startDate: "2020-01", endDate: "2022-12" },
      ],
    };
    const candidate = score(backendIcp, p);
    expect(candidate.aiFitPoints).toContain('Total experience 5 yrs (from "2018-01" to "2022-12") meets the 5 years asked');
    expect(candidate.scoreBreakdown.experience).toBe(100);
  });

  it("a current role grows with the now it is given", () => {
    const earlier = score(backendIcp, midBackend, new Date("2022-09-01T00:00:00Z"));
    const later = score(backendIcp, midBackend, new Date("2026-01-01T00:00:00Z"));
    expect(earlier.detailedExperience[0].duration).toBe("2 yrs 1 mo");
    expect(later.detailedExperience[0].duration).toBe("5 yrs 5 mos");
    expect(earlier.aiDetailedRationale[0].duration).toBe("2 yrs 1 mo");
    expect(later.aiDetailedRationale[0].duration).toBe("5 yrs 5 mos");
    expect(later.scoreBreakdown.experience).toBeGreaterThan(earlier.scoreBreakdown.experience);
    // By years alone: two years in is mid (one level below the role's senior), five years in is senior.
    expect(earlier.scoreBreakdown.seniority).toBe(60);
    expect(later.scoreBreakdown.seniority).toBe(100);
  });

  it("explains at most five roles, most recent first, and keeps every role's detail", () => {
    const experience = Array.from({ length: 7 }, (_, i) => ({
      title: i === 3 ? "Backend Engineer" : "Support Agent",
      company: `Company ${i}`,
      startDate: `${2010 + i}-01`,
      endDate: `${2010 + i}-12`,
      description: i === 3 ? "Shipped Node.js services. Tuned PostgreSQL. Ran Redis. Wrote docs." : "Answered tickets.",
    }));
    const candidate = score(backendIcp, { ...midBackend, experience });
    expect(candidate.aiDetailedRationale.map((r) => r.company)).toEqual(["Company 6", "Company 5", "Company 4", "Company 3", "Company 2"]);
    expect(candidate.detailedExperience).toHaveLength(7);
    expect(candidate.aiDetailedRationale[3]).toEqual({
      title: "Backend Engineer",
      company: "Company 3",
      duration: "1 yr",
      relevanceExplanation:
        "The same occupation as the role (Backend Engineer); names must-have node.js and postgresql; names nice-to-have redis; ended 10 yrs 6 mos ago.",
    });
    expect(candidate.aiDetailedRationale[0].relevanceExplanation).toBe("Ended 7 yrs 6 mos ago.");
    expect(candidate.detailedExperience[3].highlights).toEqual(["Shipped Node.js services.", "Tuned PostgreSQL.", "Ran Redis."]);
  });

  it("double quotes inside profile fields never break the citations", () => {
    const p: TalentProfile = {
      ...strongBackend,
      currentTitle: 'Senior "Backend" Engineer',
      location: 'Berlin "Mitte", Germany',
      experience: [{ title: 'Lead "Platform" Engineer', company: 'The "Best" Co', startDate: "2015-01", description: 'Said "we run Kubernetes" daily.' }],
    };
    const candidate = score(backendIcp, p);
    expect(unfoundedCitations(candidate, p)).toEqual([]);
    // Company names sit outside quotes, so their double quotes become single ones.
    expect(candidate.aiFitPoints.find((f) => f.startsWith("Must-have kubernetes"))).toContain("at The 'Best' Co");
  });
});
