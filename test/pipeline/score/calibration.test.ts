import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BANDS, calibrate, NEGATIVE_KEYWORD_PENALTY, type Verdicts } from "../../../src/pipeline/score/score-candidate";
import type { GateAssessment } from "../../../src/pipeline/score/gates";
import type { ScoreBreakdown, TalentProfile } from "../../../src/pipeline/types";
import { backendIcp, score, strongBackend } from "./fixtures";

// The bands ranking relies on (score-candidate.ts, README "Score bands"), as plain numbers so a change
// to BANDS cannot silently move what these tests expect.
const FAILS = [0, 39] as const;
const GAPS = [40, 69] as const;
const ONE_GAP = [70, 84] as const;
const STRONG = [85, 100] as const;

const gate = (verdict: GateAssessment["gate"], ceiling?: number): GateAssessment => ({ score: 0, gate: verdict, ceiling, fitPoints: [], redFlags: [] });
const pass = gate("pass");
const fail = gate("fail");
const neighbour = gate("pass", BANDS.neighbourCeiling);
const oneOff = gate("pass", BANDS.gapCeiling);
const unknownPlace = gate("unknown", BANDS.gapCeiling);
const unknownTitle = gate("unknown", BANDS.neighbourCeiling);

const full: ScoreBreakdown = { skills: 100, title: 100, seniority: 100, experience: 100, location: 100 };
const none: ScoreBreakdown = { skills: 0, title: 0, seniority: 0, experience: 0, location: 0 };
const verdicts = (gates: GateAssessment[], missingMustHaves = 0, negativeKeywords = 0): Verdicts => ({ gates, missingMustHaves, negativeKeywords });

describe("calibrate places the fit inside the verdict's band", () => {
  it.each<[string, ScoreBreakdown, Verdicts, number]>([
    ["all passes, full fit → top of the band", full, verdicts([pass, pass, pass]), 100],
    ["all passes, no fit → floor of the band", none, verdicts([pass, pass, pass]), 85],
    ["a failed gate, full fit → the failing ceiling", full, verdicts([fail, pass, pass]), 39],
    ["a failed gate, no fit → 0", none, verdicts([pass, fail, pass]), 0],
    ["one missing must-have, full fit", full, verdicts([pass, pass, pass], 1), 84],
    ["one missing must-have, no fit", none, verdicts([pass, pass, pass], 1), 70],
    ["two missing must-haves, full fit", full, verdicts([pass, pass, pass], 2), 69],
    ["five missing must-haves, no fit", none, verdicts([pass, pass, pass], 5), 40],
    ["a neighbour occupation, full fit", full, verdicts([neighbour, pass, pass]), 69],
    ["one level off, full fit", full, verdicts([pass, oneOff, pass]), 84],
    ["an unknown place, no fit", none, verdicts([pass, pass, unknownPlace]), 70],
    ["an unknown title, full fit", full, verdicts([unknownTitle, pass, pass]), 69],
    ["the lowest ceiling wins", full, verdicts([neighbour, oneOff, unknownPlace], 1), 69],
    // skills 0.45 × 50 + title 0.25 × 100 + 0.12 × 100 + 0.1 × 100 + 0.08 × 100 = 77.5 → 85 + 15 × 0.775
    ["half the skills", { ...full, skills: 50 }, verdicts([pass, pass, pass]), 97],
    // fit 77.5 in 70–84: 70 + 14 × 0.775 = 80.85
    ["half the skills, one gap", { ...full, skills: 50 }, verdicts([pass, pass, pass], 1), 81],
    ["one negative keyword, room to spare", full, verdicts([pass, pass, pass], 0, 1), 100 - NEGATIVE_KEYWORD_PENALTY],
    ["three negative keywords stop at the band floor", full, verdicts([pass, pass, pass], 0, 3), 85],
    ["negative keywords in the failing band stop at 0", none, verdicts([fail, pass, pass], 0, 2), 0],
  ])("%s", (_name, breakdown, v, expected) => {
    expect(calibrate(breakdown, v)).toBe(expected);
  });
});

// Random breakdowns and verdicts for the band properties.
const component = fc.integer({ min: 0, max: 100 });
const breakdownArb = fc.record({ skills: component, title: component, seniority: component, experience: component, location: component });
const passingGate = fc.constantFrom(pass, neighbour, oneOff, unknownPlace, unknownTitle);
const anyGate = fc.constantFrom(pass, fail, neighbour, oneOff, unknownPlace, unknownTitle);
const passingVerdicts = fc
  .record({ gates: fc.array(passingGate, { minLength: 3, maxLength: 3 }), missingMustHaves: fc.integer({ min: 0, max: 6 }), negativeKeywords: fc.integer({ min: 0, max: 4 }) });
const failingVerdicts = fc
  .record({ gates: fc.array(anyGate, { minLength: 2, maxLength: 2 }), missingMustHaves: fc.integer({ min: 0, max: 6 }), negativeKeywords: fc.integer({ min: 0, max: 4 }), at: fc.integer({ min: 0, max: 2 }) })
  .map(({ gates, at, ...rest }) => ({ ...rest, gates: [...gates.slice(0, at), fail, ...gates.slice(at)] }));
const anyVerdicts = fc.record({ gates: fc.array(anyGate, { minLength: 3, maxLength: 3 }), missingMustHaves: fc.integer({ min: 0, max: 6 }), negativeKeywords: fc.integer({ min: 0, max: 4 }) });

const bandOf = (score: number) => [FAILS, GAPS, ONE_GAP, STRONG].find(([low, high]) => score >= low && score <= high);

describe("band properties over random breakdowns", () => {
  it("any failing verdict scores at most 39 and below any passing one", () => {
    fc.assert(
      fc.property(breakdownArb, failingVerdicts, breakdownArb, passingVerdicts, (failedFit, failed, passedFit, passed) => {
        const low = calibrate(failedFit, failed);
        const high = calibrate(passedFit, passed);
        expect(low).toBeLessThanOrEqual(FAILS[1]);
        expect(low).toBeLessThan(high);
      }),
      { numRuns: 500 },
    );
  });

  it("85 or more only when every gate passes without reservation and every must-have is evidenced", () => {
    fc.assert(
      fc.property(breakdownArb, anyVerdicts, (breakdown, v) => {
        const clean = v.gates.every((g) => g.gate === "pass" && g.ceiling === undefined) && v.missingMustHaves === 0;
        expect(calibrate(breakdown, v) >= STRONG[0]).toBe(clean);
      }),
      { numRuns: 500 },
    );
  });

  it("with every gate passing: no gap → 85–100, one missing must-have → 70–84, two or more → 40–69", () => {
    fc.assert(
      fc.property(breakdownArb, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (breakdown, missing, negatives) => {
        const s = calibrate(breakdown, verdicts([pass, pass, pass], missing, negatives));
        expect(bandOf(s)).toBe(missing === 0 ? STRONG : missing === 1 ? ONE_GAP : GAPS);
      }),
      { numRuns: 300 },
    );
  });

  it("a neighbouring occupation never scores above 69, whatever else holds", () => {
    fc.assert(
      fc.property(breakdownArb, fc.integer({ min: 0, max: 6 }), (breakdown, missing) => {
        expect(calibrate(breakdown, verdicts([neighbour, pass, pass], missing))).toBeLessThanOrEqual(GAPS[1]);
        expect(calibrate(breakdown, verdicts([neighbour, pass, pass], missing))).toBeGreaterThanOrEqual(GAPS[0]);
      }),
    );
  });

  it("negative keywords never move a candidate across a band, and never raise a score", () => {
    fc.assert(
      fc.property(breakdownArb, anyVerdicts, fc.integer({ min: 1, max: 6 }), (breakdown, v, negatives) => {
        const clean = calibrate(breakdown, { ...v, negativeKeywords: 0 });
        const penalised = calibrate(breakdown, { ...v, negativeKeywords: negatives });
        expect(bandOf(penalised)).toBe(bandOf(clean));
        expect(penalised).toBeLessThanOrEqual(clean);
      }),
      { numRuns: 500 },
    );
  });

  it("inside a band, a better fit never scores lower", () => {
    fc.assert(
      fc.property(breakdownArb, anyVerdicts, fc.constantFrom<keyof ScoreBreakdown>("skills", "title", "seniority", "experience", "location"), (breakdown, v, key) => {
        const better = { ...breakdown, [key]: Math.min(100, breakdown[key] + 20) };
        expect(calibrate(better, v)).toBeGreaterThanOrEqual(calibrate(breakdown, v));
      }),
    );
  });
});

describe("bands, end to end from profiles", () => {
  const without = (...skills: string[]): TalentProfile => {
    const strip = (text: string | undefined) => skills.reduce((t, s) => t?.replaceAll(s, "Java"), text);
    return {
      ...strongBackend,
      skills: strongBackend.skills!.filter((s) => !skills.includes(s)),
      experience: strongBackend.experience!.map((e) => ({ ...e, description: strip(e.description) })),
    };
  };

  it.each<[string, TalentProfile, readonly [number, number]]>([
    ["every gate passes, every must-have shown", strongBackend, STRONG],
    ["one must-have not shown", without("Kubernetes"), ONE_GAP],
    ["two must-haves not shown", without("Kubernetes", "TypeScript"), GAPS],
    ["three must-haves not shown", without("Kubernetes", "TypeScript", "Node.js"), GAPS],
    ["a neighbouring occupation with every must-have", { ...strongBackend, currentTitle: "Senior Frontend Engineer" }, GAPS],
    ["an adjacent occupation with every must-have", { ...strongBackend, currentTitle: "Senior Platform Engineer" }, GAPS],
    ["one level off", { ...strongBackend, currentTitle: "Principal Backend Engineer" }, ONE_GAP],
    ["another occupation with every must-have", { ...strongBackend, currentTitle: "Engineering Manager" }, FAILS],
    ["outside the location policy", { ...strongBackend, location: "Phoenix, AZ" }, FAILS],
  ])("%s", (_name, p, band) => {
    expect(bandOf(score(backendIcp, p).matchScore)).toBe(band);
  });

  it("the missing must-haves are the ones the profile does not show", () => {
    expect(score(backendIcp, without("Kubernetes")).aiRedFlags).toContain("No evidence of must-have kubernetes");
    // Node.js stands in for TypeScript at a discount: shown, but too weakly to count as evidenced.
    expect(score(backendIcp, without("Kubernetes", "TypeScript")).aiRedFlags).toEqual([
      `Must-have typescript only weakly shown (typescript through related node.js: current role "Senior Backend Engineer" at Stripe (5 yrs 4 mos))`,
      "No evidence of must-have kubernetes",
    ]);
  });

  it("a failed gate with a perfect profile still ranks below a passing candidate with real gaps", () => {
    const failedButPerfect = score(backendIcp, { ...strongBackend, location: "Phoenix, AZ" });
    const passingWithGaps = score(backendIcp, without("Kubernetes", "TypeScript", "Node.js"));
    expect(failedButPerfect.matchScore).toBeLessThan(passingWithGaps.matchScore);
  });

  it("negative keywords cost points within the band of a real profile", () => {
    const clean = score(backendIcp, without("Kubernetes"));
    const flagged = score(backendIcp, { ...without("Kubernetes"), summary: "Former recruiter and intern." });
    expect(bandOf(flagged.matchScore)).toBe(ONE_GAP);
    expect(flagged.matchScore).toBeLessThan(clean.matchScore);
  });
});
