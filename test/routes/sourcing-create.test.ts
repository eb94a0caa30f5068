// POST /sourcing and GET /sourcing/{id}[/results]: the 202 contract, tenant isolation and the
// prepaid reservation under concurrency.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, createTenant, errorOf, validJob, waitForRun } from "../helpers";

const REQUEST_ID = /^req_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function balanceOf(companyId: string) {
  return env.DB.prepare(
    `SELECT SUM(balance_delta) AS balance, SUM(reserved_delta) AS reserved FROM credit_ledger WHERE company_id = ?`,
  ).bind(companyId).first<{ balance: number; reserved: number }>();
}

describe("POST /sourcing accepted", () => {
  it("returns 202 with the contract body and Location, and reserves `limit` credits", async () => {
    const t = await createTenant({ credits: 100 });
    const res = await api("/sourcing", { method: "POST", key: t.key, json: { ...validJob, limit: 25 } });
    expect(res.status).toBe(202);
    const body = await res.json<Record<string, unknown>>();
    expect(body).toEqual({
      success: true,
      requestId: expect.stringMatching(REQUEST_ID),
      status: "processing",
      message: "Sourcing run accepted and queued for processing.",
      webhookId: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(res.headers.get("location")).toBe(`/sourcing/${body.requestId}/results`);
    const reserve = await env.DB.prepare(`SELECT amount FROM credit_ledger WHERE company_id = ? AND entry_type = 'reserve'`).bind(t.companyId).first<{ amount: number }>();
    expect(reserve?.amount).toBe(25);
  });

  it("defaults limit to 20 and accepts searchQuery as the alias of query", async () => {
    const t = await createTenant({ credits: 100 });
    const res = await api("/sourcing", { method: "POST", key: t.key, json: { ...validJob, searchQuery: "node.js payments" } });
    expect(res.status).toBe(202);
    const { requestId } = await res.json<{ requestId: string }>();
    const run = await env.DB.prepare(`SELECT request FROM sourcing_runs WHERE id = ?`).bind(requestId).first<{ request: string }>();
    const request = JSON.parse(run!.request);
    expect(request.limit).toBe(20);
    expect(request.query).toBe("node.js payments");
  });

  it("postpaid companies are accepted without credits", async () => {
    const t = await createTenant({ billingMode: "postpaid", credits: 0 });
    const res = await api("/sourcing", { method: "POST", key: t.key, json: { ...validJob, limit: 100 } });
    expect(res.status).toBe(202);
  });

  it("the run is readable while processing or once ended, with the right shape", async () => {
    const t = await createTenant({ credits: 100 });
    const { requestId } = await (await api("/sourcing", { method: "POST", key: t.key, json: validJob })).json<{ requestId: string }>();
    const first = await api(`/sourcing/${requestId}/results`, { key: t.key });
    if (first.status === 202) {
      expect(first.headers.get("retry-after")).toBe("10");
      const body = await first.json<Record<string, unknown>>();
      expect(body).toMatchObject({ success: true, requestId, status: "processing", candidatesSourcedCount: expect.any(Number), message: "Sourcing run is still processing. Please poll again in 10 seconds." });
      expect(body.progress).toEqual({ stage: expect.any(String), batchesTotal: expect.any(Number), batchesDone: expect.any(Number) });
    }
    const done = await waitForRun(t.key, requestId);
    expect(done.status).toBe("completed"); // an empty pool completes with no candidates
    const run = await api(`/sourcing/${requestId}`, { key: t.key });
    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ requestId, status: "completed", title: validJob.title, icp: { titles: expect.any(Array) } });
  });
});

describe("tenant isolation", () => {
  it("another company's run is 404 REQUEST_NOT_FOUND, the same as an unknown id", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const { requestId } = await (await api("/sourcing", { method: "POST", key: a.key, json: validJob })).json<{ requestId: string }>();
    for (const path of [`/sourcing/${requestId}`, `/sourcing/${requestId}/results`]) {
      const res = await api(path, { key: b.key });
      expect(res.status).toBe(404);
      const err = await errorOf(res);
      expect(err.error.code).toBe("REQUEST_NOT_FOUND");
      const unknown = await errorOf(await api(path.replace(requestId, `req_${crypto.randomUUID()}`), { key: b.key }));
      expect(err.error.message).toBe(unknown.error.message);
    }
  });
});

describe("the prepaid reservation under concurrency", () => {
  it("20 concurrent runs of limit 5 against 50 credits: exactly 10 accepted, 10 × 402", async () => {
    const t = await createTenant({ credits: 50 });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api("/sourcing", { method: "POST", key: t.key, json: { ...validJob, limit: 5 } })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 202)).toHaveLength(10);
    expect(statuses.filter((s) => s === 402)).toHaveLength(10);
    const reserves = await env.DB.prepare(`SELECT COUNT(*) AS n FROM credit_ledger WHERE company_id = ? AND entry_type = 'reserve'`).bind(t.companyId).first<{ n: number }>();
    expect(reserves?.n).toBe(10);
    const runs = await env.DB.prepare(`SELECT COUNT(*) AS n FROM sourcing_runs WHERE company_id = ?`).bind(t.companyId).first<{ n: number }>();
    expect(runs?.n).toBe(10);
  });

  it("mixed limits never overdraw: accepted limits sum to at most the balance", async () => {
    const t = await createTenant({ credits: 37 });
    const limits = [10, 7, 3, 20, 1, 5, 9, 2, 8, 4, 6, 11];
    const responses = await Promise.all(limits.map((limit) => api("/sourcing", { method: "POST", key: t.key, json: { ...validJob, limit } })));
    const accepted = limits.filter((_, i) => responses[i].status === 202);
    expect(accepted.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(37);
    expect(responses.every((r) => r.status === 202 || r.status === 402)).toBe(true);
    const b = await balanceOf(t.companyId);
    expect(b!.balance - b!.reserved).toBeGreaterThanOrEqual(0);
  });
});
