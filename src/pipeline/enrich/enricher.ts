import type { TalentProfile } from "../types";

/**
 * Enrichment fills in what a source knows only partly. The embedded default has nothing to add:
 * a talent-pool profile is already the company's complete record. People-data vendors plug in here.
 */
export interface Enricher {
  readonly name: string;
  enrich(profile: TalentProfile, signal: AbortSignal): Promise<TalentProfile>;
}

export const embeddedEnricher: Enricher = {
  name: "talent_pool",
  async enrich(profile) {
    return profile;
  },
};

export const ENRICH_TIMEOUT_MS = 10_000; // per profile, as the contract says
