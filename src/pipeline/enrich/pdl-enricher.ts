import { nowMs } from "../../clock";
import type { Config, PdlConfig } from "../../config";
import { normalizeEmail } from "../exclusions";
import { readBreaker, writeBreaker } from "../sources/breaker-store";
import { enrichPerson } from "../sources/pdl/pdl-api";
import { emailsOf, PdlPerson } from "../sources/pdl/pdl-record";
import { breakerAfter, breakerAllows, retryAfterOf, withTimeout } from "../sources/resilience";
import type { TalentProfile } from "../types";
import { recordVendorCall } from "../vendor-usage";
import { embeddedEnricher, ENRICH_TIMEOUT_MS, type Enricher } from "./enricher";

// Person Enrichment has its own rate limits at PDL, so its own breaker (source_health key).
export const PDL_ENRICH_BREAKER = "pdl_enrich";
// Inside the contract's 10 s per profile, so a slow PDL still leaves time to answer with the pool's
// record. One attempt: a retry (after a 429's Retry-After) would not fit in that budget; a failure is
// answered with the pool's record and counted by the breaker instead.
export const PDL_ENRICH_TIMEOUT_MS = ENRICH_TIMEOUT_MS - 2_000;
const MAX_EMAILS = 10; // the profile shape's limit

/**
 * Person Enrichment's query for a profile (docs: Input Parameters - Person Enrichment API): its
 * LinkedIn URL and first email when it has them, else its name with its company or place; null when
 * it has nothing PDL could match on. `required=emails` makes a match without emails a 404 — neither
 * bought nor billed, as emails are all this enrichment adds.
 */
export function pdlEnrichParams(profile: TalentProfile, minLikelihood: number): URLSearchParams | null {
  const params = new URLSearchParams();
  if (profile.linkedinUrl) params.set("profile", profile.linkedinUrl);
  const email = profile.emails?.[0];
  if (email) params.set("email", email);
  if (!params.size) {
    const context = profile.currentCompany?.trim() ? ["company", profile.currentCompany] : profile.location?.trim() ? ["location", profile.location] : null;
    if (!context || !profile.fullName.trim()) return null;
    params.set("name", profile.fullName);
    params.set(context[0], context[1]!.trim());
  }
  params.set("min_likelihood", String(minLikelihood));
  params.set("required", "emails");
  return params;
}

/** The profile with the emails added that it does not have yet (its own first), at most MAX_EMAILS. */
export function withEmails(profile: TalentProfile, emails: string[]): TalentProfile {
  const seen = new Set((profile.emails ?? []).map(normalizeEmail));
  const added = emails.filter((e) => !seen.has(normalizeEmail(e)) && seen.add(normalizeEmail(e)));
  return added.length ? { ...profile, emails: [...(profile.emails ?? []), ...added].slice(0, MAX_EMAILS) } : profile;
}

/**
 * POST /sourcing/enrich with People Data Labs: each profile's emails are completed from Person
 * Enrichment. PDL never fails an enrichment: no match, an error, a timeout or an open breaker all
 * answer with the pool's own record (the embedded enrichment), and the vendor usage of the request
 * shows what was called and bought. Emails found are returned in the result, not written to the pool.
 */
export class PdlEnricher implements Enricher {
  readonly name = "pdl";
  constructor(
    private readonly db: D1Database,
    private readonly cfg: PdlConfig,
    private readonly request: { runId: string; companyId: string },
    private readonly opts: { timeoutMs?: number; nowMs?: () => number } = {},
  ) {}

  private now(): number {
    return (this.opts.nowMs ?? nowMs)();
  }

  async enrich(profile: TalentProfile): Promise<TalentProfile> {
    const params = pdlEnrichParams(profile, this.cfg.minLikelihood);
    if (!params) return profile;
    const breaker = await readBreaker(this.db, PDL_ENRICH_BREAKER);
    if (!breakerAllows(breaker, this.now())) return profile;
    try {
      const answer = await withTimeout(this.name, this.opts.timeoutMs ?? PDL_ENRICH_TIMEOUT_MS, async (signal) => {
        try {
          const found = await enrichPerson(this.cfg, params, signal);
          await this.count(true, found?.creditsSpent ?? 0);
          return found;
        } catch (err) {
          await this.count(false, 0);
          throw err;
        }
      });
      if (breaker.consecutiveFailures > 0 || breaker.openedUntil !== null) await writeBreaker(this.db, PDL_ENRICH_BREAKER, breakerAfter(breaker, true, this.now()));
      if (!answer || (answer.likelihood !== null && answer.likelihood < this.cfg.minLikelihood)) return profile;
      const record = PdlPerson.safeParse(answer.record);
      return record.success ? withEmails(profile, emailsOf(record.data)) : profile;
    } catch (err) {
      console.warn(JSON.stringify({ level: "warn", msg: "pdl enrichment failed; pool record kept", runId: this.request.runId, profileId: profile.profileId, error: String(err) }));
      // The pool's record is the answer either way; a breaker that could not be written only means
      // the next profile asks PDL once more.
      await writeBreaker(this.db, PDL_ENRICH_BREAKER, breakerAfter(breaker, false, this.now(), retryAfterOf(err))).catch(() => {});
      return profile;
    }
  }

  private count(ok: boolean, records: number): Promise<void> {
    return recordVendorCall(this.db, { ...this.request, vendor: this.name, operation: "enrich", ok, records });
  }
}

/** The enricher of a POST /sourcing/enrich request: People Data Labs when configured, else the pool's own records. */
export function configuredEnricher(cfg: Config, db: D1Database, request: { runId: string; companyId: string }): Enricher {
  return cfg.pdl ? new PdlEnricher(db, cfg.pdl, request) : embeddedEnricher;
}
