import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import { embeddedEnricher } from "../pipeline/enrich/enricher";
import { outcomeFound } from "../runs/round-end";
import { recordCompletion, recordFailure } from "../runs/run-store";
import { loadProfiles } from "../talent-pool/store";
import { DeliveryOutbox } from "../webhooks/outbox";
import { enrichProfiles } from "./enrich-profiles";

export type EnrichmentAsk = { requestId: string; companyId: string; profileIds: string[]; webhookId: string | null; baseUrl: string };
type Outcome = { status: "completed" | "failed"; enrichedCount: number; failureCount: number };
// "notifying": the outcome is recorded in D1 and kept here, and its webhook is still to be scheduled.
type JobState = EnrichmentAsk & { stage: "enriching" | "notifying" | "done"; outcome?: Outcome };

/**
 * One object per POST /sourcing/enrich request: it enriches the profiles on its alarm, records the
 * results and billing in D1 in one batch, and owes the webhook its ENRICH_* event. Like the run
 * object, it persists before acting and every step can run twice: the outcome is kept before the
 * webhook is owed, so a notification that fails is retried without enriching (or billing) again.
 */
export class EnrichmentJob extends DurableObject<Env> {
  private readonly outbox = new DeliveryOutbox(this.ctx.storage, this.env);

  async start(ask: EnrichmentAsk): Promise<void> {
    if (await this.ctx.storage.get("job")) return;
    await this.ctx.storage.put("job", { ...ask, stage: "enriching" } satisfies JobState);
    await this.ctx.storage.setAlarm(Date.now());
  }

  async alarm(): Promise<void> {
    let job = await this.ctx.storage.get<JobState>("job");
    if (job?.stage === "enriching") job = await this.enrich(job);
    if (job?.stage === "notifying") await this.notify(job);
    await this.outbox.attemptDue();
    const due = await this.outbox.nextDueAt();
    if (due !== null) await this.ctx.storage.setAlarm(due);
  }

  private async enrich(job: JobState): Promise<JobState> {
    const profiles = await loadProfiles(this.env.DB, job.companyId, job.profileIds);
    const outcomes = await enrichProfiles(embeddedEnricher, job.profileIds, profiles, new Date());
    const enriched = outcomes.filter((o) => o.success).length;
    // Position in the request is the order results are read back in; failures are kept too.
    const results = outcomes.map((o, i) => ({ profileId: o.profileId, rank: outcomes.length - i, body: o }));
    const write = enriched === 0
      ? await recordFailure(this.env.DB, {
        runId: job.requestId, companyId: job.companyId, round: 1, endedBy: "run", errorCode: "ENRICHMENT_FAILED", errorMessage: "No profile could be enriched",
        foundCount: job.profileIds.length, scoredCount: 0, results,
      })
      : await recordCompletion(this.env.DB, {
        runId: job.requestId, companyId: job.companyId, round: 1, foundCount: job.profileIds.length, scoredCount: enriched,
        batchesTotal: 0, batchesDone: 0,
        results,
        captured: enriched, // 1 credit per profile enriched
      });
    const owed = job.webhookId ? "notifying" : "done";
    let next: JobState;
    if (write.applied) {
      next = { ...job, stage: owed, outcome: { status: enriched === 0 ? "failed" : "completed", enrichedCount: enriched, failureCount: outcomes.length - enriched } };
    } else {
      // The request was already ended: by an earlier attempt of ours whose reply was lost (its counts
      // are the ones D1 and the ledger hold), or by the route that could not start us (nothing is owed).
      const found = outcomeFound(write.run, 1);
      const run = write.run!;
      next = found.ours
        ? { ...job, stage: owed, outcome: { status: found.status, enrichedCount: run.scoredCount, failureCount: run.foundCount - run.scoredCount } }
        : { ...job, stage: "done" };
    }
    await this.ctx.storage.put("job", next);
    return next;
  }

  private async notify(job: JobState): Promise<void> {
    const { outcome } = job;
    if (job.webhookId && outcome) {
      await this.outbox.schedule("outcome", {
        companyId: job.companyId, webhookId: job.webhookId, runId: job.requestId,
        event: outcome.status === "failed" ? "ENRICH_FAILED" : "ENRICH_COMPLETED",
        data: {
          requestId: job.requestId, status: outcome.status, enrichedCount: outcome.enrichedCount,
          failureCount: outcome.failureCount, resultsUrl: `${job.baseUrl}/sourcing/enrich/${job.requestId}/results`,
        },
      });
    }
    await this.ctx.storage.put("job", { ...job, stage: "done" } satisfies JobState);
  }
}
