import type { ProfileFacts } from "../facts/profile-facts";
import { scoreCandidate } from "../score/score-candidate";
import type { Candidate, Icp, TalentProfile } from "../types";

/**
 * Enrich and score one batch. Each profile is isolated: one that is missing (erased since the
 * search) or throws is reported in `failedProfileIds` — left out and never billed.
 */
export async function scoreProfiles(
  icp: Icp,
  profileIds: string[],
  profiles: { profile: TalentProfile; facts: ProfileFacts }[],
  now = new Date(),
): Promise<{ candidates: Candidate[]; failedProfileIds: string[] }> {
  const byId = new Map(profiles.map((p) => [p.profile.profileId, p]));
  const candidates: Candidate[] = [];
  const failedProfileIds: string[] = [];
  for (const id of profileIds) {
    const found = byId.get(id);
    try {
      if (!found) throw new Error("profile no longer in the pool");
      candidates.push(scoreCandidate(icp, found.profile, found.facts, now));
    } catch (err) {
      console.warn(JSON.stringify({ level: "warn", msg: "profile isolated", profileId: id, error: String(err) }));
      failedProfileIds.push(id);
    }
  }
  return { candidates, failedProfileIds };
}
