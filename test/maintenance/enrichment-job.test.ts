// An EnrichmentJob whose alarm step keeps failing, or that runs out of time: it fails the request
// and releases its credits exactly once, through the guarded terminal write, instead of throwing
// until the platform stops retrying its alarm. D1 refuses the job's result rows (a trigger), so the
// real enrichment runs and fails where a broken D1 would fail it. Steps are driven with
// runDurableObjectAlarm and a faked clock (Date only), never slept on.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import { reconcileStuckRuns } from "../../src/maintenance/reconcile";
import { createRunWithReservation } from "../../src/runs/run-store";
import { api, BASE, createTenant, importProfiles, ledgerOf, type TestTenant } from "../helpers";
import { stubReceiver } from "../webhooks/receiver";

let tenant: TestTenant;
let profileIds: string[];

beforeAll(async () => {
  tenant = await createTenant({ credits: 100 });
  await importProfiles(tenant.key, generateDemoPool({ count: 10, seed: 3 }));
  const { results } = await env.DB.prepare(`SELECT id FROM talent_profiles WHERE company_id = ? ORDER BY seq LIMIT 3`).bind(tenant.companyId).all<{ id: string }>();
  profileIds = results.map((r) => r.id);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const jobStub = (requestId: string) => env.ENRICHMENT_JOB.get(env.ENRICHMENT_JOB.idFromName(requestId));

async function ledgerEntries(reservationId: string) {
  const { results } = await env.DB.prepare(`SELECT entry_type AS type, amount FROM credit_ledger WHERE reservation_id = ? ORDER BY seq`).bind(reservationId).all();
  return results;
}

const rowOf = (id: string) =>
  env.DB.prepare(`SELECT status, error_code AS errorCode, error_message AS errorMessage FROM sourcing_runs WHERE id = ?`).bind(id).first<Record<string, string | null>>();

/** An enrichment admitted in D1 (row + reservation) whose result rows D1 refuses until `allow()`. */
async function failingEnrichment(count: number): Promise<{ requestId: string; allow: () => Promise<void> }> {
  const requestId = `enr_${crypto.randomUUID()}`;
  const ids = profileIds.slice(0, count);
  const { created } = await createRunWithReservation(env.DB, {
    id: requestId, companyId: tenant.companyId, kind: "enrich", request: { profileIds: ids }, webhookId: null, credits: count, costKey: "enrich", enforceAvailable: true,
  });
  expect(created).toBe(true);
  const trigger = `refuse_${requestId.replace(/\W/g, "_")}`;
  await env.DB.prepare(`CREATE TRIGGER ${trigger} BEFORE INSERT ON run_results WHEN new.run_id = '${requestId}' BEGIN SELECT RAISE(ABORT, 'injected: D1 refuses the results'); END`).run();
  return { requestId, allow: async () => void (await env.DB.prepare(`DROP TRIGGER IF EXISTS ${trigger}`).run()) };
}

const storageOf = (requestId: string) =>
  runInDurableObject(jobStub(requestId), async (_i, state) => ({
    job: await state.storage.get<{ stage: string; deadlineAt?: number }>("job"),
    failures: await state.storage.get<number>("stepFailures"),
    retryAt: await state.storage.get<number>("stepRetryAt"),
  }));

/**
 * Run the job's alarm whenever its step is next due, on a faked clock (from `fromMs`), until it stops
 * enriching. Returns how many alarms this ran. An alarm already running in the background (the one
 * start() armed) leaves none scheduled for a moment: then it waits a little, in real time.
 */
async function driveUntilSettled(requestId: string, opts: { fromMs?: number; maxAlarms?: number } = {}): Promise<number> {
  vi.useFakeTimers({ toFake: ["Date"] });
  if (opts.fromMs !== undefined) vi.setSystemTime(opts.fromMs);
  let ran = 0;
  for (let tries = 0; ran < (opts.maxAlarms ?? 12) && tries < 300; tries++) {
    const { job, retryAt } = await storageOf(requestId);
    if (job?.stage !== "enriching") break;
    vi.setSystemTime(Math.max(Date.now(), retryAt ?? 0) + 1);
    if (await runDurableObjectAlarm(jobStub(requestId))) ran++; // rejects if the alarm throws
    else await new Promise((r) => setTimeout(r, 20));
  }
  return ran;
}

async function createWebhook(): Promise<string> {
  const res = await api("/webhooks", { method: "POST", key: tenant.key, json: { url: "https://hooks.example.com/enrich", name: "ats", events: ["ENRICH_COMPLETED", "ENRICH_FAILED"] } });
  expect(res.status).toBe(201);
  return (await res.json<{ id: string }>()).id;
}

describe("an enrichment whose step keeps failing", () => {
  it("never throws out of its alarm, fails once its budget is spent, and releases its credits exactly once", async () => {
    const { sent } = stubReceiver();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const webhookId = await createWebhook();
    const before = await ledgerOf(tenant.companyId);
    const { requestId, allow } = await failingEnrichment(2);
    try {
      await jobStub(requestId).start({ requestId, companyId: tenant.companyId, profileIds: profileIds.slice(0, 2), webhookId, baseUrl: BASE });
      const alarms = await driveUntilSettled(requestId);
      expect(alarms).toBeLessThan(12);
    } finally {
      await allow();
    }

    expect(await rowOf(requestId)).toEqual({ status: "failed", errorCode: "INTERNAL_ERROR", errorMessage: "The enrichment could not be completed" });
    expect(await ledgerEntries(`${requestId}:r1`)).toEqual([{ type: "reserve", amount: 2 }, { type: "capture", amount: 0 }, { type: "release", amount: 2 }]);
    expect(await ledgerOf(tenant.companyId)).toMatchObject({ balance: before.balance, reserved: before.reserved });
    const results = await (await api(`/sourcing/enrich/${requestId}/results`, { key: tenant.key })).json<Record<string, unknown>>();
    expect(results).toMatchObject({ status: "failed", enrichedCount: 0, failureCount: 2, creditsConsumed: 0 });

    // Its ENRICH_FAILED webhook is owed once: scheduled by the step after the give-up, sent by the alarm.
    await runDurableObjectAlarm(jobStub(requestId));
    await runDurableObjectAlarm(jobStub(requestId));
    const deliveries = await env.DB.prepare(`SELECT event, status FROM webhook_deliveries WHERE run_id = ?`).bind(requestId).all();
    expect(deliveries.results).toEqual([{ event: "ENRICH_FAILED", status: "delivered" }]);
    expect(sent.filter((s) => s.body.includes(requestId))).toHaveLength(1);

    // Repeating everything changes nothing: the job is done, the round is ended, the reservation resolved.
    await runDurableObjectAlarm(jobStub(requestId));
    await reconcileStuckRuns(env, { nowMs: Date.now() + 60 * 60_000 });
    expect(await ledgerEntries(`${requestId}:r1`)).toEqual([{ type: "reserve", amount: 2 }, { type: "capture", amount: 0 }, { type: "release", amount: 2 }]);
    expect((await storageOf(requestId)).job?.stage).toBe("done");
  });

  it("a step that fails a few times and then succeeds completes normally, billed once", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { requestId, allow } = await failingEnrichment(2);
    await jobStub(requestId).start({ requestId, companyId: tenant.companyId, profileIds: profileIds.slice(0, 2), webhookId: null, baseUrl: BASE });
    await vi.waitFor(async () => expect((await storageOf(requestId)).failures).toBeGreaterThanOrEqual(1), { timeout: 10_000, interval: 50 });
    await allow();
    await driveUntilSettled(requestId);

    expect(await rowOf(requestId)).toMatchObject({ status: "completed" });
    expect(await ledgerEntries(`${requestId}:r1`)).toEqual([{ type: "reserve", amount: 2 }, { type: "capture", amount: 2 }, { type: "release", amount: 0 }]);
    expect((await storageOf(requestId)).failures).toBeUndefined(); // the budget is cleared by a step that succeeds
  });
});

describe("an enrichment past its deadline", () => {
  it("gives up at its next alarm without spending the rest of its budget", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { requestId, allow } = await failingEnrichment(3);
    try {
      await jobStub(requestId).start({ requestId, companyId: tenant.companyId, profileIds: profileIds.slice(0, 3), webhookId: null, baseUrl: BASE });
      const { job } = await storageOf(requestId);
      expect(job?.deadlineAt).toBeGreaterThan(Date.now()); // RUN_DEADLINE_S from its start
      const ran = await driveUntilSettled(requestId, { fromMs: job!.deadlineAt! + 1 });
      expect(ran).toBeLessThanOrEqual(1);
      expect((await storageOf(requestId)).failures ?? 0).toBeLessThan(5); // the budget was not what ended it
    } finally {
      await allow();
    }

    expect(await rowOf(requestId)).toMatchObject({ status: "failed", errorCode: "INTERNAL_ERROR" });
    expect(await ledgerEntries(`${requestId}:r1`)).toEqual([{ type: "reserve", amount: 3 }, { type: "capture", amount: 0 }, { type: "release", amount: 3 }]);
    expect((await storageOf(requestId)).job?.stage).toBe("done");
  });
});
