import type { PdlConfig } from "../../config";
import { heldVendorRefs, keepVendorRecords, type VendorRecord } from "../../talent-pool/vendor-records";
import { suppressedAmong, suppressionDigests } from "../../talent-pool/vendor-suppressions";
import { applyExclusions, hitDigests } from "../exclusions";
import { recordVendorCall } from "../vendor-usage";
import { searchPeople } from "./pdl/pdl-api";
import { compilePdlSearch } from "./pdl/pdl-query";
import { pdlProfileOf } from "./pdl/pdl-record";
import type { CandidateSource, SourceHit, SourceQuery } from "./source";

export const PDL_ORIGIN = "pdl";
// PDL ids sent as "already held" (must_not): the newest this many, so the request stays small.
const MAX_HELD_REFS = 1000;

/**
 * People Data Labs Person Search as a candidate source. Each call buys at most `searchSize` records
 * (bounded by the run's depth too); they are read into profiles, the caller's exclusions and the
 * company's erasures are dropped, and the rest are kept in the company's talent pool
 * (talent-pool/vendor-records.ts), so the hits are pool profile ids: gated, scored, delivered and
 * erased like anyone imported. People the company already holds are merged by LinkedIn URL or email.
 *
 * Failures are thrown as PdlError with their retry hints; the shared retries, timeouts and breaker
 * (search-sources.ts) decide what happens next. Every call is counted against the run, failed or not.
 */
export class PdlSource implements CandidateSource {
  readonly name = "pdl";
  readonly scope = "shared";
  constructor(
    private readonly db: D1Database,
    private readonly cfg: PdlConfig,
  ) {}

  async search(q: SourceQuery, signal: AbortSignal): Promise<SourceHit[]> {
    const held = await heldVendorRefs(this.db, q.companyId, PDL_ORIGIN, MAX_HELD_REFS);
    const body = compilePdlSearch(q.icp, { size: Math.min(this.cfg.searchSize, q.limit), excludeIds: held });
    if (!body) return [];
    let answer;
    try {
      answer = await searchPeople(this.cfg, body, signal);
    } catch (err) {
      await this.count(q, false, 0);
      throw err;
    }
    await this.count(q, true, answer.creditsSpent);
    // An answer that arrived after the timeout gave up on this call is paid for, but never half-used.
    signal.throwIfAborted();
    const profiles = answer.records.map(pdlProfileOf).filter((p): p is VendorRecord => p !== null);
    if (profiles.length < answer.records.length) {
      console.warn(JSON.stringify({ level: "warn", msg: "pdl records unreadable", runId: q.runId, unreadable: answer.records.length - profiles.length }));
    }
    const wanted = await this.wanted(q, profiles);
    signal.throwIfAborted();
    return keepVendorRecords(this.db, q.companyId, PDL_ORIGIN, wanted);
  }

  /** Records of people the caller excluded, or the company erased, are never kept (they are paid for). */
  private async wanted(q: SourceQuery, records: VendorRecord[]): Promise<VendorRecord[]> {
    const tagged = await Promise.all(records.map(async (r) => {
      const identity = { profileId: r.ref, linkedinUrl: r.profile.linkedinUrl ?? null, emails: r.profile.emails ?? [] };
      const digests = await suppressionDigests(q.companyId, { linkedinUrl: identity.linkedinUrl, emails: identity.emails, vendorRefs: [r.ref] });
      return { ...identity, ...(await hitDigests(q.companyId, identity, q.exclude)), record: r, digests };
    }));
    const suppressed = await suppressedAmong(this.db, q.companyId, tagged.flatMap((t) => t.digests));
    const kept = applyExclusions(tagged.filter((t) => !t.digests.some((d) => suppressed.has(d))), q.exclude, new Set());
    return kept.map((t) => t.record);
  }

  private count(q: SourceQuery, ok: boolean, records: number): Promise<void> {
    if (!q.runId) return Promise.resolve(); // a search outside any request (a test, a tool) bills no one's run
    return recordVendorCall(this.db, { runId: q.runId, companyId: q.companyId, vendor: this.name, operation: "search", ok, records });
  }
}
