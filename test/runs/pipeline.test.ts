// A sourcing run end to end through the real Worker, D1, run Durable Object and enrichment Queue.
import { createExecutionContext, createMessageBatch, getQueueResult, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/index";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import { NO_SOURCE_ANSWERED } from "../../src/pipeline/find-candidates";
import { breakerKey } from "../../src/pipeline/sources/search-sources";
import type { Candidate } from "../../src/pipeline/types";
import type { EnrichBatchMessage } from "../../src/queue/messages";
import { api, createTenant, importProfiles, ledgerOf, type TestTenant, validJob, waitForRun } from "../helpers";

type Results = { status: string; foundCount: number; scoredCount: number; candidates: Candidate[]; errorCode?: string; icp?: unknown };

let tenant: TestTenant;
const pool = generateDemoPool({ count: 400, seed: 7 });

async function startRun(t: TestTenant, body: Record<string, unknown>): Promise<string> {
  const res = await api("/sourcing", { method: "POST", key: t.key, json: body });
  expect(res.status).toBe(202);
  return (await res.json<{ requestId: string }>()).requestId;
}

/**
 * Hold a run's enrichment batches back (the queue is the fault-injection point) so a test decides
 * when, how often and whether they are delivered.
 */
function holdEnrichBatches(): { body: EnrichBatchMessage }[] {
  const held: { body: EnrichBatchMessage }[] = [];
  vi.spyOn(env.ENRICH_QUEUE, "sendBatch").mockImplementation(async (messages) => {
    held.push(...(messages as { body: EnrichBatchMessage }[]));
    return { metadata: { metrics: { backlogCount: held.length, backlogBytes: 0 } } } as never;
  });
  return held;
}

function runStub(runId: string) {
  return env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(runId));
}

beforeAll(async () => {
  tenant = await createTenant({ credits: 1000 });
  const imported = await importProfiles(tenant.key, pool);
  expect(imported.imported).toBe(400);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("a full run", () => {
  it("completes with `limit` ranked, explained candidates and bills exactly what it delivered", async () => {
    const before = await ledgerOf(tenant.companyId);
    const runId = await startRun(tenant, { ...validJob, limit: 15 });
    const results = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(results.status).toBe("completed");
    expect(results.candidates).toHaveLength(15);
    expect(results.scoredCount).toBeGreaterThanOrEqual(15);
    expect(results.foundCount).toBeGreaterThanOrEqual(results.scoredCount);
    const scores = results.candidates.map((c) => c.matchScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const c of results.candidates) {
      expect(Number.isInteger(c.matchScore)).toBe(true);
      expect(c.rationale.length).toBeGreaterThan(0);
      expect(Object.keys(c.scoreBreakdown).sort()).toEqual(["experience", "location", "seniority", "skills", "title"]);
    }
    // Backend engineers from the pool rank above the nurses and accountants in it.
    expect(results.candidates[0].currentRole?.toLowerCase()).toMatch(/engineer|developer/);
    expect(new Set(results.candidates.map((c) => c.profileId)).size).toBe(15);
    const after = await ledgerOf(tenant.companyId);
    expect(before.balance - after.balance).toBe(15);
    expect(after.reserved).toBe(0);
  });

  it("never returns excluded people, by id, email or LinkedIn URL", async () => {
    const first = (await waitForRun(tenant.key, await startRun(tenant, { ...validJob, limit: 6 }))) as unknown as Results;
    const [a, b, c] = first.candidates;
    const runId = await startRun(tenant, {
      ...validJob, limit: 6,
      exclude: { profileIds: [a.profileId], emails: [b.emails[0].toUpperCase()], linkedinUrls: [`${c.linkedinUrl}/`] },
    });
    const second = (await waitForRun(tenant.key, runId)) as unknown as Results;
    const ids = second.candidates.map((x) => x.profileId);
    expect(ids).not.toContain(a.profileId);
    expect(ids).not.toContain(b.profileId);
    expect(ids).not.toContain(c.profileId);
    expect(second.candidates).toHaveLength(6);
  });

  it("fails SOURCE_UNAVAILABLE when every source's breaker is open, and captures nothing", async () => {
    const t = await createTenant({ credits: 50 });
    // The talent pool's breaker is per company: open this tenant's.
    await env.DB.prepare(`INSERT INTO source_health (source, consecutive_failures, opened_until) VALUES (?, 3, ?)
      ON CONFLICT (source) DO UPDATE SET opened_until = excluded.opened_until`).bind(breakerKey({ name: "talent_pool", scope: "tenant" }, t.companyId), Date.now() + 60_000).run();
    try {
      const results = (await waitForRun(t.key, await startRun(t, validJob))) as unknown as Results;
      expect(results.status).toBe("failed");
      expect(results.errorCode).toBe("SOURCE_UNAVAILABLE");
      // A fixed sentence: what each source said (table names, hosts, timeouts) goes to the log only.
      expect((results as unknown as { errorMessage: string }).errorMessage).toBe(NO_SOURCE_ANSWERED);
      expect(results.candidates).toEqual([]);
      expect(await ledgerOf(t.companyId)).toMatchObject({ balance: 50, reserved: 0, captured: 0 });
    } finally {
      await env.DB.prepare(`DELETE FROM source_health`).run();
    }
  });
});

describe("at-least-once delivery", () => {
  it("a redelivered batch produces no duplicate results and no extra charge", async () => {
    const before = await ledgerOf(tenant.companyId);
    const held = holdEnrichBatches();
    const runId = await startRun(tenant, { ...validJob, limit: 10 });
    await vi.waitFor(() => expect(held.length).toBeGreaterThan(1), { timeout: 10_000 });
    const deliver = async (bodies: EnrichBatchMessage[]) => {
      const batch = createMessageBatch("scoutflare-enrich", bodies.map((body, i) => ({ id: `m${i}-${Math.random()}`, timestamp: new Date(), attempts: 1, body })));
      const ctx = createExecutionContext();
      await worker.queue(batch, env, ctx);
      return getQueueResult(batch, ctx);
    };
    const bodies = held.map((m) => m.body);
    // Every batch twice, the first one three times, concurrently.
    const results = await Promise.all([deliver(bodies), deliver(bodies), deliver([bodies[0]])]);
    for (const r of results) expect(r.retryMessages).toEqual([]);
    const done = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(done.status).toBe("completed");
    const ids = done.candidates.map((c) => c.profileId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(10);
    const profilesSent = bodies.flatMap((b) => b.profileIds).length;
    expect(done.scoredCount).toBe(profilesSent);
    const rows = await env.DB.prepare(`SELECT COUNT(*) AS n FROM run_results WHERE run_id = ?`).bind(runId).first<{ n: number }>();
    expect(rows?.n).toBe(10);
    expect(before.balance - (await ledgerOf(tenant.companyId)).balance).toBe(10);
  });

  it("a consumer that fails once retries the message with backoff, then succeeds", async () => {
    const held = holdEnrichBatches();
    const runId = await startRun(tenant, { ...validJob, limit: 5 });
    await vi.waitFor(() => expect(held.length).toBeGreaterThan(0), { timeout: 10_000 });
    const realGet = env.SOURCING_RUN.get.bind(env.SOURCING_RUN);
    let failures = 0;
    vi.spyOn(env.SOURCING_RUN, "get").mockImplementation((id) => {
      if (failures++ === 0) throw new Error("run object unreachable"); // a system failure, not a bad profile
      return realGet(id);
    });
    const send = async (attempts: number) => {
      const batch = createMessageBatch("scoutflare-enrich", held.map((m, i) => ({ id: `r${i}`, timestamp: new Date(), attempts, body: m.body })));
      const retry = vi.spyOn(batch.messages[0], "retry");
      const ctx = createExecutionContext();
      await worker.queue(batch, env, ctx);
      return { ...(await getQueueResult(batch, ctx)), retry };
    };
    const first = await send(1);
    expect(first.retryMessages).toEqual([{ msgId: "r0" }]);
    expect(first.retry).toHaveBeenCalledWith({ delaySeconds: 2 });
    expect(first.explicitAcks).toEqual(held.slice(1).map((_, i) => `r${i + 1}`));
    const second = await send(2);
    expect(second.retryMessages).toEqual([]);
    const done = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(done.status).toBe("completed");
    expect(done.candidates).toHaveLength(5);
  });

  it("a profile erased between search and enrichment is isolated: left out and unbilled", async () => {
    const held = holdEnrichBatches();
    const runId = await startRun(tenant, { ...validJob, limit: 100 });
    await vi.waitFor(() => expect(held.length).toBeGreaterThan(0), { timeout: 10_000 });
    const victim = held[0].body.profileIds[0];
    expect((await api(`/candidates/${victim}`, { method: "DELETE", key: tenant.key })).status).toBe(200);
    const batch = createMessageBatch("scoutflare-enrich", held.map((m, i) => ({ id: `e${i}`, timestamp: new Date(), attempts: 1, body: m.body })));
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const done = (await waitForRun(tenant.key, runId)) as unknown as Results;
    const sent = held.flatMap((m) => m.body.profileIds).length;
    expect(done.scoredCount).toBe(sent - 1);
    expect(done.candidates.map((c) => c.profileId)).not.toContain(victim);
    expect(done.candidates).toHaveLength(Math.min(100, sent - 1));
    const captured = await env.DB.prepare(`SELECT amount FROM credit_ledger WHERE reservation_id = ? AND entry_type = 'capture'`).bind(`${runId}:r1`).first<{ amount: number }>();
    expect(captured?.amount).toBe(done.candidates.length);
  });

  it("dead-lettered batches count as failed so the run ends without waiting for its deadline", async () => {
    const held = holdEnrichBatches();
    const runId = await startRun(tenant, { ...validJob, limit: 5 });
    await vi.waitFor(() => expect(held.length).toBeGreaterThan(1), { timeout: 10_000 });
    const live = createMessageBatch("scoutflare-enrich", [{ id: "ok", timestamp: new Date(), attempts: 1, body: held[0].body }]);
    await worker.queue(live, env, createExecutionContext());
    const dead = createMessageBatch("scoutflare-enrich-dlq", held.slice(1).map((m, i) => ({ id: `d${i}`, timestamp: new Date(), attempts: 1, body: m.body })));
    await worker.queue(dead, env, createExecutionContext());
    const done = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(done.status).toBe("completed");
    expect(done.scoredCount).toBe(held[0].body.profileIds.length);
  });
});

describe("erasure during a run", () => {
  it("a person erased after being scored is not delivered when the run ranks", async () => {
    const held = holdEnrichBatches();
    const runId = await startRun(tenant, { ...validJob, limit: 5 });
    await vi.waitFor(() => expect(held.length).toBeGreaterThan(1), { timeout: 10_000 });
    // Score everything except the last batch, so the run is still waiting when the erasure happens.
    const deliver = (bodies: EnrichBatchMessage[]) =>
      worker.queue(createMessageBatch("scoutflare-enrich", bodies.map((body, i) => ({ id: `x${i}-${Math.random()}`, timestamp: new Date(), attempts: 1, body }))), env, createExecutionContext());
    await deliver(held.slice(0, -1).map((m) => m.body));
    const scored = await runInDurableObject(runStub(runId), (_i, state) =>
      state.storage.sql.exec<{ profile_id: string }>(`SELECT profile_id FROM scored ORDER BY match_score DESC LIMIT 1`).toArray());
    const best = scored[0].profile_id;
    expect((await api(`/candidates/${best}`, { method: "DELETE", key: tenant.key })).status).toBe(200);
    await deliver([held.at(-1)!.body]);
    const done = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(done.candidates.map((c) => c.profileId)).not.toContain(best);
    expect(done.candidates).toHaveLength(5);
  });
});

describe("interleaving", () => {
  it("batches scored before the queue send returns are not lost", async () => {
    // The consumer can finish a batch while the run object is still awaiting sendBatch; the
    // object must apply "enqueued" to the state as it is then, not to its snapshot from before.
    vi.spyOn(env.ENRICH_QUEUE, "sendBatch").mockImplementation(async (messages) => {
      const bodies = [...messages].map((m) => m.body as EnrichBatchMessage);
      const batch = createMessageBatch("scoutflare-enrich", bodies.map((body, i) => ({ id: `i${i}`, timestamp: new Date(), attempts: 1, body })));
      await worker.queue(batch, env, createExecutionContext());
      return { metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } } as never;
    });
    const runId = await startRun(tenant, { ...validJob, limit: 8 });
    const done = (await waitForRun(tenant.key, runId, 10_000)) as unknown as Results; // the deadline is 300 s away
    expect(done.status).toBe("completed");
    expect(done.candidates).toHaveLength(8);
  });
});

describe("the deadline", () => {
  async function heldRun(limit: number) {
    const held = holdEnrichBatches();
    const runId = await startRun(tenant, { ...validJob, limit });
    await vi.waitFor(() => expect(held.length).toBeGreaterThan(1), { timeout: 10_000 });
    await vi.waitFor(async () => expect((await runStub(runId).status())?.batchesEnqueued).toBe(true));
    return { runId, held };
  }

  async function passDeadline(runId: string) {
    const state = await runStub(runId).status();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(state!.deadlineAt + 1);
    await runInDurableObject(runStub(runId), (instance) => instance.alarm!());
    vi.useRealTimers();
  }

  it("with nothing scored, the run fails RUN_DEADLINE_EXCEEDED and releases its reservation", async () => {
    const { runId } = await heldRun(10);
    await passDeadline(runId);
    const done = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(done.status).toBe("failed");
    expect(done.errorCode).toBe("RUN_DEADLINE_EXCEEDED");
    const entries = await env.DB.prepare(`SELECT entry_type AS type, amount FROM credit_ledger WHERE reservation_id = ? ORDER BY seq`).bind(`${runId}:r1`).all();
    expect(entries.results).toEqual([{ type: "reserve", amount: 10 }, { type: "capture", amount: 0 }, { type: "release", amount: 10 }]);
  });

  it("with some batches scored, the run finalizes with what it has", async () => {
    const { runId, held } = await heldRun(30);
    const batch = createMessageBatch("scoutflare-enrich", [{ id: "only", timestamp: new Date(), attempts: 1, body: held[0].body }]);
    await worker.queue(batch, env, createExecutionContext());
    await passDeadline(runId);
    const done = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(done.status).toBe("completed");
    expect(done.candidates.length).toBe(held[0].body.profileIds.length);
    // A batch that arrives after the run ended changes nothing.
    const late = createMessageBatch("scoutflare-enrich", [{ id: "late", timestamp: new Date(), attempts: 1, body: held[1].body }]);
    await worker.queue(late, env, createExecutionContext());
    const again = (await (await api(`/sourcing/${runId}/results`, { key: tenant.key })).json()) as Results;
    expect(again.candidates.length).toBe(done.candidates.length);
  });

  it("a duplicate alarm after completion does nothing", async () => {
    const runId = await startRun(tenant, { ...validJob, limit: 3 });
    const done = (await waitForRun(tenant.key, runId)) as unknown as Results;
    const before = await ledgerOf(tenant.companyId);
    await runInDurableObject(runStub(runId), (instance) => instance.alarm!());
    await runInDurableObject(runStub(runId), (instance) => instance.alarm!());
    expect(await ledgerOf(tenant.companyId)).toEqual(before);
    const again = (await (await api(`/sourcing/${runId}/results`, { key: tenant.key })).json()) as Results;
    expect(again.candidates).toEqual(done.candidates);
  });
});
