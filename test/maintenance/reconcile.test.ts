// Requests stuck in `processing`, through the real cron (the Worker's scheduled handler) against real
// D1 and Durable Objects. Faults are injected in D1 itself (a trigger refusing one run's writes), so
// every layer above it runs for real. A row is made "idle" by moving its updated_at into the past:
// the object's own clock and deadline are left alone.
import { createExecutionContext, createScheduledController, runInDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import worker from "../../src/index";
import { createRunWithReservation, reopenRunWithReservation } from "../../src/runs/run-store";
import type { RunJob } from "../../src/runs/sourcing-run";
import { api, BASE, createTenant, importProfiles, ledgerOf, type TestTenant, validJob, waitForRun } from "../helpers";

const MIN = 60_000;
let tenant: TestTenant;

const runStub = (runId: string) => env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(runId));

beforeAll(async () => {
  tenant = await createTenant({ credits: 500 });
  await importProfiles(tenant.key, generateDemoPool({ count: 80, seed: 11 }));
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** One minute's cron, as the platform calls it, waited on to the end of everything it started. */
async function cron(): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function ledgerEntries(reservationId: string) {
  const { results } = await env.DB.prepare(`SELECT entry_type AS type, amount FROM credit_ledger WHERE reservation_id = ? ORDER BY seq`).bind(reservationId).all();
  return results;
}

type RowState = { status: string; round: number; error_code: string | null; ended_by: string | null };
const rowOf = (runId: string) =>
  env.DB.prepare(`SELECT status, round, error_code, ended_by FROM sourcing_runs WHERE id = ?`).bind(runId).first<RowState>();

/** The row last progressed `minutes` ago. */
async function idleFor(runId: string, minutes: number): Promise<void> {
  await env.DB.prepare(`UPDATE sourcing_runs SET updated_at = ?2 WHERE id = ?1`).bind(runId, new Date(Date.now() - minutes * MIN).toISOString()).run();
}

const jobOf = (limit: number): RunJob => ({ ...validJob, limit, webhookId: null, baseUrl: BASE });

/** A request admitted in D1 (row + reservation), as a route does before it hands it to anyone. */
async function admitted(kind: "sourcing" | "preview" | "enrich", credits: number, request: Record<string, unknown> = jobOf(credits)): Promise<string> {
  const id = `${kind === "enrich" ? "enr" : kind === "preview" ? "req_prev" : "req"}_${crypto.randomUUID()}`;
  const costKey = kind === "enrich" ? "enrich" : kind === "preview" ? "sourcing_preview" : "sourcing";
  const { created } = await createRunWithReservation(env.DB, { id, companyId: tenant.companyId, kind, request, webhookId: null, credits, costKey, enforceAvailable: true });
  expect(created).toBe(true);
  return id;
}

/** What a call rejected with (undefined if it did not). */
async function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
    return undefined;
  } catch (err) {
    return err ?? new Error("rejected");
  }
}

/** D1 refuses every update of this run's row while the returned function has not been called. */
async function refuseUpdatesOf(runId: string): Promise<() => Promise<void>> {
  const name = `refuse_${runId.replace(/\W/g, "_")}`;
  await env.DB.prepare(`CREATE TRIGGER ${name} BEFORE UPDATE ON sourcing_runs WHEN old.id = '${runId}' BEGIN SELECT RAISE(ABORT, 'injected: D1 refuses this run'); END`).run();
  return async () => void (await env.DB.prepare(`DROP TRIGGER ${name}`).run());
}

/**
 * A run whose start() persisted its state and then failed mirroring it to D1 — on the code before
 * this fix, with no alarm armed. The alarm is taken away here whatever start() did, so the object
 * holds the round and nothing will ever wake it.
 */
async function startedWithoutAlarm(limit: number): Promise<string> {
  const runId = await admitted("sourcing", limit);
  const allow = await refuseUpdatesOf(runId);
  try {
    expect(await rejectionOf(runStub(runId).start(runId, tenant.companyId, jobOf(limit)))).toBeDefined();
    await runInDurableObject(runStub(runId), async (_i, state) => {
      await state.storage.deleteAlarm();
      await state.storage.delete(["stepFailures", "stepRetryAt"]);
    });
  } finally {
    await allow();
  }
  return runId;
}

describe("start() arms the alarm before it mirrors the run to D1", () => {
  it("a start whose D1 mirror fails leaves the run armed: it completes once D1 answers, with no one poking it", async () => {
    const runId = await admitted("sourcing", 3);
    const allow = await refuseUpdatesOf(runId);
    try {
      expect(String(await rejectionOf(runStub(runId).start(runId, tenant.companyId, jobOf(3))))).toMatch(/injected/);
      expect(await runStub(runId).status()).not.toBeNull(); // the state is persisted
    } finally {
      await allow();
    }

    await vi.waitFor(async () => expect((await rowOf(runId))?.status).toBe("completed"), { timeout: 25_000, interval: 100 });
    expect(await ledgerEntries(`${runId}:r1`)).toEqual([{ type: "reserve", amount: 3 }, { type: "capture", amount: 3 }, { type: "release", amount: 0 }]);
  });
});

describe("the reconciler on the cron", () => {
  it("leaves a request alone until it has been idle past the threshold", async () => {
    const runId = await admitted("sourcing", 2);
    await idleFor(runId, 5); // RECONCILE_AFTER_S defaults to 600
    await cron();
    expect(await rowOf(runId)).toMatchObject({ status: "processing" });
    expect(await ledgerEntries(`${runId}:r1`)).toEqual([{ type: "reserve", amount: 2 }]);
    await idleFor(runId, 30); // not to leave it stuck for the tests after this one
    await cron();
  });

  it("re-arms a run whose object holds the round but lost its alarm, and the run completes", async () => {
    const runId = await startedWithoutAlarm(3);
    await idleFor(runId, 11);
    await cron();

    await vi.waitFor(async () => expect((await rowOf(runId))?.status).toBe("completed"), { timeout: 25_000, interval: 100 });
    expect(await ledgerEntries(`${runId}:r1`)).toEqual([{ type: "reserve", amount: 3 }, { type: "capture", amount: 3 }, { type: "release", amount: 0 }]);
  });

  it("fails and releases a run no object holds, exactly once however many crons overlap", async () => {
    const before = await ledgerOf(tenant.companyId);
    const runId = await admitted("sourcing", 5);
    await idleFor(runId, 11);
    await Promise.all([cron(), cron(), cron()]);
    await cron();

    expect(await rowOf(runId)).toMatchObject({ status: "failed", error_code: "INTERNAL_ERROR", ended_by: "admission" });
    expect(await ledgerEntries(`${runId}:r1`)).toEqual([{ type: "reserve", amount: 5 }, { type: "capture", amount: 0 }, { type: "release", amount: 5 }]);
    expect(await ledgerOf(tenant.companyId)).toMatchObject({ balance: before.balance, reserved: before.reserved });
    expect(await runStub(runId).status()).toBeNull(); // failed, not started behind the caller's back
    const results = await (await api(`/sourcing/${runId}/results`, { key: tenant.key })).json<Record<string, unknown>>();
    expect(results).toMatchObject({ status: "failed", errorCode: "INTERNAL_ERROR", errorMessage: "The request could not be completed", candidates: [] });
  });

  it("fails and releases a preview that outlived its request (a client disconnect)", async () => {
    const runId = await admitted("preview", 1);
    await idleFor(runId, 10);
    await cron();
    await cron();
    expect(await rowOf(runId)).toMatchObject({ status: "failed", error_code: "INTERNAL_ERROR" });
    expect(await ledgerEntries(`${runId}:r1`)).toEqual([{ type: "reserve", amount: 1 }, { type: "capture", amount: 0 }, { type: "release", amount: 1 }]);
  });

  it("fails and releases the round of a PATCH whose reopen committed and whose extend never reached the object", async () => {
    const res = await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 2 } });
    const { requestId: runId } = await res.json<{ requestId: string }>();
    const first = (await waitForRun(tenant.key, runId)) as { status: string; candidates: { profileId: string }[] };
    expect(first.status).toBe("completed");
    await vi.waitFor(async () => expect(await runStub(runId).extendable(1)).toBe(true), { timeout: 10_000 });
    // The PATCH request dies right after its reopen committed: round 2 is processing with 4 credits held.
    expect(await reopenRunWithReservation(env.DB, { runId, companyId: tenant.companyId, fromRound: 1, credits: 4, enforceAvailable: true })).toBe("reopened");
    await idleFor(runId, 11);
    await Promise.all([cron(), cron()]);

    expect(await rowOf(runId)).toMatchObject({ status: "failed", round: 2, ended_by: "admission" });
    expect(await ledgerEntries(`${runId}:r2`)).toEqual([{ type: "reserve", amount: 4 }, { type: "capture", amount: 0 }, { type: "release", amount: 4 }]);
    expect(await ledgerEntries(`${runId}:r1`)).toEqual([{ type: "reserve", amount: 2 }, { type: "capture", amount: 2 }, { type: "release", amount: 0 }]);
    const after = await (await api(`/sourcing/${runId}/results`, { key: tenant.key })).json<{ candidates: { profileId: string }[] }>();
    expect(after.candidates.map((c) => c.profileId)).toEqual(first.candidates.map((c) => c.profileId)); // round 1's paid results stay

    // The run is usable again: the next PATCH starts round 3 and completes.
    const patch = await api(`/sourcing/${runId}`, { method: "PATCH", key: tenant.key, json: { limit: 1 } });
    expect(patch.status).toBe(202);
    await vi.waitFor(async () => expect(await rowOf(runId)).toMatchObject({ status: "completed", round: 3 }), { timeout: 25_000, interval: 100 });
  });

  it("fails a round still stuck at twice the threshold although re-armed; the object adopts the failure", async () => {
    const runId = await startedWithoutAlarm(2);
    // Re-armed at the threshold, it would run; here it has already been idle for twice as long.
    await idleFor(runId, 21);
    await cron();

    expect(await rowOf(runId)).toMatchObject({ status: "failed", error_code: "INTERNAL_ERROR", ended_by: "run" });
    expect(await ledgerEntries(`${runId}:r1`)).toEqual([{ type: "reserve", amount: 2 }, { type: "capture", amount: 0 }, { type: "release", amount: 2 }]);
    // Poked after the failure, the object runs, finds the round ended and takes that outcome as its own.
    await vi.waitFor(async () => expect(await runStub(runId).status()).toMatchObject({ stage: "failed", outcomeRecorded: true }), { timeout: 25_000, interval: 100 });
    await cron();
    expect(await ledgerEntries(`${runId}:r1`)).toEqual([{ type: "reserve", amount: 2 }, { type: "capture", amount: 0 }, { type: "release", amount: 2 }]);
    expect(await rowOf(runId)).toMatchObject({ status: "failed" });
  });

  it("re-arms an enrichment job that lost its alarm, and it completes", async () => {
    const { results } = await env.DB.prepare(`SELECT id FROM talent_profiles WHERE company_id = ? ORDER BY seq LIMIT 2`).bind(tenant.companyId).all<{ id: string }>();
    const profileIds = results.map((r) => r.id);
    const requestId = await admitted("enrich", 2, { profileIds });
    const job = env.ENRICHMENT_JOB.get(env.ENRICHMENT_JOB.idFromName(requestId));
    // The job holds its request but its alarm is gone (its retries ran out on the code before this fix).
    await runInDurableObject(job, async (_i, state) => {
      await state.storage.put("job", { requestId, companyId: tenant.companyId, profileIds, webhookId: null, baseUrl: BASE, stage: "enriching" });
    });
    await idleFor(requestId, 11);
    await cron();

    await vi.waitFor(async () => expect((await rowOf(requestId))?.status).toBe("completed"), { timeout: 25_000, interval: 100 });
    expect(await ledgerEntries(`${requestId}:r1`)).toEqual([{ type: "reserve", amount: 2 }, { type: "capture", amount: 2 }, { type: "release", amount: 0 }]);
    expect(await job.status()).toEqual({ stage: "done" });
  });

  it("leaves nothing stuck and nothing reserved behind any of the above", async () => {
    await cron();
    const stuck = await env.DB.prepare(`SELECT COUNT(*) AS n FROM sourcing_runs WHERE status = 'processing'`).first<{ n: number }>();
    expect(stuck?.n).toBe(0);
    expect((await ledgerOf(tenant.companyId)).reserved).toBe(0);
    // Every reservation resolved once: one capture and one release each, never two.
    const twice = await env.DB.prepare(
      `SELECT reservation_id, entry_type, COUNT(*) AS n FROM credit_ledger WHERE company_id = ? AND entry_type IN ('capture', 'release') GROUP BY 1, 2 HAVING n > 1`,
    ).bind(tenant.companyId).all();
    expect(twice.results).toEqual([]);
  });
});
