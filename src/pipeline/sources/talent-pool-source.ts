import { compileFactsQuery } from "../query/facts-query";
import { compileTalentPoolQuery } from "../query/compile-query";
import { searchPool } from "../../talent-pool/store";
import { searchPoolByOccupation, searchPoolBySkills } from "../../talent-pool/search-facts";
import type { CandidateSource, SourceHit, SourceQuery } from "./source";

/**
 * The embedded default: the company's own talent pool in D1, searched three ways at once so that a
 * strong candidate with a plain profile is never lost to a keyword-dense one:
 * - by facts: the job's occupation families within its location policy, most skills first;
 * - by skills: anyone with the job's skills within its location policy (titles the model does not know);
 * - by text: FTS5 over the profile text with the ICP's terms or the caller's `query`.
 * Facts and text get the full depth each, skills half of it when the occupation channel runs. Scoring
 * decides; the search only gathers, so the union (deduplicated, facts first) can exceed the depth.
 */
export class TalentPoolSource implements CandidateSource {
  readonly name = "talent_pool";
  readonly scope = "tenant";
  constructor(private readonly db: D1Database) {}

  async search(q: SourceQuery): Promise<SourceHit[]> {
    const facts = compileFactsQuery(q.icp);
    const half = Math.max(1, Math.ceil(q.limit / 2));
    const channels = await Promise.all([
      searchPoolByOccupation(this.db, q.companyId, facts, q.limit),
      searchPoolBySkills(this.db, q.companyId, facts, facts.families.length > 0 ? half : q.limit),
      searchPool(this.db, q.companyId, compileTalentPoolQuery(q.icp, q.freeText), q.limit),
    ]);
    const seen = new Set<string>();
    return channels.flat().filter((hit) => !seen.has(hit.profileId) && seen.add(hit.profileId));
  }
}
