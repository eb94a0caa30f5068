// POST /sourcing/preview and /sourcing/enrich: their results and their exact billing.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import type { EnrichmentAsk } from "../../src/enrichment/enrichment-job";
import { api, createTenant, errorOf, importProfiles, ledgerOf, type TestTenant, validJob } from "../helpers";
import { stubReceiver } from "../webhooks/receiver";

let tenant: TestTenant;
let profileIds: string[];

beforeAll(async () => {
  tenant = await createTenant({ credits: 100 });
  await importProfiles(tenant.key, generateDemoPool({ count: 150, seed: 21 }));
  const ids = await env.DB.prepare(`SELECT id FROM talent_profiles WHERE company_id = ? ORDER BY seq LIMIT 12`).bind(tenant.companyId).all<{ id: string }>();
  profileIds = ids.results.map((r) => r.id);
});

afterEach(() => vi.restoreAllMocks());

async function ledgerEntries(reservationId: string) {
  const rows = await env.DB.prepare(`SELECT entry_type AS type, amount FROM credit_ledger WHERE reservation_id = ? ORDER BY seq`).bind(reservationId).all();
  return rows.results;
}

async function pollEnrich(key: string, requestId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const body = await (await api(`/sourcing/enrich/${requestId}/results`, { key })).json<Record<string, unknown>>();
    if (body.status !== "processing") return body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("enrichment still processing");
}

describe("POST /sourcing/preview", () => {
  it("returns nine-field candidates and charges 1 credit per page of 20 (ceil(limit / 20))", async () => {
    const before = await ledgerOf(tenant.companyId);
    const res = await api("/sourcing/preview", { method: "POST", key: tenant.key, json: { ...validJob, limit: 25 } });
    expect(res.status).toBe(202);
    const { requestId } = await res.json<{ requestId: string }>();
    expect(requestId).toMatch(/^req_prev_[0-9a-f-]{36}$/);
    expect(res.headers.get("location")).toBe(`/sourcing/preview/${requestId}/results`);
    const results = await (await api(`/sourcing/preview/${requestId}/results`, { key: tenant.key })).json<{ status: string; candidates: Record<string, unknown>[]; creditsConsumed: number }>();
    expect(results.status).toBe("completed");
    expect(results.candidates).toHaveLength(25);
    expect(Object.keys(results.candidates[0]).sort()).toEqual(["companyName", "companyUrl", "country", "fullName", "headline", "location", "profileId", "profileUrl", "title"]);
    expect(results.creditsConsumed).toBe(2);
    const after = await ledgerOf(tenant.companyId);
    expect(before.balance - after.balance).toBe(2);
    expect(after.reserved).toBe(0);
  });

  it("the price follows the limit asked (ceil(limit / 20)), however few people match", async () => {
    const before = await ledgerOf(tenant.companyId);
    const res = await api("/sourcing/preview", { method: "POST", key: tenant.key, json: { title: "Zymurgist", jobDescription: "Brewing science for zymurgy research only.", limit: 41 } });
    const { requestId } = await res.json<{ requestId: string }>();
    const results = await (await api(`/sourcing/preview/${requestId}/results`, { key: tenant.key })).json<{ candidates: unknown[]; creditsConsumed: number }>();
    expect(results.creditsConsumed).toBe(3);
    const after = await ledgerOf(tenant.companyId);
    expect(before.balance - after.balance).toBe(3);
    expect(after.reserved).toBe(0);
  });

  it("has the same pre-flight: 402 when the pages cannot be paid", async () => {
    const poor = await createTenant({ credits: 1 });
    const res = await api("/sourcing/preview", { method: "POST", key: poor.key, json: { ...validJob, limit: 21 } });
    expect(res.status).toBe(402);
    expect((await errorOf(res)).error.details).toEqual({ required: 2, available: 1 });
  });

  it("a sourcing key cannot read another company's preview", async () => {
    const { requestId } = await (await api("/sourcing/preview", { method: "POST", key: tenant.key, json: { ...validJob, limit: 1 } })).json<{ requestId: string }>();
    const other = await createTenant();
    expect((await api(`/sourcing/preview/${requestId}/results`, { key: other.key })).status).toBe(404);
  });
});

describe("a preview's terminal write", () => {
  it("a completion whose reply is lost after it committed stays completed: the failure path writes nothing over it", async () => {
    const realBatch = env.DB.batch.bind(env.DB);
    let lost = false;
    vi.spyOn(env.DB, "batch").mockImplementation(async (statements) => {
      const results = await realBatch(statements);
      const completes = statements.some((st) => /SET status = 'completed'/.test((st as unknown as { statement?: string }).statement ?? ""));
      if (completes && !lost) {
        lost = true;
        throw new Error("D1: network connection lost");
      }
      return results;
    });
    const res = await api("/sourcing/preview", { method: "POST", key: tenant.key, json: { ...validJob, limit: 5 } });
    expect(lost).toBe(true);
    vi.restoreAllMocks();
    const { requestId } = (await env.DB.prepare(`SELECT id AS requestId FROM sourcing_runs WHERE company_id = ? AND kind = 'preview' ORDER BY created_at DESC, rowid DESC LIMIT 1`)
      .bind(tenant.companyId).first<{ requestId: string }>())!;
    const results = await (await api(`/sourcing/preview/${requestId}/results`, { key: tenant.key })).json<{ status: string; candidates: unknown[]; creditsConsumed: number }>();
    expect(results).toMatchObject({ status: "completed", creditsConsumed: 1 });
    expect(results.candidates).toHaveLength(5);
    expect(res.status).toBe(202);
  });
});

describe("an enrichment whose start RPC rejects after the object accepted it", () => {
  it("the route's failure stands: the object writes no results, captures nothing and sends no ENRICH_COMPLETED", async () => {
    stubReceiver();
    const hook = await api("/webhooks", { method: "POST", key: tenant.key, json: { url: "https://hooks.example.com/enrich", name: "ats", events: ["ENRICH_COMPLETED", "ENRICH_FAILED"] } });
    expect(hook.status).toBe(201);
    const { id: webhookId } = await hook.json<{ id: string }>();
    const before = await ledgerOf(tenant.companyId);
    const realGet = env.ENRICHMENT_JOB.get.bind(env.ENRICHMENT_JOB);
    let requestId = "";
    vi.spyOn(env.ENRICHMENT_JOB, "get").mockImplementation((id) => {
      const stub = realGet(id);
      return {
        start: async (ask: EnrichmentAsk) => {
          requestId = ask.requestId;
          await stub.start(ask);
          throw new Error("start RPC: connection lost after the call was delivered");
        },
      } as never;
    });
    const res = await api("/sourcing/enrich", { method: "POST", key: tenant.key, json: { profileIds: profileIds.slice(0, 2), webhookId } });
    expect(res.status).toBe(500);
    const job = realGet(env.ENRICHMENT_JOB.idFromName(requestId));
    await vi.waitFor(async () => expect((await runInDurableObject(job, (_i, state) => state.storage.get<{ stage: string }>("job")))?.stage).toBe("done"), { timeout: 10_000 });

    const body = await (await api(`/sourcing/enrich/${requestId}/results`, { key: tenant.key })).json<Record<string, unknown>>();
    expect(body).toMatchObject({ status: "failed", enrichedCount: 0, creditsConsumed: 0, data: [] });
    expect(await ledgerEntries(`${requestId}:r1`)).toEqual([{ type: "reserve", amount: 2 }, { type: "capture", amount: 0 }, { type: "release", amount: 2 }]);
    expect(await ledgerOf(tenant.companyId)).toMatchObject({ balance: before.balance, reserved: 0 });
    const deliveries = await env.DB.prepare(`SELECT COUNT(*) AS n FROM webhook_deliveries WHERE run_id = ?`).bind(requestId).first<{ n: number }>();
    expect(deliveries?.n).toBe(0);
  });
});

describe("POST /sourcing/enrich", () => {
  it("enriches each profile, in request order, billing 1 credit per profile enriched", async () => {
    const before = await ledgerOf(tenant.companyId);
    const ids = [profileIds[0], "prof_missing", profileIds[1], profileIds[0]];
    const res = await api("/sourcing/enrich", { method: "POST", key: tenant.key, json: { profileIds: ids } });
    expect(res.status).toBe(202);
    const { requestId } = await res.json<{ requestId: string }>();
    expect(requestId).toMatch(/^enr_[0-9a-f-]{36}$/);
    const body = await pollEnrich(tenant.key, requestId);
    expect(body).toMatchObject({ status: "completed", enrichedCount: 2, failureCount: 1, creditsConsumed: 2 });
    const data = body.data as { profileId: string; success: boolean; candidate: Record<string, unknown> | null; errorCode?: string }[];
    expect(data.map((d) => d.profileId)).toEqual([profileIds[0], "prof_missing", profileIds[1]]);
    expect(data[1]).toMatchObject({ success: false, candidate: null, errorCode: "RESOURCE_NOT_FOUND" });
    expect(data[0].candidate).toMatchObject({ profileId: profileIds[0], name: expect.any(String), detailedExperience: expect.any(Array) });
    const after = await ledgerOf(tenant.companyId);
    expect(before.balance - after.balance).toBe(2);
    expect(after.reserved).toBe(0);
  });

  it("a request whose profiles all fail is `failed` and costs nothing", async () => {
    const before = await ledgerOf(tenant.companyId);
    const { requestId } = await (await api("/sourcing/enrich", { method: "POST", key: tenant.key, json: { profileIds: ["prof_a", "prof_b"] } })).json<{ requestId: string }>();
    const body = await pollEnrich(tenant.key, requestId);
    expect(body).toMatchObject({ status: "failed", enrichedCount: 0, failureCount: 2, creditsConsumed: 0 });
    expect(await ledgerOf(tenant.companyId)).toMatchObject({ balance: before.balance, reserved: 0 });
  });

  it("another company's profiles cannot be enriched", async () => {
    const other = await createTenant({ credits: 10 });
    const { requestId } = await (await api("/sourcing/enrich", { method: "POST", key: other.key, json: { profileIds: [profileIds[2]] } })).json<{ requestId: string }>();
    const body = await pollEnrich(other.key, requestId);
    expect(body).toMatchObject({ status: "failed", enrichedCount: 0 });
    expect(JSON.stringify(body)).not.toContain('"name"');
  });

  it.each([
    ["no ids", { profileIds: [] }],
    ["11 ids", { profileIds: Array.from({ length: 11 }, (_, i) => `p${i}`) }],
    ["a bad webhookId", { profileIds: ["p"], webhookId: "x" }],
  ])("400 for %s", async (_n, body) => {
    const res = await api("/sourcing/enrich", { method: "POST", key: tenant.key, json: body });
    expect(res.status).toBe(400);
  });

  it("pre-flight: balance must cover the count", async () => {
    const poor = await createTenant({ credits: 2 });
    const res = await api("/sourcing/enrich", { method: "POST", key: poor.key, json: { profileIds: ["a", "b", "c"] } });
    expect(res.status).toBe(402);
    expect((await errorOf(res)).error.details).toEqual({ required: 3, available: 2 });
  });

  it("needs enrich:write", async () => {
    const reader = await createTenant({ scopes: ["sourcing:read", "sourcing:write"] });
    const res = await api("/sourcing/enrich", { method: "POST", key: reader.key, json: { profileIds: ["a"] } });
    expect(res.status).toBe(403);
  });
});
