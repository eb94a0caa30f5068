import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import { embeddedEnricher } from "../pipeline/enrich/enricher";
import { recordCompletion, recordFailure } from "../runs/run-store";
import { loadProfiles } from "../talent-pool/store";
import { DeliveryOutbox } from "../webhooks/outbox";
import { enrichProfiles } from "./enrich-profiles";

export type EnrichmentAsk = { requestId: string; companyId: string; profileIds: string[]; webhookId: string | null; baseUrl: string };
type JobState = EnrichmentAsk & { stage: "enriching" | "done" };

/**
 * One object per POST /sourcing/enrich request: it enriches the profiles on its alarm, records the
 * results and billing in D1 in one batch, and owes the webhook its ENRICH_* event. Like the run
 * object, it persists before acting and every step can run twice.
 */
export class EnrichmentJob extends DurableObject<Env> {
  private readonly outbox = new DeliveryOutbox(this.ctx.storage, this.env);

  async start(ask: EnrichmentAsk): Promise<void> {
    if (await this.ctx.storage.get("job")) return;
    await this.ctx.storage.put("job", { ...ask, stage: "enriching" } satisfies JobState);
    await this.ctx.storage.setAlarm(Date.now());
  }

  async alarm(): Promise<void> {
    const job = await this.ctx.storage.get<JobState>("job");
    if (job?.stage === "enriching") await this.enrich(job);
    await this.outbox.attemptDue();
    const due = await this.outbox.nextDueAt();
    if (due !== null) await this.ctx.storage.setAlarm(due);
  }

  private async enrich(job: JobState): Promise<void> {
    const profiles = await loadProfiles(this.env.DB, job.companyId, job.profileIds);
    const outcomes = await enrichProfiles(embeddedEnricher, job.profileIds, profiles, new Date());
    const enriched = outcomes.filter((o) => o.success).length;
    // Position in the request is the order results are read back in; failures are kept too.
    const results = outcomes.map((o, i) => ({ profileId: o.profileId, rank: outcomes.length - i, body: o }));
    if (enriched === 0) {
      await recordFailure(this.env.DB, {
        runId: job.requestId, companyId: job.companyId, round: 1, errorCode: "ENRICHMENT_FAILED", errorMessage: "No profile could be enriched",
        foundCount: job.profileIds.length, scoredCount: 0, results,
      });
    } else {
      await recordCompletion(this.env.DB, {
        runId: job.requestId, companyId: job.companyId, round: 1, foundCount: job.profileIds.length, scoredCount: enriched,
        batchesTotal: 0, batchesDone: 0,
        results,
        captured: enriched, // 1 credit per profile enriched
      });
    }
    if (job.webhookId) {
      await this.outbox.schedule("outcome", {
        companyId: job.companyId, webhookId: job.webhookId, runId: job.requestId,
        event: enriched === 0 ? "ENRICH_FAILED" : "ENRICH_COMPLETED",
        data: {
          requestId: job.requestId, status: enriched === 0 ? "failed" : "completed", enrichedCount: enriched,
          failureCount: outcomes.length - enriched, resultsUrl: `${job.baseUrl}/sourcing/enrich/${job.requestId}/results`,
        },
      });
    }
    await this.ctx.storage.put("job", { ...job, stage: "done" } satisfies JobState);
  }
}
