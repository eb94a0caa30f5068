import { compileTalentPoolQuery } from "../query/compile-query";
import { searchPool } from "../../talent-pool/store";
import type { CandidateSource, SourceHit, SourceQuery } from "./source";

/** The embedded default: the company's own talent pool, searched with FTS5 in D1. */
export class TalentPoolSource implements CandidateSource {
  readonly name = "talent_pool";
  constructor(private readonly db: D1Database) {}

  async search(q: SourceQuery): Promise<SourceHit[]> {
    const match = compileTalentPoolQuery(q.icp, q.freeText);
    return searchPool(this.db, q.companyId, match, q.limit);
  }
}
