// The daily pass, driven by the per-minute cron: retention purges, then merging the full-text index.
// It runs to completion once per UTC day. One invocation does a bounded amount of each (D1 limits the
// queries of an invocation and the time of a statement); a pass with more to do than that leaves
// itself unfinished and the next minute's invocation continues it. A lease in D1 keeps two
// overlapping crons from working on it at once; each purge is safe to repeat regardless.
import { isoFromMs, nowMs as clockNowMs } from "../clock";
import { readConfig } from "../config";
import type { Env } from "../env";
import { mergeTalentPoolIndexStep } from "./fts-merge";
import { purgeEndedRuns, purgeExpiredIdempotencyRecords, purgeFinishedDeliveries } from "./retention";
import { NOTHING_TO_PURGE, purgeInChunks, type PurgeStep, retentionCutoffs, utcDay } from "./retention-policy";

const TASK = "daily";
// Held by the invocation working on the pass; one that died frees it this much later (ms). Far
// longer than an invocation's bounded work.
const LEASE_MS = 10 * 60_000;

/** One invocation's bounds: chunk sizes (rows) and how many chunks (or merge steps) of each. */
export type DailyLimits = {
  chunksPerPurge: number;
  idempotencyRows: number;
  deliveries: number; // each with its attempt log (at most 1 + maxRetries rows, plus redeliveries)
  runs: number; // each costs a call to its run object
  mergeSteps: number;
  mergePages: number; // per merge step (pages of the index written)
};

export const DAILY_LIMITS: DailyLimits = { chunksPerPurge: 4, idempotencyRows: 500, deliveries: 200, runs: 20, mergeSteps: 4, mergePages: 500 };

export type DailyPassReport =
  | { ran: false } // done for today, or another invocation holds it
  | { ran: true; finished: boolean; idempotency: PurgeStep; deliveries: PurgeStep; runs: PurgeStep; indexMerged: boolean };

export async function runDailyPass(env: Env, opts: { nowMs?: number; limits?: Partial<DailyLimits> } = {}): Promise<DailyPassReport> {
  const nowMs = opts.nowMs ?? clockNowMs();
  const limits = { ...DAILY_LIMITS, ...opts.limits };
  const today = utcDay(nowMs);
  const lease = isoFromMs(nowMs + LEASE_MS);
  if (!(await claimPass(env.DB, today, isoFromMs(nowMs), lease))) return { ran: false };
  let finishedDay: string | null = null;
  try {
    const cutoffs = retentionCutoffs(nowMs, readConfig(env).retentionDays);
    const chunks = (cutoff: string | null, chunk: (cutoff: string) => Promise<PurgeStep>) =>
      cutoff === null ? Promise.resolve(NOTHING_TO_PURGE) : purgeInChunks(limits.chunksPerPurge, () => chunk(cutoff));
    const idempotency = await chunks(cutoffs.idempotencyExpiredBefore, (c) => purgeExpiredIdempotencyRecords(env.DB, c, limits.idempotencyRows));
    const deliveries = await chunks(cutoffs.deliveriesFinishedBefore, (c) => purgeFinishedDeliveries(env.DB, c, limits.deliveries));
    const runs = await chunks(cutoffs.runsEndedBefore, (c) => purgeEndedRuns(env, c, limits.runs));
    // After the purges: a purged run's results are not in the index, but erased profiles are, and
    // the merge is what takes them out of its segments.
    const indexMerged = await mergeIndex(env.DB, limits);
    const finished = idempotency.drained && deliveries.drained && runs.drained && indexMerged;
    if (finished) finishedDay = today;
    return { ran: true, finished, idempotency, deliveries, runs, indexMerged };
  } finally {
    await releasePass(env.DB, lease, finishedDay);
  }
}

/** Merge steps until one does nothing (the index is one segment again) or the bound is reached. */
async function mergeIndex(db: D1Database, limits: DailyLimits): Promise<boolean> {
  for (let i = 0; i < limits.mergeSteps; i++) if (!(await mergeTalentPoolIndexStep(db, limits.mergePages))) return true;
  return false;
}

/**
 * Take the pass: only if it has not finished today and nobody holds it. One conditional statement,
 * so two overlapping invocations cannot both take it.
 */
async function claimPass(db: D1Database, today: string, nowIso: string, lease: string): Promise<boolean> {
  const { meta } = await db
    .prepare(
      `INSERT INTO maintenance_tasks (name, done_day, lease_until) VALUES (?1, NULL, ?4)
       ON CONFLICT (name) DO UPDATE SET lease_until = excluded.lease_until
       WHERE (maintenance_tasks.done_day IS NULL OR maintenance_tasks.done_day < ?2)
         AND (maintenance_tasks.lease_until IS NULL OR maintenance_tasks.lease_until <= ?3)`,
    )
    .bind(TASK, today, nowIso, lease)
    .run();
  return meta.changes === 1;
}

/** Give the pass back, marked done for `finishedDay` if it finished; only while we still hold it. */
async function releasePass(db: D1Database, lease: string, finishedDay: string | null): Promise<void> {
  await db
    .prepare(`UPDATE maintenance_tasks SET lease_until = NULL, done_day = COALESCE(?3, done_day) WHERE name = ?1 AND lease_until = ?2`)
    .bind(TASK, lease, finishedDay)
    .run();
}
