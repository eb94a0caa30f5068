import type { Env } from "../env";
import { applyExclusions, digestExclusions, hitDigests, type StoredExclusions } from "./exclusions";
import { configuredSources } from "./sources/registry";
import { searchSources } from "./sources/search-sources";
import type { SourceHit } from "./sources/source";
import type { Icp } from "./types";

/**
 * `reason` is what the run shows (errorMessage, SSE, webhooks): a fixed sentence, as a source's own
 * error text can name tables, hosts or another system's internals. `detail` holds that text for the log.
 */
export type FoundCandidates = { ok: true; hits: SourceHit[] } | { ok: false; reason: string; detail: string };

export const NO_SOURCE_ANSWERED = "No candidate source answered; try again later";

/**
 * Search every configured source for an ICP and drop excluded and already-scored people. `depth` is
 * how many fresh people are wanted; the search looks past the already-scored ones to find them.
 * Fails only when no source answered (a run then fails SOURCE_UNAVAILABLE).
 */
export async function findCandidates(
  env: Env,
  q: {
    companyId: string; icp: Icp; freeText: string | undefined; depth: number; exclude?: StoredExclusions; alreadyScored?: ReadonlySet<string>;
    runId?: string; // the request searching, which a paid source's calls are counted against
  },
): Promise<FoundCandidates> {
  const alreadyScored = q.alreadyScored ?? new Set<string>();
  // Digested again: a no-op for digests, and the match for plain lists a run stored before digests existed.
  // Before the search, so a source that buys people can leave the excluded ones unkept.
  const exclude = await digestExclusions(q.companyId, q.exclude);
  const { hits, outcomes } = await searchSources(env.DB, configuredSources(env), {
    companyId: q.companyId, icp: q.icp, freeText: q.freeText, limit: q.depth + alreadyScored.size, runId: q.runId, exclude,
  });
  if (!outcomes.some((o) => o.ok)) {
    const reasons = outcomes.map((o) => `${o.source}: ${o.error}`).join("; ") || "no source configured";
    return { ok: false, reason: NO_SOURCE_ANSWERED, detail: reasons };
  }
  const digested = await Promise.all(hits.map(async (h) => ({ ...h, ...(await hitDigests(q.companyId, h, exclude)) })));
  const kept = applyExclusions(digested, exclude, alreadyScored);
  return { ok: true, hits: kept.map(({ emailDigests: _e, linkedinUrlDigest: _u, ...hit }) => hit) };
}
