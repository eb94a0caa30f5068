import { BANDS } from "../score/gates";
import { plain } from "../score/quotes";
import { rankOf } from "../score/score-candidate";
import type { Candidate } from "../types";
import type { TextSite } from "./profile-text";
import type { RawReview } from "./rerank-answer";
import { findQuote } from "./verify-quote";

/**
 * How a model's review changes a scored candidate. The rules stay in charge of what they decide:
 * - the adjustment is at most ±MAX_ADJUSTMENT points, rounded;
 * - it needs evidence in its own direction — a raise a verified fit point, a cut a verified red flag —
 *   else it is 0: a model cannot move anyone on a claim the profile does not support;
 * - it moves a candidate only within the score band the gates and evidence placed them in (README
 *   "Score bands"): a model may reorder a band, but never lifts someone over a gap the rules found,
 *   nor pushes anyone into the 0–39 band, which means a hard constraint failed.
 * Points are shown as `<the model's point> ("<the profile's words>")`: the quoted part verbatim profile
 * text, as everywhere in explanations (score-candidate.ts); the model's words outside quotes, with
 * their double quotes made single.
 */

export const MAX_ADJUSTMENT = 10;
const MAX_POINTS = 3;

export type CandidateReview = { adjustment: number; fitPoints: string[]; redFlags: string[] };

function verifiedPoints(points: RawReview["fitPoints"], sites: readonly TextSite[]): string[] {
  const shown: string[] = [];
  for (const p of points) {
    const quote = findQuote(sites, p.quote);
    if (quote !== null) shown.push(`${plain(p.point.trim())} ("${quote}")`);
    if (shown.length === MAX_POINTS) break;
  }
  return shown;
}

/** A review reduced to what the profile supports. */
export function verifyReview(raw: RawReview, sites: readonly TextSite[]): CandidateReview & { droppedQuotes: number } {
  const fitPoints = verifiedPoints(raw.fitPoints, sites);
  const redFlags = verifiedPoints(raw.redFlags, sites);
  const clamped = Math.max(-MAX_ADJUSTMENT, Math.min(MAX_ADJUSTMENT, Math.round(raw.adjustment)));
  const backed = clamped > 0 ? fitPoints.length > 0 : clamped < 0 ? redFlags.length > 0 : true;
  const offered = Math.min(raw.fitPoints.length, MAX_POINTS) + Math.min(raw.redFlags.length, MAX_POINTS);
  return { adjustment: backed ? clamped : 0, fitPoints, redFlags, droppedQuotes: Math.max(0, offered - fitPoints.length - redFlags.length) };
}

/** The band a passing score sits in, as [floor, ceiling]. */
export function bandOfScore(score: number): [number, number] {
  if (score > BANDS.gapCeiling) return [BANDS.gapCeiling + 1, 100];
  if (score > BANDS.neighbourCeiling) return [BANDS.neighbourCeiling + 1, BANDS.gapCeiling];
  if (score >= BANDS.passFloor) return [BANDS.passFloor, BANDS.neighbourCeiling];
  return [0, BANDS.failsGate];
}

export function applyReview(c: Candidate, review: CandidateReview, provider: string): Candidate {
  const [floor, ceiling] = bandOfScore(c.matchScore);
  const matchScore = Math.min(ceiling, Math.max(floor, c.matchScore + review.adjustment));
  const moved = matchScore - c.matchScore;
  const note = moved === 0 ? "" : ` Language-model review (${provider}): ${moved > 0 ? "+" : ""}${moved} points.`;
  return {
    ...c,
    matchScore,
    rationale: `${c.rationale}${note}`,
    aiFitPoints: [...c.aiFitPoints, ...review.fitPoints],
    aiRedFlags: [...c.aiRedFlags, ...review.redFlags],
  };
}

/** Candidates with their reviews applied, best first again (the rank order score-candidate.ts defines). */
export function applyReviews(candidates: readonly Candidate[], reviews: Readonly<Record<string, CandidateReview>>, provider: string): Candidate[] {
  return candidates
    .map((c) => (reviews[c.profileId] ? applyReview(c, reviews[c.profileId], provider) : c))
    .map((c, i) => ({ c, i, rank: rankOf(c) }))
    .sort((a, b) => b.rank - a.rank || a.i - b.i)
    .map((x) => x.c);
}
