// A round ends once: the terminal write (results, capture/release, status) only applies while the
// run is still processing that round, and the run object learns whether its write is the one that stands.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import { DeliveryOutbox } from "../../src/webhooks/outbox";
import type { BatchReport, RunJob } from "../../src/runs/sourcing-run";
import { api, createTenant, importProfiles, ledgerOf, type TestTenant, validJob, waitForRun } from "../helpers";
import { stubReceiver } from "../webhooks/receiver";

type Results = { status: string; errorCode?: string; candidates: { profileId: string }[] };
let tenant: TestTenant;

const runStub = (runId: string) => env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(runId));

async function createWebhook(events: string[]): Promise<string> {
  const res = await api("/webhooks", { method: "POST", key: tenant.key, json: { url: "https://hooks.example.com/scoutflare", name: "ats", events } });
  if (res.status !== 201) throw new Error(await res.text());
  return (await res.json<{ id: string }>()).id;
}

async function deliveriesOf(runId: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM webhook_deliveries WHERE run_id = ?`).bind(runId).first<{ n: number }>();
  return row?.n ?? 0;
}

async function ledgerEntries(reservationId: string) {
  const rows = await env.DB.prepare(`SELECT entry_type AS type, amount FROM credit_ledger WHERE reservation_id = ? ORDER BY seq`).bind(reservationId).all();
  return rows.results;
}

beforeAll(async () => {
  tenant = await createTenant({ credits: 500 });
  await importProfiles(tenant.key, generateDemoPool({ count: 120, seed: 5 }));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("the start RPC rejects after the object accepted the run", () => {
  it("the route's failure stands: the object's completion writes nothing, captures nothing and sends no SOURCING_COMPLETED", async () => {
    stubReceiver();
    const webhookId = await createWebhook(["SOURCING_COMPLETED", "SOURCING_FAILED"]);
    const before = await ledgerOf(tenant.companyId);
    const realGet = env.SOURCING_RUN.get.bind(env.SOURCING_RUN);
    let runId = "";
    // The call reaches the object, but its reply is lost: the route sees a rejection.
    vi.spyOn(env.SOURCING_RUN, "get").mockImplementation((id) => {
      const stub = realGet(id);
      return {
        start: async (id: string, companyId: string, job: RunJob) => {
          runId = id;
          await stub.start(id, companyId, job);
          throw new Error("start RPC: connection lost after the call was delivered");
        },
        needsBatch: (round: number, batch: number) => stub.needsBatch(round, batch),
        recordBatch: (report: BatchReport) => stub.recordBatch(report),
        status: () => stub.status(),
      } as never;
    });
    const res = await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 4, webhookId } });
    expect(res.status).toBe(500);
    expect(runId).not.toBe("");
    // The object goes on in the background; wait until it has settled its round.
    await vi.waitFor(async () => expect((await realGet(env.SOURCING_RUN.idFromName(runId)).status())?.outcomeRecorded).toBe(true), { timeout: 20_000, interval: 50 });

    const results = await (await api(`/sourcing/${runId}/results`, { key: tenant.key })).json<Results>();
    expect(results).toMatchObject({ status: "failed", errorCode: "INTERNAL_ERROR", candidates: [] });
    const rows = await env.DB.prepare(`SELECT COUNT(*) AS n FROM run_results WHERE run_id = ?`).bind(runId).first<{ n: number }>();
    expect(rows?.n).toBe(0);
    expect(await ledgerEntries(`${runId}:r1`)).toEqual([{ type: "reserve", amount: 4 }, { type: "capture", amount: 0 }, { type: "release", amount: 4 }]);
    expect(await ledgerOf(tenant.companyId)).toMatchObject({ balance: before.balance, reserved: 0 });
    expect(await deliveriesOf(runId)).toBe(0);
    // The object adopted the recorded outcome, and owes nobody a webhook for it.
    expect(await realGet(env.SOURCING_RUN.idFromName(runId)).status()).toMatchObject({ stage: "failed", notifyOwed: false });
  });
});

describe("the webhook cannot be scheduled after the round was recorded", () => {
  it("five failed notifications leave the completed round, its results and its capture as they are", async () => {
    stubReceiver();
    const webhookId = await createWebhook(["SOURCING_COMPLETED"]);
    const schedule = vi.spyOn(DeliveryOutbox.prototype, "schedule").mockRejectedValue(new Error("D1 unavailable"));
    const { requestId: runId } = await (await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 3, webhookId } })).json<{ requestId: string }>();
    const done = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(done.status).toBe("completed");
    expect(done.candidates).toHaveLength(3);
    const stub = runStub(runId);
    await vi.waitFor(() => expect(schedule).toHaveBeenCalled(), { timeout: 10_000 });
    await vi.waitFor(async () => expect(await runInDurableObject(stub, (_i, state) => state.storage.get<number>("stepFailures"))).toBeGreaterThan(0));

    // Drive the step's retries past their backoff until the object stops retrying (or gives up).
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let i = 0; i < 10; i++) {
      const retryAt = await runInDurableObject(stub, (_i, state) => state.storage.get<number>("stepRetryAt"));
      if (retryAt === undefined) break;
      vi.setSystemTime(Math.max(Date.now(), retryAt) + 1);
      await runDurableObjectAlarm(stub);
    }
    vi.useRealTimers();

    expect(schedule.mock.calls.length).toBeGreaterThanOrEqual(5);
    const after = await (await api(`/sourcing/${runId}/results`, { key: tenant.key })).json<Results>();
    expect(after.status).toBe("completed");
    expect(after.candidates.map((c) => c.profileId)).toEqual(done.candidates.map((c) => c.profileId));
    expect(await ledgerEntries(`${runId}:r1`)).toEqual([{ type: "reserve", amount: 3 }, { type: "capture", amount: 3 }, { type: "release", amount: 0 }]);
    expect(await stub.status()).toMatchObject({ stage: "completed", outcomeRecorded: true });
  });
});
