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
  search(query: SourceQuery, signal: AbortSignal): Promise<SourceHit[]>;
}
