// Retention purges, one bounded chunk per call (the daily pass repeats them within its bounds). D1
// limits the queries of one invocation and the time of one statement, so nothing here deletes
// "everything older than": each chunk picks at most `limit` of the oldest rows, and says whether it
// found fewer (drained). Every statement re-checks its condition, so a purge racing a write (a
// redelivery reopening a delivery, a PATCH reopening a run) leaves the row that changed. The credit
// ledger is never touched: entries are money, and balances are sums over all of them.
import type { Env } from "../env";
import type { PurgeStep } from "./retention-policy";

/** Idempotency records that expired before the cutoff (they stopped replaying at expiry). */
export async function purgeExpiredIdempotencyRecords(db: D1Database, expiredBeforeIso: string, limit: number): Promise<PurgeStep> {
  const { meta } = await db
    .prepare(
      `DELETE FROM idempotency_records WHERE rowid IN (
         SELECT rowid FROM idempotency_records WHERE expires_at < ?1 ORDER BY expires_at LIMIT ?2)`,
    )
    .bind(expiredBeforeIso, limit)
    .run();
  return { deleted: meta.changes, drained: meta.changes < limit };
}

// The oldest deliveries that are done (delivered, failed, skipped) and have not changed since the
// cutoff. A pending one is never purged: something still owes its attempts.
const FINISHED_DELIVERIES = `SELECT id FROM webhook_deliveries WHERE status <> 'pending' AND updated_at < ?1 ORDER BY updated_at LIMIT ?2`;

/**
 * Finished deliveries and their attempt logs, in one batch: the attempt log's delete guard (migration
 * 0006) is opened up to the cutoff first, then the attempts go, then the deliveries left without any.
 * Every attempt of a delivery precedes its last change, so a delivery past the cutoff has only
 * attempts past it; one that does not (a skewed clock) keeps its delivery until its attempts may go.
 */
export async function purgeFinishedDeliveries(db: D1Database, finishedBeforeIso: string, limit: number): Promise<PurgeStep> {
  const [picked, , , deliveries] = await db.batch([
    db.prepare(`SELECT COUNT(*) AS n FROM (${FINISHED_DELIVERIES})`).bind(finishedBeforeIso, limit),
    db
      .prepare(
        `INSERT INTO retention_cutoffs (log, purge_before) VALUES ('webhook_attempts', ?1)
         ON CONFLICT (log) DO UPDATE SET purge_before = excluded.purge_before`,
      )
      .bind(finishedBeforeIso),
    db.prepare(`DELETE FROM webhook_attempts WHERE attempted_at < ?1 AND delivery_id IN (${FINISHED_DELIVERIES})`).bind(finishedBeforeIso, limit),
    db
      .prepare(
        `DELETE FROM webhook_deliveries WHERE id IN (${FINISHED_DELIVERIES})
           AND NOT EXISTS (SELECT 1 FROM webhook_attempts a WHERE a.delivery_id = webhook_deliveries.id)`,
      )
      .bind(finishedBeforeIso, limit),
  ]);
  const n = (picked.results[0] as { n: number } | undefined)?.n ?? 0;
  return { deleted: deliveries.meta.changes, drained: n < limit };
}

type EndedRun = { id: string; kind: "sourcing" | "preview" | "enrich" };

/**
 * Requests that ended before the cutoff: their run object's storage first (the D1 row is what names
 * the object, so it goes last), then their results and the row itself with the stored request. A run
 * whose object cannot be reached keeps its row and is tried again on a later pass.
 */
export async function purgeEndedRuns(env: Env, endedBeforeIso: string, limit: number): Promise<PurgeStep> {
  const { results: runs } = await env.DB
    .prepare(`SELECT id, kind FROM sourcing_runs WHERE status <> 'processing' AND completed_at < ?1 ORDER BY completed_at LIMIT ?2`)
    .bind(endedBeforeIso, limit)
    .all<EndedRun>();
  const purged = await Promise.allSettled(runs.map((run) => purgeRunObject(env, run)));
  const forgotten = runs.filter((run, i) => {
    const outcome = purged[i];
    if (outcome.status === "rejected") {
      console.error(JSON.stringify({ level: "error", msg: "run object purge failed", runId: run.id, error: String(outcome.reason) }));
    }
    return outcome.status === "fulfilled";
  });
  if (forgotten.length === 0) return { deleted: 0, drained: runs.length < limit };
  // Still ended and still past the cutoff when deleted: a PATCH may have reopened one meanwhile.
  const stillEnded = `SELECT id FROM sourcing_runs WHERE id IN (SELECT value FROM json_each(?1)) AND status <> 'processing' AND completed_at < ?2`;
  const ids = JSON.stringify(forgotten.map((run) => run.id));
  const [, rows] = await env.DB.batch([
    env.DB.prepare(`DELETE FROM run_results WHERE run_id IN (${stillEnded})`).bind(ids, endedBeforeIso),
    env.DB.prepare(`DELETE FROM sourcing_runs WHERE id IN (${stillEnded})`).bind(ids, endedBeforeIso),
  ]);
  return { deleted: rows.meta.changes, drained: runs.length < limit };
}

/** A run's object forgets it (deleteAll). A preview has no object: it ran inside its request. */
async function purgeRunObject(env: Env, run: EndedRun): Promise<void> {
  if (run.kind === "sourcing") await env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(run.id)).purgeStorage();
  if (run.kind === "enrich") await env.ENRICHMENT_JOB.get(env.ENRICHMENT_JOB.idFromName(run.id)).purgeStorage();
}
