import { scoreCandidate } from "../score/score-candidate";
import type { Candidate, Icp, TalentProfile } from "../types";

/**
 * Enrich and score one batch. Each profile is isolated: one that is missing (erased since the
 * search) or throws is reported in `failedProfileIds` — left out and never billed.
 */
export async function scoreProfiles(
  icp: Icp,
  profileIds: string[],
  profiles: TalentProfile[],
  now = new Date(),
): Promise<{ candidates: Candidate[]; failedProfileIds: string[] }> {
  const byId = new Map(profiles.map((p) => [p.profileId, p]));
  const candidates: Candidate[] = [];
  const failedProfileIds: string[] = [];
  for (const id of profileIds) {
    const profile = byId.get(id);
    try {
      if (!profile) throw new Error("profile no longer in the pool");
      candidates.push(scoreCandidate(icp, profile, now));
    } catch (err) {
      console.warn(JSON.stringify({ level: "warn", msg: "profile isolated", profileId: id, error: String(err) }));
      failedProfileIds.push(id);
    }
  }
  return { candidates, failedProfileIds };
}
