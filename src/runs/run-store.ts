// The run read model in D1: what GET /sourcing/* returns, kept current by the run Durable Object.
import { and, desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { nowIso } from "../clock";
import { runResults, sourcingRuns, type CostKey, type RunEnder, type RunKind } from "../db/schema";
import { RESERVATION_EXISTS_SQL, reserveStatement, type SettleAmount, type SettleCondition, settleStatements } from "../billing/ledger";
import type { Candidate } from "../pipeline/types";
import type { RoundStanding, TerminalWrite } from "./round-end";
import type { RunState } from "./state-machine";

export type RunRow = typeof sourcingRuns.$inferSelect;

/** A run's reservation for one round: one per round, so PATCH rounds are billed on their own. */
export const reservationIdOf = (runId: string, round: number) => `${runId}:r${round}`;

export type NewRun = {
  id: string;
  companyId: string;
  kind: RunKind;
  request: Record<string, unknown>;
  webhookId: string | null;
  credits: number; // reserved up front: the most this run can cost
  costKey: CostKey;
  enforceAvailable: boolean; // prepaid
};

/**
 * Reserve credits and create the run in one D1 batch (one transaction). The run row is inserted
 * only if the reservation was, so a request refused for credits creates nothing at all.
 */
export async function createRunWithReservation(db: D1Database, run: NewRun): Promise<{ created: boolean; createdAt: string }> {
  const createdAt = nowIso();
  const reservationId = reservationIdOf(run.id, 1);
  const [, insert] = await db.batch([
    reserveStatement(db, { companyId: run.companyId, reservationId, amount: run.credits, costKey: run.costKey, enforceAvailable: run.enforceAvailable }),
    db
      .prepare(
        `INSERT INTO sourcing_runs (id, company_id, kind, status, stage, request, webhook_id, round, created_at, updated_at)
         SELECT ?1, ?2, ?3, 'processing', 'accepted', ?4, ?5, 1, ?6, ?6 WHERE ${RESERVATION_EXISTS_SQL.replace("?", "?7")}`,
      )
      .bind(run.id, run.companyId, run.kind, JSON.stringify(run.request), run.webhookId, createdAt, reservationId),
  ]);
  return { created: insert.meta.changes === 1, createdAt };
}

export async function getRun(db: D1Database, companyId: string, runId: string): Promise<RunRow | undefined> {
  return drizzle(db)
    .select()
    .from(sourcingRuns)
    .where(and(eq(sourcingRuns.id, runId), eq(sourcingRuns.companyId, companyId)))
    .get();
}

/** A run's stored results, best first (for previews and enrichments: request order). */
export async function listResults<T = Candidate>(db: D1Database, runId: string): Promise<T[]> {
  const rows = await drizzle(db)
    .select({ candidate: runResults.candidate })
    .from(runResults)
    .where(eq(runResults.runId, runId))
    .orderBy(desc(runResults.matchScore), runResults.profileId)
    .all();
  return rows.map((r) => r.candidate as T);
}

/** The person ids a round delivered (for an object re-learning a delivery it committed but never saw). */
export async function deliveredProfileIds(db: D1Database, runId: string, round: number): Promise<string[]> {
  const rows = await drizzle(db)
    .select({ profileId: runResults.profileId })
    .from(runResults)
    .where(and(eq(runResults.runId, runId), eq(runResults.round, round)))
    .all();
  return rows.map((r) => r.profileId);
}

/** Mirror progress (stage and counts) of a round still in flight; a round already ended is left as it is. */
export async function recordProgress(db: D1Database, s: RunState, icp?: unknown): Promise<void> {
  await db
    .prepare(
      `UPDATE sourcing_runs SET stage = ?2, found_count = ?4, scored_count = ?5, batches_total = ?6,
         batches_done = ?7, icp = COALESCE(?8, icp), updated_at = ?9
       WHERE id = ?1 AND status = 'processing' AND round = ?3`,
    )
    .bind(s.runId, s.stage, s.round, s.foundCount, s.scoredCount, s.batchesTotal, s.batchesDone.length,
      icp === undefined ? null : JSON.stringify(icp), nowIso())
    .run();
}

export type Delivery = {
  runId: string;
  companyId: string;
  round: number;
  foundCount: number;
  scoredCount: number;
  batchesTotal: number;
  batchesDone: number;
  results: { profileId: string; rank: number; body: unknown }[]; // rank: higher sorts first; may be fractional (score-candidate rankOf), which SQLite keeps as REAL in match_score
  // The results are people of the company's talent pool: each row is written only if the person is
  // still there, so an erase (DELETE /candidates) that raced the write is not undone by it.
  fromPool?: boolean;
  // Credits to capture from the round's reservation (the rest is released): a price known up front,
  // or "per_result", one per result row this write inserted (a person left out is never billed).
  captured: number | "per_result";
  icp?: unknown;
};

/**
 * What every statement of a terminal write is conditional on: the run is still processing this round.
 * D1 has no interactive transactions, so the check cannot be read first and acted on after; instead
 * each statement of the write's batch (one transaction) carries it, and the status change that ends
 * the round comes last, so every statement before it sees the run as the check found it. A write that
 * lost the race (another writer ended the round) writes nothing at all: no results, no capture.
 */
function stillProcessing(runIdParam: number, roundParam: number): string {
  return `EXISTS (SELECT 1 FROM sourcing_runs WHERE id = ?${runIdParam} AND status = 'processing' AND round = ?${roundParam})`;
}

const settleWhileProcessing = (runId: string, round: number): SettleCondition => ({
  sql: (first) => stillProcessing(first, first + 1),
  params: [runId, round],
});

/** Read back, in the write's own batch, how the run stands: whether and by whom the round was ended. */
function standingStatement(db: D1Database, runId: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT status, round, ended_by AS endedBy, error_code AS errorCode, error_message AS errorMessage,
         found_count AS foundCount, scored_count AS scoredCount
       FROM sourcing_runs WHERE id = ?1`,
    )
    .bind(runId);
}

/**
 * The result rows a terminal write inserted, counted in its own batch: while the run is still
 * processing the round (the condition every statement of the batch carries) the round has no rows
 * but the ones this batch just wrote, as a round's rows are only ever written by the write ending it.
 */
const insertedResults = (runId: string, round: number): SettleAmount => ({
  sql: (first) => `SELECT COUNT(*) FROM run_results WHERE run_id = ?${first} AND round = ?${first + 1}`,
  params: [runId, round],
});

/** A terminal batch ends with [status change, read-back]. */
function terminalWriteOf(results: D1Result[]): TerminalWrite {
  const [statusChange, standing] = results.slice(-2);
  return { applied: statusChange.meta.changes === 1, run: (standing.results[0] as RoundStanding | undefined) ?? null };
}

/**
 * Deliver a round's results, capture its credits, release the rest of its reservation and mark the
 * run completed — one batch, so all of it happens or none, and only while the run is still processing
 * the round (see stillProcessing). Replaying it changes nothing: the replay finds the round ended.
 */
export async function recordCompletion(db: D1Database, d: Delivery): Promise<TerminalWrite> {
  const at = nowIso();
  const ender: RunEnder = "run"; // only the run itself completes a round
  return terminalWriteOf(
    await db.batch([
      ...resultStatements(db, d, at),
      ...settleStatements(
        db,
        { companyId: d.companyId, reservationId: reservationIdOf(d.runId, d.round), captured: d.captured === "per_result" ? insertedResults(d.runId, d.round) : d.captured },
        settleWhileProcessing(d.runId, d.round),
      ),
      db
        .prepare(
          `UPDATE sourcing_runs SET status = 'completed', stage = 'completed', found_count = ?2, scored_count = ?3,
             batches_total = ?4, batches_done = ?5, icp = COALESCE(?6, icp), error_code = NULL, error_message = NULL,
             ended_by = ?8, completed_at = ?7, updated_at = ?7
           WHERE id = ?1 AND status = 'processing' AND round = ?9`,
        )
        .bind(d.runId, d.foundCount, d.scoredCount, d.batchesTotal, d.batchesDone, d.icp === undefined ? null : JSON.stringify(d.icp), at, ender, d.round),
      standingStatement(db, d.runId),
    ]),
  );
}

/** Still in the company's pool, checked in the insert itself: no read before the write can close the race with an erase. */
const IN_POOL = `EXISTS (SELECT 1 FROM talent_profiles WHERE id = ?2 AND company_id = ?3)`;

function resultStatements(db: D1Database, d: Pick<Delivery, "runId" | "companyId" | "round" | "results" | "fromPool">, at: string): D1PreparedStatement[] {
  return d.results.map((r) =>
    db
      .prepare(
        `INSERT INTO run_results (run_id, profile_id, company_id, round, match_score, candidate, created_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE ${stillProcessing(1, 4)}${d.fromPool ? ` AND ${IN_POOL}` : ""}
         ON CONFLICT DO NOTHING`,
      )
      .bind(d.runId, r.profileId, d.companyId, d.round, r.rank, JSON.stringify(r.body), at),
  );
}

export type FailedRound = {
  runId: string;
  companyId: string;
  round: number;
  endedBy: RunEnder; // the run itself, or a request failing a round it could not hand over
  errorCode: string | null;
  errorMessage: string | null;
  foundCount?: number; // absent: the run's counts so far stand
  scoredCount?: number;
  results?: Delivery["results"]; // per-item outcomes that explain the failure (e.g. each profile an enrichment could not find)
};

/**
 * A failed round captures nothing: its whole reservation is released with the status change. Like a
 * completion, it applies only while the run is still processing the round, so it never overwrites an
 * outcome already recorded (a completion whose reply was lost, or the other writer's failure).
 */
export async function recordFailure(db: D1Database, s: FailedRound): Promise<TerminalWrite> {
  const at = nowIso();
  return terminalWriteOf(
    await db.batch([
      ...resultStatements(db, { runId: s.runId, companyId: s.companyId, round: s.round, results: s.results ?? [] }, at),
      ...settleStatements(db, { companyId: s.companyId, reservationId: reservationIdOf(s.runId, s.round), captured: 0 }, settleWhileProcessing(s.runId, s.round)),
      db
        .prepare(
          `UPDATE sourcing_runs SET status = 'failed', stage = 'failed', error_code = ?2, error_message = ?3,
             found_count = COALESCE(?4, found_count), scored_count = COALESCE(?5, scored_count), ended_by = ?7,
             completed_at = ?6, updated_at = ?6
           WHERE id = ?1 AND status = 'processing' AND round = ?8`,
        )
        .bind(s.runId, s.errorCode, s.errorMessage, s.foundCount ?? null, s.scoredCount ?? null, at, s.endedBy, s.round),
      standingStatement(db, s.runId),
    ]),
  );
}

/**
 * Open the next round of an ended run (PATCH): reserve its credits and flip the run back to
 * processing in one batch. The flip only applies if the reservation was made and the run is still
 * the ended round the caller saw, so two concurrent PATCHes cannot both start a round.
 */
export async function reopenRunWithReservation(
  db: D1Database,
  r: { runId: string; companyId: string; fromRound: number; credits: number; enforceAvailable: boolean },
): Promise<"reopened" | "insufficient_credits" | "in_progress"> {
  const reservationId = reservationIdOf(r.runId, r.fromRound + 1);
  const [reserve, reopen] = await db.batch([
    reserveStatement(db, { companyId: r.companyId, reservationId, amount: r.credits, costKey: "sourcing", enforceAvailable: r.enforceAvailable }),
    db
      .prepare(
        `UPDATE sourcing_runs SET status = 'processing', stage = 'accepted', round = ?3, batches_total = 0, batches_done = 0, ended_by = NULL, updated_at = ?4
         WHERE id = ?1 AND company_id = ?2 AND status <> 'processing' AND round = ?5 AND ${RESERVATION_EXISTS_SQL.replace("?", "?6")}`,
      )
      .bind(r.runId, r.companyId, r.fromRound + 1, nowIso(), r.fromRound, reservationId),
  ]);
  if (reopen.meta.changes === 1) return "reopened";
  // Our reserve inserted nothing: either another PATCH holds this round's reservation, or credits are short.
  return reserve.meta.changes === 0 && (await db.prepare(`SELECT 1 FROM credit_ledger WHERE reservation_id = ?1`).bind(reservationId).first())
    ? "in_progress"
    : "insufficient_credits";
}
