import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import { readConfig } from "../config";
import { searchDepth } from "../pipeline/exclusions";
import type { JobAsk } from "./job-ask";
import { findCandidates } from "../pipeline/find-candidates";
import { rankOf } from "../pipeline/score/score-candidate";
import { Icp, type Candidate } from "../pipeline/types";
import { existingProfileIds } from "../talent-pool/store";
import { toBatches, type EnrichBatchMessage } from "../queue/messages";
import { sourcingEventData, sourcingEventName } from "../webhooks/events";
import { DeliveryOutbox } from "../webhooks/outbox";
import { deliveredProfileIds, recordCompletion, recordFailure, recordProgress } from "./run-store";
import { outcomeFound, type TerminalWrite } from "./round-end";
import { icpOfRound, shortlistOfRound } from "./run-llm";
import { batchOutstanding, canExtend, initialRunState, nextAlarmAt, type RunErrorCode, type RunEvent, type RunState, TERMINAL, transition } from "./state-machine";

/** What a run was asked: the POST body, kept by the object so no step has to read it back from D1. */
export type RunJob = JobAsk & {
  webhookId: string | null;
  baseUrl: string; // public origin for the webhook's resultsUrl
};

/** A round's own ask: round 1 is the POST; each PATCH adds a round with its refinement. */
type RoundAsk = { query?: string; limit: number };

export type BatchReport = { round: number; batch: number; candidates: Candidate[]; failedProfileIds: string[] };

const MAX_STEP_FAILURES = 5; // alarm steps that throw are retried this often before the run fails
const QUEUE_SEND_CHUNK = 100; // sendBatch takes at most 100 messages
// Storage key: when (ms epoch) the progress a batch report left unmirrored is written to D1.
const PROGRESS_MIRROR_AT = "progressMirrorAt";
const PROGRESS_MIRROR_RETRY_MS = 5000; // after a failed mirror write

/**
 * One object per sourcing run. It holds the run's state machine and scored candidates, and its alarm
 * is the run's single "next thing due". Every method persists the new state before any side effect
 * and every step is idempotent, because alarms and queue messages can arrive more than once.
 */
export class SourcingRun extends DurableObject<Env> {
  private state: RunState | undefined;
  private readonly outbox: DeliveryOutbox;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.outbox = new DeliveryOutbox(ctx.storage, env);
    ctx.blockConcurrencyWhile(async () => {
      // Scored candidates of every round; `candidate` is cleared once delivered to D1 (data minimization).
      ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS scored (
        profile_id TEXT PRIMARY KEY, round INTEGER NOT NULL, match_score REAL NOT NULL, candidate TEXT)`); // match_score: rankOf, a sort key
      // Everyone delivered (and billed) in some round: a later round offers only people not among them.
      ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS delivered (profile_id TEXT PRIMARY KEY, round INTEGER NOT NULL)`);
      this.state = await ctx.storage.get<RunState>("state");
    });
  }

  // ---- RPC ---------------------------------------------------------------------------------

  /**
   * Begin the run. Calling it again for a started run only re-arms its alarm for whatever is due,
   * which is all a retried request or the reconciler (maintenance/reconcile.ts) needs of it.
   */
  async start(runId: string, companyId: string, job: RunJob): Promise<void> {
    if (this.state) return this.armAlarm();
    const cfg = readConfig(this.env);
    await this.ctx.storage.put({ job, "round:1": { query: job.query, limit: job.limit } satisfies RoundAsk, "tracks:delivered": true });
    // Armed before the state is applied: apply() persists the state, mirrors it to D1 and only then
    // arms the alarm, so a failing mirror would leave a started run that nothing ever wakes. An
    // alarm that finds no state (the put in apply failed) does nothing.
    await this.ctx.storage.setAlarm(Date.now());
    await this.apply(transition(initialRunState(runId, companyId), { type: "started", nowMs: Date.now(), deadlineMs: cfg.runDeadlineMs }));
  }

  /**
   * Retention (maintenance/retention.ts), for a run ended long ago: forget everything — job, ICPs,
   * who was scored and delivered, webhook tombstones. The tables the constructor made go too; the
   * RPCs that need a started run find none afterwards and do nothing (its D1 row is purged with it,
   * so nothing starts it again).
   */
  async purgeStorage(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.state = undefined;
  }

  /**
   * PATCH asks before it reserves anything: can a round after `fromRound` start now? Not while this
   * object is still finishing its own round (D1 can show it ended before the object has scheduled its
   * webhook). Once true it stays true until an extension, which D1's reopen lets only one PATCH make.
   */
  async extendable(fromRound: number): Promise<boolean> {
    return this.state ? canExtend(this.state, fromRound) : false;
  }

  /** PATCH: a new round that refines the query and/or asks for more candidates. */
  async extend(fromRound: number, ask: RoundAsk): Promise<{ accepted: boolean; round: number }> {
    const current = this.state;
    if (!current) return { accepted: false, round: 0 };
    const next = transition(current, { type: "extended", fromRound, nowMs: Date.now(), deadlineMs: readConfig(this.env).runDeadlineMs });
    if (next === current) return { accepted: false, round: current.round };
    await this.ctx.storage.put(`round:${next.round}`, ask);
    await this.apply(next);
    return { accepted: true, round: next.round };
  }

  /**
   * A queue consumer reports one scored batch. A batch already reported (redelivery, or a re-sent
   * batch whose first copy arrived after all) changes nothing.
   *
   * This call only persists and arms the alarm: it touches the object's own storage and nothing
   * else, and never waits on D1 or the queue. The consumer awaits it, and the queue's delivery waits
   * on the consumer (the local broker sends the next batch only once the previous one returned), so
   * whatever this call awaited would pace every run's enrichment. The D1 mirror of the progress is
   * owed to the alarm instead (mirrorOwedProgress).
   */
  async recordBatch(report: BatchReport): Promise<void> {
    const current = this.state;
    if (!current) return;
    const next = transition(current, {
      type: "batch_reported", round: report.round, batch: report.batch, scored: report.candidates.length, nowMs: Date.now(),
    });
    if (next === current) return;
    for (const c of report.candidates) {
      // A person scored but not delivered in an earlier round is scored again for this one (the ICP may
      // have changed); a redelivered batch of the same round changes nothing.
      this.ctx.storage.sql.exec(
        `INSERT INTO scored (profile_id, round, match_score, candidate) VALUES (?, ?, ?, ?)
         ON CONFLICT (profile_id) DO UPDATE SET round = excluded.round, match_score = excluded.match_score, candidate = excluded.candidate
         WHERE excluded.round > scored.round`,
        c.profileId, report.round, rankOf(c), JSON.stringify(c),
      );
    }
    await this.apply(next, undefined, "owed");
  }

  /** Whether the run still waits for this batch (a consumer asks before scoring a copy it may already have). Memory only. */
  async needsBatch(round: number, batch: number): Promise<boolean> {
    return this.state ? batchOutstanding(this.state, round, batch) : false;
  }

  async status(): Promise<RunState | null> {
    return this.state ?? null;
  }

  // ---- the alarm drives every step ---------------------------------------------------------

  async alarm(): Promise<void> {
    await this.mirrorOwedProgress();
    await this.runDueSteps();
    await this.outbox.attemptDue();
    await this.armAlarm();
  }

  /** Run the pipeline steps that are due (icp → searching → … can all be due at once). */
  private async runDueSteps(): Promise<void> {
    for (let guard = 0; guard < 10; guard++) {
      const s = this.state;
      if (!s) return;
      const due = await this.pipelineDueAt(s);
      if (due === null || due > Date.now()) return;
      try {
        await this.step(s);
        await this.ctx.storage.delete(["stepFailures", "stepRetryAt"]);
      } catch (err) {
        const failures = ((await this.ctx.storage.get<number>("stepFailures")) ?? 0) + 1;
        console.error(JSON.stringify({ level: "error", msg: "run step failed", runId: s.runId, stage: s.stage, failures, error: String(err) }));
        if (failures >= MAX_STEP_FAILURES) {
          await this.ctx.storage.delete(["stepFailures", "stepRetryAt"]);
          await this.dispatch({ type: "crashed", message: "The run hit an internal error" });
          continue; // the failure itself still has to be recorded
        }
        await this.ctx.storage.put({ stepFailures: failures, stepRetryAt: Date.now() + 1000 * 2 ** failures });
        return;
      }
    }
  }

  /** When the pipeline next needs the alarm: the state machine's answer, pushed back while a failed step backs off. */
  private async pipelineDueAt(s: RunState): Promise<number | null> {
    const due = nextAlarmAt(s, Date.now());
    const retryAt = await this.ctx.storage.get<number>("stepRetryAt");
    return due === null || retryAt === undefined ? due : Math.max(due, retryAt);
  }

  /**
   * Write the progress a batch report left unmirrored (recordBatch does not wait on D1). The mark is
   * cleared first: a report arriving during the write owes a mirror of its own. A failed write is
   * tried again a little later, unless a report has owed one meanwhile.
   */
  private async mirrorOwedProgress(): Promise<void> {
    const dueAt = await this.ctx.storage.get<number>(PROGRESS_MIRROR_AT);
    if (dueAt === undefined || dueAt > Date.now()) return;
    await this.ctx.storage.delete(PROGRESS_MIRROR_AT);
    const s = this.state;
    if (!s || TERMINAL.has(s.stage)) return;
    try {
      await recordProgress(this.env.DB, s);
    } catch (err) {
      console.error(JSON.stringify({ level: "error", msg: "progress mirror failed", runId: s.runId, error: String(err) }));
      if ((await this.ctx.storage.get<number>(PROGRESS_MIRROR_AT)) === undefined) {
        await this.ctx.storage.put(PROGRESS_MIRROR_AT, Date.now() + PROGRESS_MIRROR_RETRY_MS);
      }
    }
  }

  /** One alarm means "the next thing due": a pipeline step, an owed progress mirror or a webhook attempt, whichever is first. */
  private async armAlarm(): Promise<void> {
    const mirrorAt = (await this.ctx.storage.get<number>(PROGRESS_MIRROR_AT)) ?? null;
    const candidates = [mirrorAt, this.state ? await this.pipelineDueAt(this.state) : null, await this.outbox.nextDueAt()]
      .filter((t): t is number => t !== null);
    if (candidates.length === 0) return this.ctx.storage.deleteAlarm();
    const due = Math.min(...candidates);
    if ((await this.ctx.storage.getAlarm()) !== due) await this.ctx.storage.setAlarm(due);
  }

  private async step(s: RunState): Promise<void> {
    switch (s.stage) {
      case "accepted":
        return; // never due: start() moves past it before anything is stored
      case "icp":
        return this.deriveIcpStep(s);
      case "searching":
        return this.searchStep(s);
      case "enriching":
        return s.batchesEnqueued ? this.waitStep() : this.enqueueStep(s);
      case "ranking":
        return this.rankStep(s);
      case "failed":
        return s.outcomeRecorded ? this.notifyStep(s) : this.recordFailureStep(s);
      case "completed":
        return this.notifyStep(s);
    }
  }

  private async deriveIcpStep(s: RunState): Promise<void> {
    const job = await this.job();
    const ask = await this.roundAsk(s.round);
    // A refinement (PATCH query) is read together with the original job, not instead of it. The ICP
    // agent (LLM_PROVIDER, the rules behind it) answers once per round: icpOfRound stores the ICP before
    // returning it, and a replayed step reads it back instead of asking the model again.
    const icp = await icpOfRound(this.ctx.storage, this.env, { runId: s.runId, round: s.round }, {
      title: job.title, jobDescription: job.jobDescription, location: job.location, query: ask.query ?? job.query,
    });
    await this.dispatch({ type: "icp_derived" }, icp);
  }

  private async searchStep(s: RunState): Promise<void> {
    const job = await this.job();
    const ask = await this.roundAsk(s.round);
    const icp = await this.icp(s.round);
    const found = await findCandidates(this.env, {
      companyId: s.companyId, icp, freeText: ask.query ?? job.query, depth: searchDepth(ask.limit), exclude: job.exclude, alreadyScored: await this.alreadyDelivered(),
      runId: s.runId,
    });
    if (!found.ok) {
      // The state machine decides: search again after a backoff (the alarm), or fail the round.
      console.error(JSON.stringify({ level: "error", msg: "search failed", runId: s.runId, round: s.round, failures: (s.searchFailures ?? 0) + 1, detail: found.detail }));
      return this.dispatch({ type: "search_failed", code: "SOURCE_UNAVAILABLE", message: found.reason, nowMs: Date.now() });
    }
    // A later round asks each source for depth + everyone delivered before (to look past them), so its
    // fresh list grows with every round delivered; it is cut to the depth its own limit asks for.
    // Round 1 has nobody to look past and keeps what its search gathered.
    const hits = s.round > 1 ? found.hits.slice(0, searchDepth(ask.limit)) : found.hits;
    const fresh = hits.map((h) => h.profileId);
    const batches = toBatches(fresh, readConfig(this.env).enrichBatchSize);
    await this.ctx.storage.put(`batches:${s.round}`, batches);
    await this.dispatch({ type: "search_finished", found: fresh.length, batches: batches.length });
  }

  /** Send the round's batches not yet reported: all of them at first, the lost ones on a re-send. */
  private async enqueueStep(s: RunState): Promise<void> {
    const batches = (await this.ctx.storage.get<string[][]>(`batches:${s.round}`)) ?? [];
    const icp = await this.icp(s.round);
    const messages = batches
      .map((profileIds, batch): { body: EnrichBatchMessage } => ({ body: { runId: s.runId, companyId: s.companyId, round: s.round, batch, profileIds, icp } }))
      .filter((m) => !s.batchesDone.includes(m.body.batch));
    if (s.batchResends > 0) {
      console.warn(JSON.stringify({ level: "warn", msg: "enrich batches re-sent", runId: s.runId, round: s.round, resend: s.batchResends, batches: messages.length }));
    }
    // If this step is replayed the batches go out twice; the run ignores a batch it already has.
    for (let i = 0; i < messages.length; i += QUEUE_SEND_CHUNK) await this.env.ENRICH_QUEUE.sendBatch(messages.slice(i, i + QUEUE_SEND_CHUNK));
    await this.dispatch({ type: "batches_enqueued", nowMs: Date.now(), batchTimeoutMs: readConfig(this.env).enrichBatchTimeoutMs });
  }

  /** Waiting on batches, something is due: the deadline (which ends the round) or a re-send of the outstanding ones. */
  private async waitStep(): Promise<void> {
    const nowMs = Date.now();
    await this.dispatch({ type: "deadline_reached", nowMs });
    await this.dispatch({ type: "batches_overdue", nowMs }); // ignored once the deadline has ended the wait
  }

  private async rankStep(s: RunState): Promise<void> {
    const ask = await this.roundAsk(s.round);
    const ranked = this.ctx.storage.sql
      .exec<{ profile_id: string; candidate: string }>(
        `SELECT profile_id, candidate FROM scored WHERE round = ? AND candidate IS NOT NULL ORDER BY match_score DESC, profile_id`,
        s.round,
      )
      .toArray();
    // Someone erased (DELETE /candidates) while the run was scoring must not come back in its results:
    // left out here so the next best fill the limit, and again by the write itself (fromPool) for an
    // erase that lands after this read.
    const stillInPool = await existingProfileIds(this.env.DB, s.companyId, ranked.map((r) => r.profile_id));
    // The best `limit`, after the model's review of the best past the gates when LLM_RERANK_TOP_N is on
    // (once per round: the reviews are stored before they are applied, like the ICP).
    const job = await this.job();
    const icp = await this.icp(s.round);
    const delivered = await shortlistOfRound(
      this.ctx.storage, this.env, { runId: s.runId, round: s.round, companyId: s.companyId, title: job.title, icp },
      ranked.filter((r) => stillInPool.has(r.profile_id)).map((r) => r.candidate), ask.limit,
    );
    const write = await recordCompletion(this.env.DB, {
      runId: s.runId, companyId: s.companyId, round: s.round, foundCount: s.foundCount, scoredCount: s.scoredCount,
      batchesTotal: s.batchesTotal, batchesDone: s.batchesDone.length,
      results: delivered.map((c) => ({ profileId: c.profileId, rank: rankOf(c), body: c })),
      fromPool: true,
      captured: "per_result", // one credit per candidate actually delivered
      // Written again with the outcome: the mirror of icp_derived is the only other write of it, and a
      // failed one is not repeated (the state had already moved on), which left completed runs without an ICP.
      icp,
    });
    await this.settleRound(s, write, { type: "ranked" }, delivered.map((c) => c.profileId));
  }

  private async recordFailureStep(s: RunState): Promise<void> {
    const write = await recordFailure(this.env.DB, { ...s, endedBy: "run" });
    await this.settleRound(s, write, { type: "outcome_recorded" }, []);
  }

  /**
   * Take in what the round's terminal write found. Applied: the outcome is this write's. Otherwise the
   * round was already ended and this write wrote nothing: the outcome D1 holds is adopted — with its
   * webhook if the run ended it itself (an earlier attempt that committed unseen), without if a request
   * failed the round it could not hand over (then the caller was told of a failure, and nothing else
   * may be sent). Either way the outcome is persisted here before any webhook is owed.
   */
  private async settleRound(s: RunState, write: TerminalWrite, applied: RunEvent, deliveredIds: string[]): Promise<void> {
    const found = write.applied ? null : outcomeFound(write.run, s.round);
    if (found && !found.ours) {
      console.warn(JSON.stringify({ level: "warn", msg: "round ended by another writer", runId: s.runId, round: s.round, status: found.status }));
    }
    // Who was delivered (and billed) in this round: this write's list, or what an unseen earlier write of ours left in D1.
    const completedByUs = found ? found.ours && found.status === "completed" : applied.type === "ranked";
    const ids = !completedByUs ? [] : found ? await deliveredProfileIds(this.env.DB, s.runId, s.round) : deliveredIds;
    for (const id of ids) this.ctx.storage.sql.exec(`INSERT OR IGNORE INTO delivered (profile_id, round) VALUES (?, ?)`, id, s.round);
    // D1's error codes for a sourcing run are the run's own codes, or INTERNAL_ERROR from a request.
    await this.dispatch(found ? { type: "outcome_found", ...found, errorCode: found.errorCode as RunErrorCode | null } : applied);
  }

  private async notifyStep(s: RunState): Promise<void> {
    if (!s.notifyOwed) return;
    await this.notify(s, s.stage === "completed" ? "completed" : "failed");
    await this.dispatch({ type: "notified" });
  }

  /**
   * The people a new round must not offer again: those delivered before. A run started before deliveries
   * were tracked keeps the rule it was started under: everyone it scored.
   */
  private async alreadyDelivered(): Promise<Set<string>> {
    const rows = (sql: string) => this.ctx.storage.sql.exec<{ profile_id: string }>(sql).toArray().map((r) => r.profile_id);
    const tracked = (await this.ctx.storage.get<boolean>("tracks:delivered")) === true;
    return new Set(rows(tracked ? `SELECT profile_id FROM delivered` : `SELECT profile_id FROM scored`));
  }

  /** Owe the run's webhook (if any) the round's outcome; the outbox sends and retries it. */
  private async notify(s: RunState, status: "completed" | "failed"): Promise<void> {
    const job = await this.job();
    if (!job.webhookId) return;
    const data = sourcingEventData(
      { id: s.runId, status, title: job.title, foundCount: s.foundCount, scoredCount: s.scoredCount, errorCode: s.errorCode, errorMessage: s.errorMessage },
      job.baseUrl,
    );
    await this.outbox.schedule(`round:${s.round}`, { companyId: s.companyId, webhookId: job.webhookId, event: sourcingEventName(status), data, runId: s.runId });
  }

  // ---- persistence ------------------------------------------------------------------------

  /**
   * Apply an event to the state as it is now. Steps await outside I/O (D1, the queue), during which
   * batch reports may have moved the state on; applying to a stale snapshot would lose them.
   */
  private async dispatch(event: RunEvent, icp?: Icp): Promise<void> {
    const current = this.state;
    if (!current) return;
    const next = transition(current, event);
    if (next !== current) await this.apply(next, icp);
  }

  /**
   * Persist the new state, mirror it to D1, and set the alarm for whatever is due next. `mirror:
   * "owed"` leaves the D1 mirror to the alarm, for callers that must not wait on D1 (recordBatch).
   */
  private async apply(next: RunState, icp?: Icp, mirror: "now" | "owed" = "now"): Promise<void> {
    this.state = next;
    // An ended round leaves no candidate JSON here: a completed round delivered it to D1 (where an
    // erase reaches it), a failed one never will. Before the put, with no await between, so both
    // commit together; on every terminal transition (failed included), not in one step's path.
    if (TERMINAL.has(next.stage)) this.ctx.storage.sql.exec(`UPDATE scored SET candidate = NULL WHERE candidate IS NOT NULL`);
    if (mirror === "owed" && !TERMINAL.has(next.stage)) {
      await this.ctx.storage.put({ state: next, [PROGRESS_MIRROR_AT]: Date.now() });
    } else {
      await this.ctx.storage.put("state", next);
      if (!TERMINAL.has(next.stage)) await recordProgress(this.env.DB, next, icp);
    }
    await this.armAlarm();
  }

  private async job(): Promise<RunJob> {
    const job = await this.ctx.storage.get<RunJob>("job");
    if (!job) throw new Error("run has no job");
    return job;
  }

  private async roundAsk(round: number): Promise<RoundAsk> {
    return (await this.ctx.storage.get<RoundAsk>(`round:${round}`)) ?? { limit: (await this.job()).limit };
  }

  private async icp(round: number): Promise<Icp> {
    const icp = await this.ctx.storage.get<Icp>(`icp:${round}`);
    if (!icp) throw new Error(`run has no ICP for round ${round}`);
    // Parsed, so an ICP stored by an older version gains the fields added since (with their defaults).
    return Icp.parse(icp);
  }

  // ---- read-only: what GET /sourcing/{id}/events shows --------------------------------------

  /**
   * The run's progress from memory, for the SSE stream: no storage or D1 read, so a stream may ask on
   * every poll. `ended`: the round's outcome is written to D1 (read it there, with completedAt and the
   * error); a terminal stage not yet ended is one still being written. Null before start().
   */
  async progress(): Promise<{
    runId: string; round: number; stage: RunState["stage"]; ended: boolean;
    foundCount: number; scoredCount: number; batchesTotal: number; batchesDone: number;
  } | null> {
    const s = this.state;
    if (!s) return null;
    return {
      runId: s.runId, round: s.round, stage: s.stage, ended: TERMINAL.has(s.stage) && s.outcomeRecorded,
      foundCount: s.foundCount, scoredCount: s.scoredCount, batchesTotal: s.batchesTotal, batchesDone: s.batchesDone.length,
    };
  }
}
