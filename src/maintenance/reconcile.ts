// The reconciler, on the per-minute cron: requests D1 shows stuck in `processing` are looked at with
// their object and re-armed or failed (stuck-runs.ts decides). Every action is safe to repeat and to
// race: a re-arm only sets an alarm, and a failure is the guarded terminal write, which ends the round
// and releases its reservation once however many crons (or the object itself) try.
import { isoFromMs, nowMs as clockNowMs } from "../clock";
import { readConfig } from "../config";
import type { RunKind } from "../db/schema";
import type { Env } from "../env";
import { recordFailure } from "../runs/run-store";
import type { RunJob } from "../runs/sourcing-run";
import { TERMINAL } from "../runs/state-machine";
import { decideStuck, type Holder, type ReconcilePolicy, type Verdict } from "./stuck-runs";

// Rows looked at per invocation: each costs up to three object calls and one D1 batch, well inside
// a Worker invocation's subrequest and D1 query limits; more wait for the next minute.
const RECONCILE_LIMIT = 25;
// What a failed stuck request says (fixed text; what went wrong is in the log with the request id).
const STUCK_FAILURE = { errorCode: "INTERNAL_ERROR", errorMessage: "The request could not be completed" } as const;

type StuckRunRow = { id: string; companyId: string; kind: RunKind; round: number; request: string; updatedAt: string };

export type ReconcileReport = { runId: string; verdict: Verdict; failureApplied?: boolean };

function reconcilePolicy(env: Env): ReconcilePolicy {
  const { reconcileAfterMs } = readConfig(env);
  // A re-armed object that works moves its row within seconds; one idle for another whole threshold won't.
  return { stuckAfterMs: reconcileAfterMs, giveUpAfterMs: 2 * reconcileAfterMs };
}

/** Look at the requests idle past the threshold (oldest first, at most `limit`) and act on each. */
export async function reconcileStuckRuns(env: Env, opts: { nowMs?: number; limit?: number } = {}): Promise<ReconcileReport[]> {
  const nowMs = opts.nowMs ?? clockNowMs();
  const policy = reconcilePolicy(env);
  const rows = await stuckRuns(env.DB, isoFromMs(nowMs - policy.stuckAfterMs), opts.limit ?? RECONCILE_LIMIT);
  const reports: ReconcileReport[] = [];
  for (const row of rows) {
    try {
      reports.push(await reconcileOne(env, row, nowMs, policy));
    } catch (err) {
      // This one is looked at again next minute; the others go on.
      console.error(JSON.stringify({ level: "error", msg: "reconcile failed", runId: row.id, error: String(err) }));
    }
  }
  return reports;
}

async function stuckRuns(db: D1Database, idleSinceIso: string, limit: number): Promise<StuckRunRow[]> {
  const { results } = await db
    .prepare(
      `SELECT id, company_id AS companyId, kind, round, request, updated_at AS updatedAt FROM sourcing_runs
       WHERE status = 'processing' AND updated_at < ?1 ORDER BY updated_at LIMIT ?2`,
    )
    .bind(idleSinceIso, limit)
    .all<StuckRunRow>();
  return results;
}

async function reconcileOne(env: Env, row: StuckRunRow, nowMs: number, policy: ReconcilePolicy): Promise<ReconcileReport> {
  const holder = await holderOf(env, row);
  const verdict = decideStuck({ kind: row.kind, round: row.round, idleMs: nowMs - Date.parse(row.updatedAt) }, holder, policy);
  if (verdict.action !== "wait") {
    console.warn(JSON.stringify({ level: "warn", msg: "stuck request", runId: row.id, kind: row.kind, round: row.round, holder, verdict }));
  }
  if (verdict.action === "rearm") await rearm(env, row);
  if (verdict.action !== "fail") return { runId: row.id, verdict };
  const write = await recordFailure(env.DB, { runId: row.id, companyId: row.companyId, round: row.round, endedBy: verdict.endedBy, ...STUCK_FAILURE });
  if (verdict.thenRearm) await rearm(env, row);
  return { runId: row.id, verdict, failureApplied: write.applied };
}

const sourcingRun = (env: Env, runId: string) => env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(runId));
const enrichmentJob = (env: Env, requestId: string) => env.ENRICHMENT_JOB.get(env.ENRICHMENT_JOB.idFromName(requestId));

/** What the request's object holds. A preview has none: it runs inside its request. */
async function holderOf(env: Env, row: StuckRunRow): Promise<Holder> {
  try {
    switch (row.kind) {
      case "preview":
        return { kind: "none" };
      case "sourcing": {
        const s = await sourcingRun(env, row.id).status();
        return s ? { kind: "held", round: s.round, ended: TERMINAL.has(s.stage) && s.outcomeRecorded } : { kind: "none" };
      }
      case "enrich": {
        const job = await enrichmentJob(env, row.id).status();
        return job ? { kind: "held", round: 1, ended: job.stage !== "enriching" } : { kind: "none" };
      }
    }
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "stuck request's object unreachable", runId: row.id, error: String(err) }));
    return { kind: "unreachable" };
  }
}

/**
 * Poke the object so its alarm runs. A re-arm only follows a look that found the object holding the
 * request, and a started run's start() only re-arms its alarm: the job passed (D1's copy of the one
 * its route started it with) is not read then.
 */
async function rearm(env: Env, row: StuckRunRow): Promise<void> {
  if (row.kind === "sourcing") await sourcingRun(env, row.id).start(row.id, row.companyId, JSON.parse(row.request) as RunJob);
  if (row.kind === "enrich") await enrichmentJob(env, row.id).rearm();
}
