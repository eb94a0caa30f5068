import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { canonicalSkill } from "../../src/pipeline/skills/lexicon";
import {
  combineScores,
  MATCH_WEIGHTS,
  NEGATIVE_KEYWORD_PENALTY,
  scoreCandidate,
} from "../../src/pipeline/score/score-candidate";
import { ScoreBreakdown, type Candidate, type Icp, type TalentProfile } from "../../src/pipeline/types";

const NOW = new Date("2024-06-15T12:00:00Z");

/** ICP skills are canonical lexicon names; failing here means the lexicon renamed a skill these tests rely on. */
function canon(...raw: string[]): string[] {
  return raw.map((r) => {
    const name = canonicalSkill(r);
    if (name === null) throw new Error(`lexicon does not know ${r}`);
    return name;
  });
}

const backendIcp: Icp = {
  titles: ["backend engineer", "backend developer", "server-side engineer"],
  seniority: "senior",
  minYearsExperience: 5,
  mustHaveSkills: canon("Node.js", "TypeScript", "PostgreSQL", "Kubernetes"),
  niceToHaveSkills: canon("Redis", "AWS", "Docker"),
  locations: ["berlin", "germany", "de"],
  negativeKeywords: ["intern", "recruiter"],
};

const nursingIcp: Icp = {
  titles: ["icu nurse", "registered nurse", "critical care nurse"],
  seniority: "mid",
  minYearsExperience: 3,
  mustHaveSkills: canon("nursing", "critical care", "ACLS"),
  niceToHaveSkills: canon("BLS", "ventilator management", "EHR"),
  locations: ["boston", "massachusetts", "ma"],
  negativeKeywords: ["student"],
};

const base = { companyId: "co_1" };

const strongBackend: TalentProfile = {
  ...base,
  profileId: "prof_strong",
  fullName: "Ada Strong",
  headline: "Senior Backend Engineer building payment platforms",
  location: "Berlin, Germany",
  currentTitle: "Senior Backend Engineer",
  currentCompany: "Stripe",
  skills: ["Node.js", "TypeScript", "PostgreSQL", "Kubernetes", "Redis", "AWS"],
  experience: [
    {
      title: "Senior Backend Engineer",
      company: "Stripe",
      startDate: "2019-03",
      description: "Led the migration of the payments API to Kubernetes. Built Node.js services in TypeScript.",
    },
    {
      title: "Backend Engineer",
      company: "Zalando",
      startDate: "2015-01",
      endDate: "2019-02",
      description: "Designed PostgreSQL schemas for the catalogue. Ran Redis caches.",
    },
  ],
  emails: ["ada@example.com"],
  linkedinUrl: "https://www.linkedin.com/in/ada",
};

const midBackend: TalentProfile = {
  ...base,
  profileId: "prof_mid",
  fullName: "Ben Middle",
  headline: "Backend developer",
  location: "Munich, Germany",
  currentTitle: "Backend Developer",
  skills: ["NodeJS", "TypeScript"],
  experience: [
    {
      title: "Backend Developer",
      company: "Check24",
      startDate: "2020-09",
      description: "Wrote REST services on Postgres.",
    },
  ],
};

const weakFrontend: TalentProfile = {
  ...base,
  profileId: "prof_weak",
  fullName: "Cleo Weak",
  headline: "Frontend Intern at Acme",
  location: "Paris, France",
  currentTitle: "Frontend Intern",
  skills: ["React", "CSS"],
  experience: [{ title: "Frontend Intern", company: "Acme", startDate: "2023-09", description: "Built React pages." }],
};

const icuNurse: TalentProfile = {
  ...base,
  profileId: "prof_nurse",
  fullName: "Dana Care",
  headline: "ICU Registered Nurse, ACLS and BLS certified",
  location: "Boston, MA",
  country: "United States",
  currentTitle: "ICU Nurse",
  currentCompany: "Massachusetts General Hospital",
  skills: ["Critical Care", "ACLS", "BLS", "Epic"],
  experience: [
    {
      title: "ICU Nurse",
      company: "Massachusetts General Hospital",
      startDate: "2019-05",
      description: "Cared for ventilated patients in a 20-bed medical ICU. Charted in Epic EHR.",
    },
    {
      title: "Nursing Student",
      company: "Boston College",
      startDate: "2015-09",
      endDate: "2019-05",
      description: "Clinical rotations in med-surg.",
    },
  ],
};

const studentNurse: TalentProfile = {
  ...base,
  profileId: "prof_student",
  fullName: "Eli Green",
  headline: "Nursing student looking for a first role",
  location: "Worcester, MA",
  skills: ["BLS"],
  experience: [{ title: "Nursing Student", company: "UMass", startDate: "2022-09", description: "Clinical rotations." }],
};

const score = (icp: Icp, profile: TalentProfile, now = NOW) => scoreCandidate(icp, profile, now);

/** Every double-quoted segment of the explanations, and whether the quotes pair up. */
function quotedSegments(explanation: string): { balanced: boolean; segments: string[] } {
  const count = explanation.split('"').length - 1;
  return { balanced: count % 2 === 0, segments: [...explanation.matchAll(/"([^"]*)"/g)].map((m) => m[1]) };
}

/** Every string a profile holds; a citation must be a piece of one of them. */
function profileTexts(profile: TalentProfile): string[] {
  return [
    profile.fullName,
    profile.headline,
    profile.summary,
    profile.location,
    profile.country,
    profile.currentTitle,
    profile.currentCompany,
    profile.resumeText,
    ...(profile.skills ?? []),
    ...(profile.experience ?? []).flatMap((e) => [e.title, e.company, e.startDate, e.endDate, e.description]),
  ].filter((t): t is string => typeof t === "string");
}

/** Explanations that cite something the profile does not say, or whose quotes do not pair up. */
function unfoundedCitations(candidate: Candidate, profile: TalentProfile): string[] {
  const texts = profileTexts(profile);
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
    ["weak frontend intern", backendIcp, weakFrontend, 0, 30],
    ["ICU nurse for the ICU role", nursingIcp, icuNurse, 85, 100],
    ["backend engineer for the ICU role", nursingIcp, strongBackend, 0, 25],
  ])("%s lands in its band", (_name, icp, profile, low, high) => {
    const { matchScore } = score(icp, profile);
    expect(matchScore).toBeGreaterThanOrEqual(low);
    expect(matchScore).toBeLessThanOrEqual(high);
  });
});

describe("each breakdown component moves the way it should", () => {
  type Key = keyof ScoreBreakdown;
  const tweak = (changes: Partial<TalentProfile>): TalentProfile => ({ ...midBackend, ...changes });

  it.each<[string, Key, Icp, TalentProfile, TalentProfile]>([
    ["a must-have in the skills list", "skills", backendIcp, midBackend, tweak({ skills: ["NodeJS", "TypeScript", "Kubernetes"] })],
    ["a must-have in the summary", "skills", backendIcp, midBackend, tweak({ summary: "Runs everything on k8s." })],
    ["a must-have in the resume", "skills", backendIcp, midBackend, tweak({ resumeText: "Operated EKS clusters." })],
    ["a nice-to-have", "skills", backendIcp, midBackend, tweak({ skills: ["NodeJS", "TypeScript", "Redis"] })],
    ["a family title over a related one", "title", backendIcp, tweak({ currentTitle: "Frontend Developer" }), midBackend],
    ["a related title over a foreign one", "title", backendIcp, tweak({ currentTitle: "Registered Nurse", experience: [] }), tweak({ currentTitle: "Frontend Developer", experience: [] })],
    ["a past title in the family", "title", backendIcp, tweak({ currentTitle: "Barista", experience: [] }), tweak({ currentTitle: "Barista" })],
    ["the asked level in the title", "seniority", backendIcp, midBackend, tweak({ currentTitle: "Senior Backend Developer" })],
    ["one level off over three", "seniority", backendIcp, tweak({ currentTitle: "Backend Intern" }), tweak({ currentTitle: "Backend Developer" })],
    ["more years, up to the minimum", "experience", backendIcp, midBackend, tweak({ experience: [{ ...midBackend.experience![0], startDate: "2018-01" }] })],
    ["a requested location over an unknown one", "location", backendIcp, tweak({ location: undefined, country: undefined }), midBackend],
    ["an unknown location over an outside one", "location", backendIcp, tweak({ location: "Paris, France" }), tweak({ location: undefined })],
    ["a requested country", "location", backendIcp, tweak({ location: "Paris" }), tweak({ location: "Paris", country: "Germany" })],
  ])("%s raises %s", (_name, key, icp, worse, better) => {
    const low = score(icp, worse);
    const high = score(icp, better);
    expect(high.scoreBreakdown[key]).toBeGreaterThan(low.scoreBreakdown[key]);
    expect(high.matchScore).toBeGreaterThanOrEqual(low.matchScore);
  });

  it.each([
    ["nothing", [], 0],
    ["a related skill", ["MySQL"], 50],
    ["the skill itself", ["PostgreSQL"], 100],
    ["the skill and a related one", ["MySQL", "Postgres"], 100],
  ])("skills credit for %s", (_name, skills, expected) => {
    const icp: Icp = { ...backendIcp, mustHaveSkills: canon("PostgreSQL"), niceToHaveSkills: [] };
    const profile: TalentProfile = { ...base, profileId: "p", fullName: "X", skills };
    expect(score(icp, profile).scoreBreakdown.skills).toBe(expected);
  });

  it.each([
    [6, 100],
    [10, 100], // no credit above the minimum asked
    [2.5, 50],
  ])("%s years against 5 asked → experience %i", (years, expected) => {
    const startMonth = Math.round(2024 * 12 + 5 - years * 12 + 1);
    const startDate = `${Math.floor(startMonth / 12)}-${String((startMonth % 12) + 1).padStart(2, "0")}`;
    const profile = { ...midBackend, experience: [{ title: "Backend Developer", company: "X", startDate }] };
    expect(score(backendIcp, profile).scoreBreakdown.experience).toBe(expected);
  });

  it.each([
    ["Senior Backend Engineer", 100],
    ["Lead Backend Engineer", 70],
    ["Junior Backend Engineer", 35],
    ["Backend Intern", 0],
  ])("seniority of %s for a senior role → %i", (currentTitle, expected) => {
    expect(score(backendIcp, { ...midBackend, currentTitle }).scoreBreakdown.seniority).toBe(expected);
  });

  it("a remote role accepts any location", () => {
    const remoteIcp = { ...backendIcp, locations: [...backendIcp.locations, "remote"] };
    expect(score(remoteIcp, weakFrontend).scoreBreakdown.location).toBe(100);
    expect(score({ ...backendIcp, locations: [] }, weakFrontend).scoreBreakdown.location).toBe(100);
    expect(score(backendIcp, weakFrontend).scoreBreakdown.location).toBe(0);
  });

  it("each negative keyword costs its penalty and leaves the breakdown alone", () => {
    const clean = score(backendIcp, midBackend);
    const once = score(backendIcp, { ...midBackend, headline: "Backend developer, former intern" });
    const twice = score(backendIcp, { ...midBackend, summary: "Ex-recruiter. Was an intern." });
    expect(once.scoreBreakdown).toEqual(clean.scoreBreakdown);
    expect(clean.matchScore - once.matchScore).toBe(NEGATIVE_KEYWORD_PENALTY);
    expect(clean.matchScore - twice.matchScore).toBe(2 * NEGATIVE_KEYWORD_PENALTY);
  });

  it.each([
    [{ skills: 100, title: 100, seniority: 100, experience: 100, location: 100 }, 0, 100],
    [{ skills: 0, title: 0, seniority: 0, experience: 0, location: 0 }, 3, 0],
    [{ skills: 100, title: 0, seniority: 0, experience: 0, location: 0 }, 0, 40],
    [{ skills: 50, title: 100, seniority: 70, experience: 100, location: 0 }, 1, 57],
  ])("combineScores(%j, %i negatives) = %i", (breakdown, negatives, expected) => {
    expect(combineScores(breakdown, negatives)).toBe(expected);
  });

  it("weights sum to 1", () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});

describe("fit points and red flags cite the profile", () => {
  it.each<[string, Icp, TalentProfile, "aiFitPoints" | "aiRedFlags", string]>([
    ["skills list", backendIcp, strongBackend, "aiFitPoints", 'Skills list includes "Node.js" (must-have node.js)'],
    ["current title", backendIcp, strongBackend, "aiFitPoints", 'Current title "Senior Backend Engineer" matches the role'],
    ["experience", backendIcp, strongBackend, "aiFitPoints", 'Total experience 9 yrs 6 mos (from "2015-01" to now) meets the 5 years asked'],
    ["location", backendIcp, strongBackend, "aiFitPoints", 'Location "Berlin, Germany" is in the requested locations'],
    ["seniority", backendIcp, strongBackend, "aiFitPoints", 'Current title "Senior Backend Engineer" indicates senior level, as asked'],
    [
      "a role description",
      backendIcp,
      { ...midBackend, skills: [] },
      "aiFitPoints",
      'At Check24 (2020-09 – present): "Wrote REST services on Postgres." (must-have postgresql)',
    ],
    ["a missing must-have", backendIcp, midBackend, "aiRedFlags", "No evidence of must-have kubernetes in skills, headline, summary, experience or resume"],
    ["too few years", backendIcp, midBackend, "aiRedFlags", 'Total experience 3 yrs 10 mos (from "2020-09" to now) is below the 5 years asked'],
    ["an outside location", backendIcp, weakFrontend, "aiRedFlags", 'Location "Paris, France" is outside the requested locations'],
    ["a negative keyword", backendIcp, weakFrontend, "aiRedFlags", 'Mentions "Intern" (current title: "Frontend Intern")'],
    ["a foreign title", nursingIcp, strongBackend, "aiRedFlags", 'Current title "Senior Backend Engineer" does not match the role'],
    ["a nurse's certification", nursingIcp, icuNurse, "aiFitPoints", 'Skills list includes "ACLS" (must-have acls)'],
    ["a nurse's headline", nursingIcp, { ...icuNurse, skills: [] }, "aiFitPoints", 'Headline: "ICU Registered Nurse, ACLS and BLS certified" (must-have nursing)'],
    ["a nurse's title", nursingIcp, icuNurse, "aiFitPoints", 'Current title "ICU Nurse" matches the role'],
    ["a student nurse", nursingIcp, studentNurse, "aiRedFlags", 'Mentions "Student" (current title: "Nursing Student")'],
    [
      "a negative keyword in the headline",
      backendIcp,
      { ...midBackend, headline: "Backend developer, former intern" },
      "aiRedFlags",
      'Mentions "intern" (headline: "Backend developer, former intern")',
    ],
  ])("%s", (_name, icp, profile, field, expected) => {
    expect(score(icp, profile)[field]).toContain(expected);
  });

  it("related-skill evidence names the skill it stands in for", () => {
    const icp: Icp = { ...backendIcp, mustHaveSkills: canon("PostgreSQL") };
    const candidate = score(icp, { ...midBackend, skills: ["MySQL"], experience: [] });
    expect(candidate.aiFitPoints).toContain('Skills list includes "MySQL" (mysql, related to must-have postgresql)');
    expect(candidate.aiRedFlags).toContain(
      "No direct evidence of must-have postgresql in skills, headline, summary, experience or resume",
    );
  });

  it("a long passage is quoted around the skill, verbatim", () => {
    const filler = "Maintained internal tooling for the data team and answered on-call pages. ".repeat(4).trim();
    const resumeText = `${filler.replaceAll(". ", ", ")} and later operated Kubernetes clusters across three regions, ${filler}`;
    const candidate = score(backendIcp, { ...midBackend, resumeText });
    const point = candidate.aiFitPoints.find((p) => p.startsWith("Resume:"));
    expect(point).toBeDefined();
    const [quote] = quotedSegments(point!).segments;
    expect(quote).toContain("Kubernetes");
    expect(quote.length).toBeLessThanOrEqual(160);
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
      "Senior", "Backend", "Engineer", "Berlin", "Germany", "Boston, MA", "remote", "Zürich",
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
  const icpArb = fc
    .tuple(fc.constantFrom(backendIcp, nursingIcp), fc.array(text, { maxLength: 3 }), fc.boolean())
    .map(([icp, extraNegatives, remote]): Icp => ({
      ...icp,
      negativeKeywords: [...icp.negativeKeywords, ...extraNegatives],
      locations: remote ? [...icp.locations, "remote"] : icp.locations,
    }));

  it("every quote in every explanation is verbatim profile text, across generated profiles", () => {
    fc.assert(
      fc.property(icpArb, profileArb, (icp, profile) => {
        const candidate = score(icp, profile);
        expect(unfoundedCitations(candidate, profile)).toEqual([]);
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
  ])("%s: same input, same candidate, whatever the clock says", (_name, icp, profile) => {
    const first = score(icp, profile);
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2031-01-01T00:00:00Z"));
    expect(score(icp, structuredClone(profile))).toEqual(first);
  });

  it("does not change its inputs", () => {
    const profile = structuredClone(strongBackend);
    const icp = structuredClone(backendIcp);
    score(icp, profile);
    expect(profile).toEqual(strongBackend);
    expect(icp).toEqual(backendIcp);
  });
});

describe("profile shapes", () => {
  it("a profile with only a name still scores, without inventing anything", () => {
    const bare: TalentProfile = { ...base, profileId: "prof_bare", fullName: "Nobody Known" };
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
      scoreBreakdown: { skills: 0, title: 0, seniority: 50, experience: 0, location: 50 },
    });
    expect(candidate.aiRedFlags).toEqual(
      expect.arrayContaining([
        "No current or past job title given",
        "No dated experience given, so the 5 years asked cannot be confirmed",
        "No location given",
      ]),
    );
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
    expect(candidate.rationale).toMatch(/^Strong match at \d+\/100/);
  });

  it("current role and company fall back to the dated current experience entry", () => {
    const candidate = score(backendIcp, { ...strongBackend, currentTitle: undefined, currentCompany: undefined });
    expect(candidate).toMatchObject({ currentRole: "Senior Backend Engineer", currentCompany: "Stripe" });
  });

  it("overlapping roles are not double counted", () => {
    const profile: TalentProfile = {
      ...midBackend,
      experience: [
        { title: "Backend Developer", company: "A", startDate: "2018-01", endDate: "2021-12" },
        { title: "Backend Developer", company: "B", startDate: "2020-01", endDate: "2022-12" },
      ],
    };
    const candidate = score(backendIcp, profile);
    expect(candidate.aiFitPoints).toContain('Total experience 5 yrs (from "2018-01" to "2022-12") meets the 5 years asked');
    expect(candidate.scoreBreakdown.experience).toBe(100);
  });

  it("a current role grows with the now it is given", () => {
    const earlier = score(backendIcp, midBackend, new Date("2022-09-01T00:00:00Z"));
    const later = score(backendIcp, midBackend, new Date("2026-01-01T00:00:00Z"));
    expect(earlier.detailedExperience[0].duration).toBe("2 yrs 1 mo");
    expect(later.detailedExperience[0].duration).toBe("5 yrs 5 mos");
    expect(later.scoreBreakdown.experience).toBeGreaterThan(earlier.scoreBreakdown.experience);
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
    expect(candidate.aiDetailedRationale.map((r) => r.company)).toEqual([
      "Company 6", "Company 5", "Company 4", "Company 3", "Company 2",
    ]);
    expect(candidate.detailedExperience).toHaveLength(7);
    const backendRole = candidate.aiDetailedRationale[3];
    expect(backendRole).toEqual({
      title: "Backend Engineer",
      company: "Company 3",
      duration: "1 yr",
      relevanceExplanation: "Mentions must-have node.js and postgresql; mentions nice-to-have redis; title matches the role.",
    });
    expect(candidate.detailedExperience[3].highlights).toEqual([
      "Shipped Node.js services.",
      "Tuned PostgreSQL.",
      "Ran Redis.",
    ]);
  });

  it("double quotes inside profile fields never break the citations", () => {
    const profile: TalentProfile = {
      ...strongBackend,
      currentTitle: 'Senior "Backend" Engineer',
      experience: [{ title: "Engineer", company: 'The "Best" Co', startDate: "2015-01", description: 'Said "we run Kubernetes" daily.' }],
    };
    expect(unfoundedCitations(score(backendIcp, profile), profile)).toEqual([]);
  });
});
