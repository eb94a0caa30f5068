import type { ModelAnswer, ModelFailure } from "../llm/model-call";
import type { ModelClient } from "../llm/model-client";
import type { LlmCallRecord } from "../llm/run-usage";
import { BANDS } from "../score/gates";
import type { Candidate, Icp } from "../types";
import { type CandidateReview, verifyReview } from "./apply-review";
import type { TextSite } from "./profile-text";
import { RerankAnswer } from "./rerank-answer";
import { rerankAskWithin, type ReviewEntry } from "./rerank-prompt";

/**
 * Optional re-ranking (LLM_RERANK_TOP_N): the best candidates past the gates go to the model with the
 * job's policy; what comes back is verified against each profile (apply-review.ts) and returned as
 * reviews by profile id, for the caller to persist before it applies them. Never throws: a failed,
 * invalid or unaffordable call reviews nobody, and the rules' ranking stands.
 */

export type ReviewOutcome = { reviews: Record<string, CandidateReview>; call: LlmCallRecord | null; droppedQuotes: number };

/** Of a best-first list, the first `topN` that passed every gate (a failed gate is final: no review changes it). */
export function reviewable(candidates: readonly Candidate[], topN: number): Candidate[] {
  return candidates.filter((c) => c.matchScore >= BANDS.passFloor).slice(0, topN);
}

/** A model's answer read as verified reviews of the entries it was sent. Pure. */
export function readReviews(answer: ModelAnswer, sent: readonly (ReviewEntry & { profileId: string })[]): { ok: true; reviews: Record<string, CandidateReview>; droppedQuotes: number } | { ok: false; failure: ModelFailure; detail: string } {
  if (!answer.ok) return { ok: false, failure: answer.failure, detail: answer.detail };
  const parsed = RerankAnswer.safeParse(answer.value);
  if (!parsed.success) return { ok: false, failure: "invalid", detail: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  const byKey = new Map(sent.map((e) => [e.key, e]));
  const reviews: Record<string, CandidateReview> = {};
  let droppedQuotes = 0;
  for (const raw of parsed.data.candidates) {
    const entry = byKey.get(raw.id.trim());
    if (!entry || reviews[entry.profileId]) continue; // an id we never sent, or a second review of one candidate
    const { droppedQuotes: dropped, ...review } = verifyReview(raw, entry.sites);
    droppedQuotes += dropped;
    reviews[entry.profileId] = review;
  }
  return { ok: true, reviews, droppedQuotes };
}

export async function reviewCandidates(
  client: ModelClient,
  q: { title: string; icp: Icp; candidates: readonly { candidate: Candidate; sites: readonly TextSite[] }[]; round: number; tokensLeft: number },
): Promise<ReviewOutcome> {
  if (q.candidates.length === 0) return { reviews: {}, call: null, droppedQuotes: 0 };
  const entries = q.candidates.map((x, i) => ({ key: `c${i + 1}`, score: x.candidate.matchScore, sites: x.sites, profileId: x.candidate.profileId }));
  const fitted = rerankAskWithin(q.title, q.icp, entries, q.tokensLeft);
  if (!fitted) {
    return { reviews: {}, call: { step: "rerank", round: q.round, outcome: "over_budget", inputTokens: 0, outputTokens: 0 }, droppedQuotes: 0 };
  }
  const answer = await client.call(fitted.ask);
  const call = { step: "rerank" as const, round: q.round, ...answer.usage };
  const read = readReviews(answer, entries.slice(0, fitted.reviewed));
  if (!read.ok) {
    console.warn(JSON.stringify({ level: "warn", msg: "re-ranking skipped", provider: client.provider, failure: read.failure, detail: read.detail }));
    return { reviews: {}, call: { ...call, outcome: read.failure }, droppedQuotes: 0 };
  }
  if (read.droppedQuotes > 0) console.warn(JSON.stringify({ level: "warn", msg: "re-ranking quotes not in the profile dropped", provider: client.provider, dropped: read.droppedQuotes }));
  return { reviews: read.reviews, call: { ...call, outcome: "answered" }, droppedQuotes: read.droppedQuotes };
}
