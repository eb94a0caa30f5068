import { DurableObject } from "cloudflare:workers";
import { readConfig } from "../config";
import type { Env } from "../env";
import { configuredEnricher } from "../pipeline/enrich/pdl-enricher";
import { outcomeFound, type TerminalWrite } from "../runs/round-end";
import { type Delivery, recordCompletion, recordFailure } from "../runs/run-store";
import { loadProfiles } from "../talent-pool/store";
import { DeliveryOutbox } from "../webhooks/outbox";
import { enrichProfiles } from "./enrich-profiles";

export type EnrichmentAsk = { requestId: string; companyId: string; profileIds: string[]; webhookId: string | null; baseUrl: string };
type Outcome = { status: "completed" | "failed"; enrichedCount: number; failureCount: number };
// "notifying": the outcome is recorded in D1 and kept here, and its webhook is still to be scheduled.
type JobState = EnrichmentAsk & {
  stage: "enriching" | "notifying" | "done";
  outcome?: Outcome;
  // ms epoch: a job still enriching then gives up and fails. Absent from jobs stored before it: the
  // failure budget alone bounds them.
  deadlineAt?: number;
};

/** What the reconciler is told about the job (null: the object holds none). */
export type EnrichmentJobStatus = { stage: JobState["stage"] };

// An alarm step that throws is retried this often (with backoff) before the job gives up: the
// enrichment fails, or the webhook of a recorded outcome is given up (the outcome is in D1 for polling).
// Like SourcingRun's MAX_STEP_FAILURES: a throwing alarm is otherwise retried by the platform a few
// times and then never again, which would hold the request's credits reserved for good.
const MAX_STEP_FAILURES = 5;
const MAX_BACKOFF_EXPONENT = 6; // 2^6 s: a give-up that cannot reach D1 is tried about once a minute
const GAVE_UP = { errorCode: "INTERNAL_ERROR", errorMessage: "The enrichment could not be completed" } as const;
// Storage keys of the step's retry budget: failures so far, and when (ms epoch) the step is due again.
const STEP_FAILURES = "stepFailures";
const STEP_RETRY_AT = "stepRetryAt";

/**
 * One object per POST /sourcing/enrich request: it enriches the profiles on its alarm, records the
 * results and billing in D1 in one batch, and owes the webhook its ENRICH_* event. Like the run
 * object, it persists before acting and every step can run twice: the outcome is kept before the
 * webhook is owed, so a notification that fails is retried without enriching (or billing) again.
 * A step that keeps failing, or a job past its deadline, ends the request failed through the same
 * guarded terminal write (run-store recordFailure), so its credits are released exactly once.
 */
export class EnrichmentJob extends DurableObject<Env> {
  private readonly outbox = new DeliveryOutbox(this.ctx.storage, this.env);

  /** Begin the job. Calling it again only re-arms its alarm (a retried request, the reconciler). */
  async start(ask: EnrichmentAsk): Promise<void> {
    if (await this.job()) return this.armAlarm();
    const job: JobState = { ...ask, stage: "enriching", deadlineAt: Date.now() + readConfig(this.env).runDeadlineMs };
    await this.ctx.storage.put("job", job);
    await this.ctx.storage.setAlarm(Date.now());
  }

  async status(): Promise<EnrichmentJobStatus | null> {
    const job = await this.job();
    return job ? { stage: job.stage } : null;
  }

  /** The reconciler's poke: arm the alarm for whatever is still due. Safe to repeat. */
  async rearm(): Promise<void> {
    await this.armAlarm();
  }

  /** Retention: forget the job entirely (its request, outcome and webhook tombstones). */
  async purgeStorage(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }

  async alarm(): Promise<void> {
    const job = await this.job();
    if (job && job.stage !== "done" && (await this.stepDue())) await this.runStep(job);
    await this.outbox.attemptDue();
    await this.armAlarm();
  }

  /**
   * The job's one step, never thrown out of the alarm: a failure is counted and the step retried
   * after a backoff. Once the budget is spent (or the deadline has passed) the step that runs is the
   * give-up itself, which is retried the same way until D1 takes it.
   */
  private async runStep(job: JobState): Promise<void> {
    // Failures of the stage the job is in: a stage it moves on to starts with the whole budget.
    let failures = (await this.ctx.storage.get<number>(STEP_FAILURES)) ?? 0;
    let stage = job.stage;
    try {
      let next = job;
      if (next.stage === "enriching") {
        const outOfTime = next.deadlineAt !== undefined && Date.now() >= next.deadlineAt;
        next = failures >= MAX_STEP_FAILURES || outOfTime ? await this.giveUp(next) : await this.enrich(next);
        if (next.stage !== stage) {
          [stage, failures] = [next.stage, 0];
          await this.ctx.storage.delete([STEP_FAILURES, STEP_RETRY_AT]);
        }
      }
      if (next.stage === "notifying") {
        if (failures >= MAX_STEP_FAILURES) await this.giveUpWebhook(next);
        else await this.notify(next);
      }
      await this.ctx.storage.delete([STEP_FAILURES, STEP_RETRY_AT]);
    } catch (err) {
      const count = failures + 1;
      console.error(JSON.stringify({ level: "error", msg: "enrichment step failed", requestId: job.requestId, stage, failures: count, error: String(err) }));
      await this.ctx.storage.put({ [STEP_FAILURES]: count, [STEP_RETRY_AT]: Date.now() + 1000 * 2 ** Math.min(count, MAX_BACKOFF_EXPONENT) });
    }
  }

  private async stepDue(): Promise<boolean> {
    const retryAt = await this.ctx.storage.get<number>(STEP_RETRY_AT);
    return retryAt === undefined || retryAt <= Date.now();
  }

  /** One alarm means "the next thing due": the job's step (now, or after its backoff) or a webhook attempt. */
  private async armAlarm(): Promise<void> {
    const job = await this.job();
    const stepAt = job && job.stage !== "done" ? ((await this.ctx.storage.get<number>(STEP_RETRY_AT)) ?? Date.now()) : null;
    const due = [stepAt, await this.outbox.nextDueAt()].filter((t): t is number => t !== null);
    if (due.length === 0) return this.ctx.storage.deleteAlarm();
    const at = Math.min(...due);
    if ((await this.ctx.storage.getAlarm()) !== at) await this.ctx.storage.setAlarm(at);
  }

  private async job(): Promise<JobState | undefined> {
    return this.ctx.storage.get<JobState>("job");
  }

  private async enrich(job: JobState): Promise<JobState> {
    const profiles = await loadProfiles(this.env.DB, job.companyId, job.profileIds);
    // People Data Labs completes the emails when configured (its calls counted against this request).
    const enricher = configuredEnricher(readConfig(this.env), this.env.DB, { runId: job.requestId, companyId: job.companyId });
    const outcomes = await enrichProfiles(enricher, job.profileIds, profiles, new Date());
    const enriched = outcomes.filter((o) => o.success).length;
    // Position in the request is the order results are read back in; failures are kept too.
    const results: Delivery["results"] = outcomes.map((o, i) => ({ profileId: o.profileId, rank: outcomes.length - i, body: o }));
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
    return this.settle(job, write, { status: enriched === 0 ? "failed" : "completed", enrichedCount: enriched, failureCount: outcomes.length - enriched });
  }

  /**
   * The job cannot finish: fail the request, releasing its credits. Written without per-profile
   * results (whatever kept failing may be writing them), through the same guard as every terminal
   * write: if the request already ended (an enrichment of ours that committed unseen, or the route),
   * that outcome stands and this writes nothing.
   */
  private async giveUp(job: JobState): Promise<JobState> {
    console.error(JSON.stringify({ level: "error", msg: "enrichment gave up", requestId: job.requestId }));
    const write = await recordFailure(this.env.DB, {
      runId: job.requestId, companyId: job.companyId, round: 1, endedBy: "run", ...GAVE_UP, foundCount: job.profileIds.length, scoredCount: 0,
    });
    return this.settle(job, write, { status: "failed", enrichedCount: 0, failureCount: job.profileIds.length });
  }

  /** Keep what the terminal write found, before any webhook is owed for it. */
  private async settle(job: JobState, write: TerminalWrite, ours: Outcome): Promise<JobState> {
    const owed = job.webhookId ? "notifying" : "done";
    let next: JobState;
    if (write.applied) {
      next = { ...job, stage: owed, outcome: ours };
    } else {
      // The request was already ended: by an earlier attempt of ours whose reply was lost (its counts
      // are the ones D1 and the ledger hold), or by a request that could not hand it over to us or a
      // reconciler that found it stuck (then nothing is owed).
      const found = outcomeFound(write.run, 1);
      const run = write.run;
      next = found.ours && run
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

  /** The outcome stands in D1; a webhook that cannot be scheduled is given up rather than retried forever. */
  private async giveUpWebhook(job: JobState): Promise<void> {
    console.error(JSON.stringify({ level: "error", msg: "enrichment webhook given up", requestId: job.requestId }));
    await this.ctx.storage.put("job", { ...job, stage: "done" } satisfies JobState);
  }
}
