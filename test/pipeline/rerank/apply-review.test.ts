// How a model's review changes a scored candidate: bounded, backed by verified evidence, within its band.
import { describe, expect, it } from "vitest";
import { applyReview, applyReviews, bandOfScore, MAX_ADJUSTMENT, verifyReview } from "../../../src/pipeline/rerank/apply-review";
import type { TextSite } from "../../../src/pipeline/rerank/profile-text";
import { readReviews, reviewable } from "../../../src/pipeline/rerank/review-candidates";
import { rerankAsk, rerankAskWithin } from "../../../src/pipeline/rerank/rerank-prompt";
import { estimatedInputTokens } from "../../../src/pipeline/llm/run-usage";
import { deriveIcp } from "../../../src/pipeline/icp/derive-icp";
import type { Candidate } from "../../../src/pipeline/types";
import { validJob } from "../../helpers";

const sites: TextSite[] = [
  { where: "summary", text: "Ran PostgreSQL clusters for a payments company; on call for the ledger." },
  { where: "role 1 description", text: "Wrote Node.js services handling 5k requests per second." },
];
const fit = (point: string, quote: string) => ({ point, quote });

function candidate(id: string, matchScore: number, skills = 80): Candidate {
  return {
    profileId: id, name: id, linkedinUrl: null, matchScore, rationale: `Good match at ${matchScore}/100.`, skills: [], headline: null, location: null,
    currentCompany: null, currentRole: null, aiFitPoints: ["Names must-have node.js"], aiRedFlags: [], aiDetailedRationale: [], detailedExperience: [], emails: [],
    scoreBreakdown: { skills, title: 80, seniority: 80, experience: 80, location: 80 },
  };
}

describe("verifying a review", () => {
  it.each([
    { name: "a raise backed by a verified fit point stands", raw: { adjustment: 6, fitPoints: [fit("Runs Postgres at scale", "Ran PostgreSQL clusters")], redFlags: [] }, want: { adjustment: 6, fitPoints: 1, redFlags: 0, dropped: 0 } },
    { name: "a raise whose quote is invented is dropped with it", raw: { adjustment: 8, fitPoints: [fit("Led a team of 20", "led a team of 20 engineers")], redFlags: [] }, want: { adjustment: 0, fitPoints: 0, redFlags: 0, dropped: 1 } },
    { name: "a cut needs a verified red flag, not a fit point", raw: { adjustment: -5, fitPoints: [fit("Node.js", "Wrote Node.js services")], redFlags: [] }, want: { adjustment: 0, fitPoints: 1, redFlags: 0, dropped: 0 } },
    { name: "a cut backed by a verified red flag stands", raw: { adjustment: -4, fitPoints: [], redFlags: [fit("Mostly on-call work", "on call for the ledger")] }, want: { adjustment: -4, fitPoints: 0, redFlags: 1, dropped: 0 } },
    { name: "an adjustment past the bound is clamped", raw: { adjustment: 45, fitPoints: [fit("Scale", "5k requests per second")], redFlags: [] }, want: { adjustment: MAX_ADJUSTMENT, fitPoints: 1, redFlags: 0, dropped: 0 } },
    { name: "and past the lower bound too", raw: { adjustment: -99, fitPoints: [], redFlags: [fit("x", "on call for the ledger")] }, want: { adjustment: -MAX_ADJUSTMENT, fitPoints: 0, redFlags: 1, dropped: 0 } },
    { name: "a fraction is rounded", raw: { adjustment: 2.6, fitPoints: [fit("x", "Wrote Node.js services")], redFlags: [] }, want: { adjustment: 3, fitPoints: 1, redFlags: 0, dropped: 0 } },
    { name: "at most three points of each kind", raw: { adjustment: 0, fitPoints: Array.from({ length: 5 }, () => fit("x", "Wrote Node.js services")), redFlags: [] }, want: { adjustment: 0, fitPoints: 3, redFlags: 0, dropped: 0 } },
  ])("$name", ({ raw, want }) => {
    const got = verifyReview({ id: "c1", ...raw }, sites);
    expect({ adjustment: got.adjustment, fitPoints: got.fitPoints.length, redFlags: got.redFlags.length, dropped: got.droppedQuotes }).toEqual(want);
  });

  it("shows the model's point with the profile's own words in quotes, the point's own double quotes made single", () => {
    const got = verifyReview({ id: "c1", adjustment: 1, fitPoints: [fit('Knows "Postgres"', "ran postgresql clusters")], redFlags: [] }, sites);
    expect(got.fitPoints).toEqual(["Knows 'Postgres' (\"Ran PostgreSQL clusters\")"]);
  });
});

describe("applying reviews", () => {
  it.each([
    { score: 88, adjustment: 10, want: 98 },
    { score: 95, adjustment: 10, want: 100 },
    { score: 86, adjustment: -10, want: 85 }, // never below its band (85–100: every must-have evidenced)
    { score: 80, adjustment: 10, want: 84 }, // never over the gap the rules found (70–84)
    { score: 72, adjustment: -5, want: 70 },
    { score: 45, adjustment: -10, want: 40 }, // never into 0–39, which means a hard constraint failed
    { score: 60, adjustment: 0, want: 60 },
  ])("$score $adjustment → $want", ({ score, adjustment, want }) => {
    const got = applyReview(candidate("a", score), { adjustment, fitPoints: [], redFlags: [] }, "openai");
    expect(got.matchScore).toBe(want);
    expect(bandOfScore(got.matchScore)).toEqual(bandOfScore(score));
  });

  it("adds the verified points after the rules' and says what moved in the rationale", () => {
    const got = applyReview(candidate("a", 88), { adjustment: 4, fitPoints: ['Scale ("5k requests per second")'], redFlags: ['On call ("on call for the ledger")'] }, "openai");
    expect(got.aiFitPoints).toEqual(["Names must-have node.js", 'Scale ("5k requests per second")']);
    expect(got.aiRedFlags).toEqual(['On call ("on call for the ledger")']);
    expect(got.rationale).toBe("Good match at 88/100. Language-model review (openai): +4 points.");
    expect(applyReview(candidate("a", 88), { adjustment: 0, fitPoints: [], redFlags: [] }, "openai").rationale).toBe("Good match at 88/100.");
  });

  it("re-sorts best first; the unreviewed keep their places relative to each other", () => {
    const list = [candidate("a", 90), candidate("b", 89), candidate("c", 88), candidate("d", 70)];
    const got = applyReviews(list, { c: { adjustment: 5, fitPoints: ["x"], redFlags: [] }, a: { adjustment: -3, fitPoints: [], redFlags: ["y"] } }, "openai");
    expect(got.map((c) => `${c.profileId}:${c.matchScore}`)).toEqual(["c:93", "b:89", "a:87", "d:70"]);
  });

  it("only candidates past the gates are reviewed, best first, at most top N", () => {
    const list = [candidate("a", 90), candidate("b", 35), candidate("c", 70), candidate("d", 41), candidate("e", 40)];
    expect(reviewable(list, 3).map((c) => c.profileId)).toEqual(["a", "c", "d"]);
  });
});

describe("reading the model's reviews", () => {
  const sent = [
    { key: "c1", score: 88, sites, profileId: "prof_a" },
    { key: "c2", score: 80, sites, profileId: "prof_b" },
  ];
  const usage = { inputTokens: 3000, outputTokens: 400 };

  it("keys reviews by profile id, ignores ids never sent and second reviews of one candidate", () => {
    const answer = { ok: true as const, usage, value: { candidates: [
      { id: "c1", adjustment: 3, fitPoints: [fit("Scale", "5k requests per second")], redFlags: [] },
      { id: "c9", adjustment: 10, fitPoints: [], redFlags: [] },
      { id: "c1", adjustment: -10, fitPoints: [], redFlags: [fit("x", "on call for the ledger")] },
      { id: " c2 ", adjustment: 5, fitPoints: [fit("Invented", "ten years at Google")], redFlags: [] },
    ] } };
    const got = readReviews(answer, sent);
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(Object.keys(got.reviews).sort()).toEqual(["prof_a", "prof_b"]);
    expect(got.reviews.prof_a.adjustment).toBe(3);
    expect(got.reviews.prof_b).toEqual({ adjustment: 0, fitPoints: [], redFlags: [] }); // its only point was invented
    expect(got.droppedQuotes).toBe(1);
  });

  it.each([
    { name: "no candidates field", value: { reviews: [] } },
    { name: "an adjustment as text", value: { candidates: [{ id: "c1", adjustment: "+5", fitPoints: [], redFlags: [] }] } },
    { name: "a point without a quote", value: { candidates: [{ id: "c1", adjustment: 1, fitPoints: [{ point: "x" }], redFlags: [] }] } },
  ])("$name → invalid, nobody reviewed", ({ value }) => {
    expect(readReviews({ ok: true, usage, value }, sent)).toMatchObject({ ok: false, failure: "invalid" });
  });
});

describe("the re-ranking request", () => {
  const icp = deriveIcp(validJob);
  const entries = Array.from({ length: 10 }, (_, i) => ({ key: `c${i + 1}`, score: 90 - i, sites }));

  it("sends the job policy and each profile under its short id, never our profile ids", () => {
    const ask = rerankAsk(validJob.title, icp, entries.slice(0, 2));
    const doc = JSON.parse(ask.user);
    expect(doc.job).toMatchObject({ title: validJob.title, mustHaveSkills: icp.mustHaveSkills, seniorityRange: icp.seniorityRange });
    expect(doc.candidates.map((c: { id: string }) => c.id)).toEqual(["c1", "c2"]);
    expect(doc.candidates[0].profile).toContain("summary: Ran PostgreSQL clusters");
    expect(ask.maxOutputTokens).toBe(100 + 220 * 2);
  });

  it("fits as many of the best as the run's tokens allow", () => {
    const all = rerankAsk(validJob.title, icp, entries);
    const need = estimatedInputTokens(all) + all.maxOutputTokens;
    expect(rerankAskWithin(validJob.title, icp, entries, need)?.reviewed).toBe(10);
    const fewer = rerankAskWithin(validJob.title, icp, entries, need - 1000);
    expect(fewer!.reviewed).toBeLessThan(10);
    expect(fewer!.reviewed).toBeGreaterThan(0);
    expect(rerankAskWithin(validJob.title, icp, entries, 100)).toBeNull();
  });
});
