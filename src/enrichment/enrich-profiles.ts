import { enrichedProfile, type EnrichedProfile } from "../pipeline/enrich/enriched-profile";
import { ENRICH_TIMEOUT_MS, type Enricher } from "../pipeline/enrich/enricher";
import { withTimeout } from "../pipeline/sources/resilience";
import type { TalentProfile } from "../pipeline/types";

export type EnrichOutcome =
  | { profileId: string; success: true; candidate: EnrichedProfile }
  | { profileId: string; success: false; candidate: null; errorCode: "RESOURCE_NOT_FOUND" | "ENRICHMENT_FAILED"; error: string };

/** Enrich each requested profile on its own, in request order; one failing never fails the others. */
export async function enrichProfiles(
  enricher: Enricher,
  profileIds: string[],
  profiles: TalentProfile[],
  now: Date,
  timeoutMs = ENRICH_TIMEOUT_MS,
): Promise<EnrichOutcome[]> {
  const byId = new Map(profiles.map((p) => [p.profileId, p]));
  return Promise.all(
    profileIds.map(async (profileId): Promise<EnrichOutcome> => {
      const profile = byId.get(profileId);
      if (!profile) return { profileId, success: false, candidate: null, errorCode: "RESOURCE_NOT_FOUND", error: "Profile not found" };
      try {
        const enriched = await withTimeout(enricher.name, timeoutMs, (signal) => enricher.enrich(profile, signal));
        return { profileId, success: true, candidate: enrichedProfile(enriched, now) };
      } catch (err) {
        return { profileId, success: false, candidate: null, errorCode: "ENRICHMENT_FAILED", error: err instanceof Error ? err.message : String(err) };
      }
    }),
  );
}
