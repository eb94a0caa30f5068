import type { Env } from "../env";
import { findCandidates } from "../pipeline/find-candidates";
import { previewCredits, toPreviewCandidate } from "../pipeline/preview-candidate";
import { loadProfiles } from "../talent-pool/store";
import type { JobAsk } from "./job-ask";
import { outcomeFound } from "./round-end";
import { previewIcp } from "./run-llm";
import { recordCompletion, recordFailure } from "./run-store";

export type PreviewAsk = JobAsk & { runId: string; companyId: string };

/**
 * A preview is a search only (ICP → query → sources, no enrichment), short enough to run inside
 * the request. It ends completed (charging the contract's ceil(limit / 20) credits) or failed (charging
 * nothing) — never left processing with its credits held, and never both: the failure path writes
 * nothing over a completion that committed although its call threw (run-store stillProcessing).
 */
export async function runPreview(env: Env, a: PreviewAsk): Promise<void> {
  const fail = (errorCode: "SOURCE_UNAVAILABLE" | "INTERNAL_ERROR", errorMessage: string) =>
    recordFailure(env.DB, { runId: a.runId, companyId: a.companyId, round: 1, endedBy: "run", errorCode, errorMessage });
  try {
    // The configured ICP agent (a model call of up to LLM_TIMEOUT_MS when one is set; the rules otherwise).
    const icp = await previewIcp(env, a.runId, { title: a.title, jobDescription: a.jobDescription, location: a.location, query: a.query });
    const found = await findCandidates(env, { companyId: a.companyId, icp, freeText: a.query, depth: a.limit, exclude: a.exclude, runId: a.runId });
    if (!found.ok) {
      console.error(JSON.stringify({ level: "error", msg: "preview search failed", runId: a.runId, detail: found.detail }));
      await fail("SOURCE_UNAVAILABLE", found.reason);
      return;
    }
    const ids = found.hits.slice(0, a.limit).map((h) => h.profileId);
    const byId = new Map((await loadProfiles(env.DB, a.companyId, ids)).map((p) => [p.profileId, p]));
    const candidates = ids.flatMap((id) => (byId.has(id) ? [toPreviewCandidate(byId.get(id)!)] : []));
    await recordCompletion(env.DB, {
      runId: a.runId, companyId: a.companyId, round: 1, foundCount: candidates.length, scoredCount: 0, batchesTotal: 0, batchesDone: 0,
      results: candidates.map((p, i) => ({ profileId: p.profileId, rank: candidates.length - i, body: p })),
      fromPool: true, // an erase racing the preview is not written back (its price is per page, not per person)
      captured: previewCredits(a.limit), // the contract's price: ceil(limit / 20), whatever the pool held
      icp,
    });
  } catch (err) {
    const write = await fail("INTERNAL_ERROR", "The preview could not be completed");
    // The completion committed before its reply was lost: the preview is complete, as D1 says.
    if (!write.applied && outcomeFound(write.run, 1).status === "completed") return;
    throw err;
  }
}
