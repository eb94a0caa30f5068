import type { CandidateSource, SourceHit, SourceQuery } from "./source";
import { readBreaker, writeBreaker } from "./breaker-store";
import { breakerAfter, breakerAllows, retryAfterOf, SOURCE_RETRIES, SOURCE_TIMEOUT_MS, withRetries, withTimeout } from "./resilience";

/**
 * The breaker a call goes through: one per source for a shared service, one per source and company for
 * a tenant-scoped one, so one tenant's broken pool never opens the breaker on everyone's runs.
 */
export function breakerKey(source: Pick<CandidateSource, "name" | "scope">, companyId: string): string {
  return source.scope === "tenant" ? `${source.name}@${companyId}` : source.name;
}

export type SourceOutcome = { source: string; ok: boolean; hits: SourceHit[]; error?: string };

export type SearchOptions = { timeoutMs?: number; retries?: number; nowMs?: () => number };

/** Ask every source (in parallel) behind its breaker; merge hits, first source first, without duplicates. */
export async function searchSources(
  db: D1Database,
  sources: CandidateSource[],
  query: SourceQuery,
  opts: SearchOptions = {},
): Promise<{ hits: SourceHit[]; outcomes: SourceOutcome[] }> {
  const now = opts.nowMs ?? Date.now;
  const outcomes = await Promise.all(
    sources.map(async (source): Promise<SourceOutcome> => {
      const key = breakerKey(source, query.companyId);
      const breaker = await readBreaker(db, key);
      if (!breakerAllows(breaker, now())) return { source: source.name, ok: false, hits: [], error: "circuit open" };
      try {
        const hits = await withRetries(opts.retries ?? SOURCE_RETRIES, () =>
          withTimeout(source.name, opts.timeoutMs ?? SOURCE_TIMEOUT_MS, (signal) => source.search(query, signal)),
        );
        if (breaker.consecutiveFailures > 0 || breaker.openedUntil !== null) await writeBreaker(db, key, breakerAfter(breaker, true, now()));
        return { source: source.name, ok: true, hits };
      } catch (err) {
        // A source that said when to come back (Retry-After, out of credits) is left alone that long.
        await writeBreaker(db, key, breakerAfter(breaker, false, now(), retryAfterOf(err)));
        return { source: source.name, ok: false, hits: [], error: err instanceof Error ? err.message : String(err) };
      }
    }),
  );
  const seen = new Set<string>();
  const hits = outcomes.flatMap((o) => o.hits).filter((h) => !seen.has(h.profileId) && seen.add(h.profileId));
  return { hits, outcomes };
}
