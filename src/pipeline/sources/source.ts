import type { StoredExclusions } from "../exclusions";
import type { Icp } from "../types";

/** What every candidate source is asked: one company's search for one ICP. */
export type SourceQuery = {
  companyId: string;
  icp: Icp;
  freeText: string | undefined; // the caller's `query` override
  limit: number; // how many hits to return at most
  // The request (run, preview) searching: what a paid source's calls and records are counted against.
  runId?: string;
  // The caller's exclusions (digested): a source that buys people drops these before keeping anyone.
  // Every hit is matched against them again afterwards (find-candidates.ts), whatever the source did.
  exclude?: StoredExclusions;
};

export type SourceHit = { profileId: string; linkedinUrl: string | null; emails: string[] };

/** A place candidates come from: the company's talent pool, or an external people-data vendor. */
export interface CandidateSource {
  readonly name: string;
  /**
   * "tenant": the source searches the company's own data (its talent pool), so a failure says something
   * about that company only and its circuit breaker is the company's; "shared": one service for every
   * tenant (a people-data vendor), whose outage is everyone's.
   */
  readonly scope: "tenant" | "shared";
  search(query: SourceQuery, signal: AbortSignal): Promise<SourceHit[]>;
}
