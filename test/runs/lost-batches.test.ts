// Enrichment batches that never arrive: a run re-sends what is outstanding after the batch timeout
// (a restart of the runtime loses the local queue's messages), and the batch report never waits on D1.
import { createExecutionContext, createMessageBatch, getQueueResult, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/index";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import type { Candidate } from "../../src/pipeline/types";
import type { EnrichBatchMessage } from "../../src/queue/messages";
import { api, createTenant, importProfiles, ledgerOf, type TestTenant, validJob, waitForRun } from "../helpers";

type Results = { status: string; scoredCount: number; candidates: Candidate[]; errorCode?: string };

const BATCH_TIMEOUT_MS = 60_000; // ENRICH_BATCH_TIMEOUT_S's default; the run's deadline (300 s) is far past it

let tenant: TestTenant;

const runStub = (runId: string) => env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(runId));

async function startRun(body: Record<string, unknown>): Promise<string> {
  const res = await api("/sourcing", { method: "POST", key: tenant.key, json: body });
  expect(res.status).toBe(202);
  return (await res.json<{ requestId: string }>()).requestId;
}

/** Run the object's alarm as if `aheadMs` had passed (Date only: the queue and the object run on). */
async function alarmAfter(runId: string, aheadMs: number): Promise<void> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + aheadMs);
  try {
    await runInDurableObject(runStub(runId), (instance) => instance.alarm!());
  } finally {
    vi.useRealTimers();
  }
}

beforeAll(async () => {
  tenant = await createTenant({ credits: 1000 });
  expect((await importProfiles(tenant.key, generateDemoPool({ count: 400, seed: 7 }))).imported).toBe(400);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/**
 * A run whose enrichment batches are kept back instead of sent to the queue: the test delivers them
 * itself (or loses them). Resolves once the run says its batches went out.
 */
async function startRunHoldingItsBatches(): Promise<{ held: EnrichBatchMessage[]; runId: string }> {
  const held: EnrichBatchMessage[] = [];
  vi.spyOn(env.ENRICH_QUEUE, "sendBatch").mockImplementation(async (messages) => {
    held.push(...[...messages].map((m) => m.body as EnrichBatchMessage));
    return { metadata: { metrics: { backlogCount: held.length, backlogBytes: 0 } } } as never;
  });
  const runId = await startRun({ ...validJob, limit: 5 });
  await vi.waitFor(async () => expect((await runStub(runId).status())?.batchesEnqueued).toBe(true), { timeout: 10_000 });
  return { held, runId };
}

describe("a lost enrichment batch", () => {
  it("is sent again after the batch timeout, and the run completes instead of failing at its deadline", async () => {
    // The real queue, except that the first send loses batch 0 (as a restart loses what the queue held).
    const queue = env.ENRICH_QUEUE;
    const realSend = queue.sendBatch.bind(queue);
    const sends: number[][] = [];
    const profilesOf = new Map<number, number>(); // batch index → profiles in it
    let lost: EnrichBatchMessage | undefined;
    vi.spyOn(queue, "sendBatch").mockImplementation(async (messages, opts) => {
      const list = [...messages] as { body: EnrichBatchMessage }[];
      sends.push(list.map((m) => m.body.batch));
      for (const m of list) profilesOf.set(m.body.batch, m.body.profileIds.length);
      const kept = sends.length === 1 ? list.filter((m) => (m.body.batch === 0 ? ((lost = m.body), false) : true)) : list;
      return realSend(kept, opts);
    });
    const before = await ledgerOf(tenant.companyId);
    const runId = await startRun({ ...validJob, limit: 5 });

    // Every batch but the lost one is scored; then the run hears nothing more.
    await vi.waitFor(async () => {
      const s = await runStub(runId).status();
      expect(s?.batchesTotal).toBeGreaterThan(1);
      expect(s?.batchesDone.length).toBe(s!.batchesTotal - 1);
    }, { timeout: 15_000 });
    const waiting = (await runStub(runId).status())!;
    expect(waiting.stage).toBe("enriching");
    expect(waiting.batchesDone).not.toContain(0);

    // Past the batch timeout, long before the deadline: only the outstanding batch goes out again.
    // (The platform's own alarm, armed "now" by the step, may send it a second time alongside this
    // direct call; that copy is harmless, which the end of this test shows.)
    await alarmAfter(runId, BATCH_TIMEOUT_MS + 1000);
    expect(sends.length).toBeGreaterThan(1);
    for (const resent of sends.slice(1)) expect(resent).toEqual([0]);
    const done = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(done.status).toBe("completed");
    expect(done.candidates).toHaveLength(5);
    // Every profile scored once, the re-sent batch's included.
    expect(done.scoredCount).toBe([...profilesOf.values()].reduce((a, b) => a + b, 0));

    // The lost message turns up after all: counted once, billed once.
    const late = createMessageBatch("scoutflare-enrich", [{ id: "late", timestamp: new Date(), attempts: 1, body: lost! }]);
    await worker.queue(late, env, createExecutionContext());
    const again = (await (await api(`/sourcing/${runId}/results`, { key: tenant.key })).json()) as Results;
    expect(again.scoredCount).toBe(done.scoredCount);
    const after = await ledgerOf(tenant.companyId);
    expect(before.balance - after.balance).toBe(5);
    expect(after.reserved).toBe(0);
  });

  it("waits twice as long after a re-send, and the deadline still ends a round that hears nothing", async () => {
    const { held, runId } = await startRunHoldingItsBatches();
    const sent = held.length;
    expect(sent).toBeGreaterThan(1);

    // Nothing heard for one timeout: a re-send of all (at least once: see the test above). One more
    // timeout later nothing goes out, as the wait has doubled.
    await alarmAfter(runId, BATCH_TIMEOUT_MS + 1000);
    const afterResend = held.length;
    expect(afterResend).toBeGreaterThanOrEqual(2 * sent);
    await alarmAfter(runId, BATCH_TIMEOUT_MS + 1000);
    expect(held.length).toBe(afterResend);
    const s = (await runStub(runId).status())!;
    expect(s.batchResends).toBe(1);

    // The deadline, with nothing scored: failed and released, as before re-sends existed.
    await alarmAfter(runId, s.deadlineAt - Date.now() + 1);
    const done = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(done.status).toBe("failed");
    expect(done.errorCode).toBe("RUN_DEADLINE_EXCEEDED");
  });
});

describe("a copy of a batch the run already has", () => {
  it("is acked without being scored again: the consumer asks the run first, and reads nothing from D1", async () => {
    const { held, runId } = await startRunHoldingItsBatches();
    const deliver = async (bodies: EnrichBatchMessage[], tag: string) => {
      const batch = createMessageBatch("scoutflare-enrich", bodies.map((body, i) => ({ id: `${tag}${i}`, timestamp: new Date(), attempts: 1, body })));
      const ctx = createExecutionContext();
      await worker.queue(batch, env, ctx);
      return getQueueResult(batch, ctx);
    };
    expect((await deliver([held[0]], "first")).explicitAcks).toEqual(["first0"]);

    // Scoring the copy would read its profiles from D1: with D1 failing, only a skipped copy is acked.
    const prepare = vi.spyOn(env.DB, "prepare").mockImplementation(() => {
      throw new Error("D1 unavailable");
    });
    const copy = await deliver([held[0]], "copy");
    prepare.mockRestore();
    expect(copy.retryMessages).toEqual([]);
    expect(copy.explicitAcks).toEqual(["copy0"]);
    expect((await runStub(runId).status())?.batchesDone).toEqual([0]);
  });
});

describe("the batch report", () => {
  it("waits on nothing but the object's own storage: it succeeds while D1 fails, and the progress reaches D1 later", async () => {
    const { held, runId } = await startRunHoldingItsBatches();
    expect(held.length).toBeGreaterThan(1);

    // D1 unusable for the duration of the report: a consumer awaiting the report must not wait on it.
    const prepare = vi.spyOn(env.DB, "prepare").mockImplementation(() => {
      throw new Error("D1 unavailable");
    });
    await runStub(runId).recordBatch({ round: 1, batch: 0, candidates: [], failedProfileIds: held[0].profileIds });
    prepare.mockRestore();
    expect((await runStub(runId).status())?.batchesDone).toEqual([0]);

    // The mirror is the alarm's: D1 shows the batch done once it has run (retried if it ran while D1 failed).
    await vi.waitFor(async () => {
      const row = await env.DB.prepare(`SELECT batches_done AS n FROM sourcing_runs WHERE id = ?`).bind(runId).first<{ n: number }>();
      expect(row?.n).toBe(1);
    }, { timeout: 10_000 });
  });
});
