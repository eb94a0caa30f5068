// PATCH /sourcing/{id}: a new round that refines or extends an ended run.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import { searchDepth } from "../../src/pipeline/exclusions";
import { breakerKey } from "../../src/pipeline/sources/search-sources";
import type { Candidate } from "../../src/pipeline/types";
import { DeliveryOutbox } from "../../src/webhooks/outbox";
import { api, createTenant, errorOf, importProfiles, ledgerOf, type TestTenant, validJob, waitForRun } from "../helpers";
import { stubReceiver } from "../webhooks/receiver";

type Results = { status: string; candidates: Candidate[]; errorCode?: string };
let tenant: TestTenant;

async function completedRun(limit: number): Promise<{ runId: string; results: Results }> {
  const res = await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit } });
  const { requestId } = await res.json<{ requestId: string }>();
  return { runId: requestId, results: (await waitForRun(tenant.key, requestId)) as unknown as Results };
}

beforeAll(async () => {
  tenant = await createTenant({ credits: 500 });
  await importProfiles(tenant.key, generateDemoPool({ count: 300, seed: 11 }));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const runStub = (runId: string) => env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(runId));

describe("PATCH /sourcing/{id}", () => {
  it("extends a completed run with new people only, billing the new round on its own", async () => {
    const { runId, results } = await completedRun(5);
    const before = await ledgerOf(tenant.companyId);
    const res = await api(`/sourcing/${runId}`, { method: "PATCH", key: tenant.key, json: { limit: 4 } });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ success: true, requestId: runId, status: "processing", updatedAt: expect.any(String) });
    const extended = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(extended.status).toBe("completed");
    expect(extended.candidates).toHaveLength(9);
    const firstIds = new Set(results.candidates.map((c) => c.profileId));
    const newOnes = extended.candidates.filter((c) => !firstIds.has(c.profileId));
    expect(newOnes).toHaveLength(4);
    expect(new Set(extended.candidates.map((c) => c.profileId)).size).toBe(9);
    const after = await ledgerOf(tenant.companyId);
    expect(before.balance - after.balance).toBe(4);
    expect(after.reserved).toBe(0);
    const run = await (await api(`/sourcing/${runId}`, { key: tenant.key })).json<{ round: number }>();
    expect(run.round).toBe(2);
  });

  it("refines with a query; the default limit is 10", async () => {
    const { runId } = await completedRun(3);
    const res = await api(`/sourcing/${runId}`, { method: "PATCH", key: tenant.key, json: { query: "kubernetes golang platform" } });
    expect(res.status).toBe(202);
    const reserve = await env.DB.prepare(`SELECT amount FROM credit_ledger WHERE reservation_id = ? AND entry_type = 'reserve'`).bind(`${runId}:r2`).first<{ amount: number }>();
    expect(reserve?.amount).toBe(10);
    expect(((await waitForRun(tenant.key, runId)) as unknown as Results).status).toBe("completed");
  });

  it("409 RUN_IN_PROGRESS while processing, and two concurrent PATCHes start one round", async () => {
    const { runId } = await completedRun(2);
    const [a, b] = await Promise.all([
      api(`/sourcing/${runId}`, { method: "PATCH", key: tenant.key, json: { limit: 2 } }),
      api(`/sourcing/${runId}`, { method: "PATCH", key: tenant.key, json: { limit: 2 } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const loser = a.status === 409 ? a : b;
    expect((await errorOf(loser)).error.code).toBe("RUN_IN_PROGRESS");
    const reserves = await env.DB.prepare(`SELECT COUNT(*) AS n FROM credit_ledger WHERE reservation_id LIKE ? AND entry_type = 'reserve'`).bind(`${runId}:%`).first<{ n: number }>();
    expect(reserves?.n).toBe(2);
    await waitForRun(tenant.key, runId);
  });

  it.each([
    ["neither field", {}],
    ["limit 0", { limit: 0 }],
    ["limit 51", { limit: 51 }],
    ["query over 500", { query: "q".repeat(501) }],
  ])("400 VALIDATION_ERROR for %s", async (_n, body) => {
    const { runId } = await completedRun(1);
    const res = await api(`/sourcing/${runId}`, { method: "PATCH", key: tenant.key, json: body });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error.code).toBe("VALIDATION_ERROR");
  });

  it("402 when a prepaid company cannot cover the new round; nothing changes", async () => {
    const poor = await createTenant({ credits: 3 });
    await importProfiles(poor.key, generateDemoPool({ count: 40, seed: 3 }));
    const { requestId } = await (await api("/sourcing", { method: "POST", key: poor.key, json: { ...validJob, limit: 3 } })).json<{ requestId: string }>();
    await waitForRun(poor.key, requestId);
    const { balance } = await ledgerOf(poor.companyId);
    const res = await api(`/sourcing/${requestId}`, { method: "PATCH", key: poor.key, json: { limit: balance + 1 } });
    expect(res.status).toBe(402);
    expect((await errorOf(res)).error.details).toEqual({ required: balance + 1, available: balance });
    const run = await (await api(`/sourcing/${requestId}`, { key: poor.key })).json<{ status: string; round: number }>();
    expect(run).toMatchObject({ status: "completed", round: 1 });
  });

  it("another company's run is 404", async () => {
    const { runId } = await completedRun(1);
    const other = await createTenant();
    const res = await api(`/sourcing/${runId}`, { method: "PATCH", key: other.key, json: { limit: 1 } });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).error.code).toBe("REQUEST_NOT_FOUND");
  });
});

describe("PATCH while the run is still finishing its round", () => {
  it("409 RUN_IN_PROGRESS while the object still owes the ended round's webhook; nothing reserved, the round stands, a later PATCH works", async () => {
    stubReceiver();
    const hook = await api("/webhooks", { method: "POST", key: tenant.key, json: { url: "https://hooks.example.com/ats", name: "ats", events: ["SOURCING_COMPLETED"] } });
    expect(hook.status).toBe(201);
    const { id: webhookId } = await hook.json<{ id: string }>();
    // D1 has the round as completed, but the object cannot yet schedule the webhook it owes for it.
    const schedule = vi.spyOn(DeliveryOutbox.prototype, "schedule").mockRejectedValue(new Error("D1 unavailable"));
    const { requestId: runId } = await (await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 2, webhookId } })).json<{ requestId: string }>();
    const first = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(first.status).toBe("completed");
    await vi.waitFor(() => expect(schedule).toHaveBeenCalled(), { timeout: 10_000 });

    const res = await api(`/sourcing/${runId}`, { method: "PATCH", key: tenant.key, json: { limit: 2 } });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).error.code).toBe("RUN_IN_PROGRESS");
    const reserve = await env.DB.prepare(`SELECT COUNT(*) AS n FROM credit_ledger WHERE reservation_id = ?`).bind(`${runId}:r2`).first<{ n: number }>();
    expect(reserve?.n).toBe(0);
    const after = await (await api(`/sourcing/${runId}/results`, { key: tenant.key })).json<Results>();
    expect(after.status).toBe("completed");
    expect(after.candidates).toEqual(first.candidates);
    expect(await (await api(`/sourcing/${runId}`, { key: tenant.key })).json()).toMatchObject({ round: 1, status: "completed" });

    // Once the webhook is scheduled, the run can be extended.
    schedule.mockRestore();
    const stub = runStub(runId);
    const retryAt = await runInDurableObject(stub, (_i, state) => state.storage.get<number>("stepRetryAt"));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.max(Date.now(), retryAt ?? 0) + 1);
    await runDurableObjectAlarm(stub);
    vi.useRealTimers();
    const again = await api(`/sourcing/${runId}`, { method: "PATCH", key: tenant.key, json: { limit: 2 } });
    expect(again.status).toBe(202);
    const extended = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(extended.status).toBe("completed");
    expect(extended.candidates).toHaveLength(4);
  });
});

describe("later rounds", () => {
  it("a failed later round keeps the earlier rounds' delivered, billed results visible", async () => {
    const { runId, results } = await completedRun(3);
    // The talent pool's breaker is per company: open this tenant's.
    await env.DB.prepare(`INSERT INTO source_health (source, consecutive_failures, opened_until) VALUES (?, 3, ?)
      ON CONFLICT (source) DO UPDATE SET opened_until = excluded.opened_until`).bind(breakerKey({ name: "talent_pool", scope: "tenant" }, tenant.companyId), Date.now() + 60_000).run();
    try {
      expect((await api(`/sourcing/${runId}`, { method: "PATCH", key: tenant.key, json: { limit: 2 } })).status).toBe(202);
      const failed = (await waitForRun(tenant.key, runId)) as unknown as Results;
      expect(failed.status).toBe("failed");
      expect(failed.errorCode).toBe("SOURCE_UNAVAILABLE");
      expect(failed.candidates.map((c) => c.profileId)).toEqual(results.candidates.map((c) => c.profileId));
    } finally {
      await env.DB.prepare(`DELETE FROM source_health`).run();
    }
  });

  it("a later round scores at most the depth its own limit asks for, however many its search finds", async () => {
    // Backend engineers the job's facts find, and writers a refinement's text finds: a round-2 search
    // with a refinement gathers far more fresh people than PATCH {limit: 1} can need.
    const t = await createTenant({ credits: 50 });
    const profile = (kind: "engineer" | "writer", i: number) => ({
      externalId: `${kind}-${i}`, fullName: `${kind} ${i}`, location: "San Francisco, CA",
      currentTitle: kind === "engineer" ? "Senior Backend Engineer" : "Technical Writer",
      skills: kind === "engineer" ? ["Node.js", "PostgreSQL", "Kubernetes"] : ["Node.js", "PostgreSQL"],
      experience: [{
        title: kind === "engineer" ? "Senior Backend Engineer" : "Technical Writer", company: "Acme", startDate: "2017-01",
        description: kind === "engineer" ? "Node.js services on PostgreSQL, deployed to Kubernetes." : "Documents senior backend Node.js and PostgreSQL services for engineers.",
      }],
    });
    await importProfiles(t.key, [...Array.from({ length: 200 }, (_, i) => profile("engineer", i)), ...Array.from({ length: 200 }, (_, i) => profile("writer", i))]);
    const { requestId: runId } = await (await api("/sourcing", { method: "POST", key: t.key, json: { ...validJob, limit: 3 } })).json<{ requestId: string }>();
    expect(((await waitForRun(t.key, runId)) as unknown as Results).status).toBe("completed");
    const res = await api(`/sourcing/${runId}`, { method: "PATCH", key: t.key, json: { limit: 1, query: "technical writer documents services" } });
    expect(res.status).toBe(202);
    expect(((await waitForRun(t.key, runId)) as unknown as Results).candidates).toHaveLength(4);
    const batches = await runInDurableObject(runStub(runId), (_i, state) => state.storage.get<string[][]>("batches:2"));
    expect(batches!.flat().length).toBe(searchDepth(1));
  });
});
