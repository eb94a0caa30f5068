import type { Icp } from "../types";

/** What every candidate source is asked: one company's search for one ICP. */
export type SourceQuery = {
  companyId: string;
  icp: Icp;
  freeText: string | undefined; // the caller's `query` override
  limit: number; // how many hits to return at most
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
