// PATCH /sourcing/{id}: a new round that refines or extends an ended run.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import type { Candidate } from "../../src/pipeline/types";
import { api, createTenant, errorOf, importProfiles, ledgerOf, type TestTenant, validJob, waitForRun } from "../helpers";

type Results = { status: string; candidates: Candidate[] };
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
