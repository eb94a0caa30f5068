import { readConfig } from "../config";
import type { Env } from "../env";
import type { JobToProfile } from "../pipeline/icp/derive-icp";
import { icpAgentFor } from "../pipeline/icp/agents/icp-agent";
import { modelClientFor } from "../pipeline/llm/model-client";
import { emptyUsage, type LlmCallRecord, type LlmUsage, tokensLeft, withCall } from "../pipeline/llm/run-usage";
import { applyReviews, type CandidateReview } from "../pipeline/rerank/apply-review";
import { candidateSites, profileSites } from "../pipeline/rerank/profile-text";
import { reviewable, reviewCandidates } from "../pipeline/rerank/review-candidates";
import { type Candidate, Icp } from "../pipeline/types";
import { loadProfiles } from "../talent-pool/store";
import { recordLlmUsage } from "./llm-usage-store";

/**
 * What a sourcing run's object asks of the language model, and how it keeps the answers: the ICP of
 * each round and the reviews of each round are stored in the object together with the tokens they
 * cost (one storage put) before anything else happens, so a step retried after a restart or a failed
 * D1 write reads them back instead of paying for them twice. The D1 mirror of the spend (llmUsage on
 * GET /sourcing/{id}) is written after, and again by any retry, since it is the same whole object.
 */

const USAGE_KEY = "llm:usage";

type RunRound = { runId: string; round: number };

/** Nothing spent yet, against the cap; null when no model is configured. */
function freshUsage(env: Env): LlmUsage | null {
  const cfg = readConfig(env).llm;
  const client = modelClientFor(cfg, env);
  return client ? emptyUsage(client, cfg.maxTokensPerRun) : null;
}

async function usageSoFar(storage: DurableObjectStorage, env: Env): Promise<LlmUsage | null> {
  return (await storage.get<LlmUsage>(USAGE_KEY)) ?? freshUsage(env);
}

const withRecorded = (usage: LlmUsage | null, call: LlmCallRecord | null) => (usage && call ? withCall(usage, call) : usage);

/** The round's ICP: the one stored, else the configured agent's (the rules when no model answers), stored before it is returned. */
export async function icpOfRound(storage: DurableObjectStorage, env: Env, r: RunRound, job: JobToProfile): Promise<Icp> {
  const stored = await storage.get<Icp>(`icp:${r.round}`);
  if (stored) {
    await mirrorUsage(storage, env, r.runId);
    return Icp.parse(stored);
  }
  const before = await usageSoFar(storage, env);
  const { icp, call } = await icpAgentFor(env).derive(job, { round: r.round, tokensLeft: before ? tokensLeft(before) : 0 });
  const after = withRecorded(before, call);
  await storage.put({ [`icp:${r.round}`]: icp, ...(after ? { [USAGE_KEY]: after } : {}) });
  await mirrorUsage(storage, env, r.runId);
  return icp;
}

/**
 * The round's delivery from its eligible candidates (best first, as stored JSON): the best `limit`,
 * after the model's review of the best LLM_RERANK_TOP_N past the gates when it is on. Reviews are
 * stored per round; a retried rank step applies the stored ones.
 */
export async function shortlistOfRound(
  storage: DurableObjectStorage,
  env: Env,
  r: RunRound & { companyId: string; title: string; icp: Icp },
  eligible: readonly string[],
  limit: number,
): Promise<Candidate[]> {
  const cfg = readConfig(env).llm;
  const client = cfg.rerankTopN > 0 ? modelClientFor(cfg, env) : null;
  // Only the reviewed can move, and only down past the cut: the next `rerankTopN` are all that can take their places.
  const window = eligible.slice(0, limit + (client ? cfg.rerankTopN : 0)).map((json) => JSON.parse(json) as Candidate);
  if (!client) return window.slice(0, limit);
  let reviews = await storage.get<Record<string, CandidateReview>>(`reviews:${r.round}`);
  if (!reviews) {
    const top = reviewable(window, cfg.rerankTopN);
    const profiles = new Map((await loadProfiles(env.DB, r.companyId, top.map((c) => c.profileId))).map((p) => [p.profileId, p]));
    const before = (await usageSoFar(storage, env))!;
    const outcome = await reviewCandidates(client, {
      title: r.title, icp: r.icp, round: r.round, tokensLeft: tokensLeft(before),
      candidates: top.map((c) => ({ candidate: c, sites: profiles.has(c.profileId) ? profileSites(profiles.get(c.profileId)!) : candidateSites(c) })),
    });
    reviews = outcome.reviews;
    await storage.put({ [`reviews:${r.round}`]: reviews, [USAGE_KEY]: withRecorded(before, outcome.call)! });
  }
  await mirrorUsage(storage, env, r.runId);
  return applyReviews(window, reviews, client.provider).slice(0, limit);
}

async function mirrorUsage(storage: DurableObjectStorage, env: Env, runId: string): Promise<void> {
  const usage = await storage.get<LlmUsage>(USAGE_KEY);
  if (usage) await recordLlmUsage(env.DB, runId, usage);
}

/**
 * A preview's ICP (POST /sourcing/preview runs inside its request, with no object to keep it): the
 * configured agent's, with what it cost written to the preview's row.
 */
export async function previewIcp(env: Env, runId: string, job: JobToProfile): Promise<Icp> {
  const before = freshUsage(env);
  const { icp, call } = await icpAgentFor(env).derive(job, { round: 1, tokensLeft: before ? tokensLeft(before) : 0 });
  const after = withRecorded(before, call);
  if (after && call) await recordLlmUsage(env.DB, runId, after);
  return icp;
}
