// The daily pass against real D1 and Durable Objects: retention purges in bounded chunks, once a UTC
// day, and the talent pool's full-text index merge. Instants are passed in (`nowMs`), so "100 days
// later" is a pass run for that day; each pass here is for a later day than the one before it.
import { createExecutionContext, createScheduledController, runInDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import worker from "../../src/index";
import { runDailyPass } from "../../src/maintenance/daily-pass";
import { createRunWithReservation } from "../../src/runs/run-store";
import { attemptDelivery, createDelivery } from "../../src/webhooks/dispatcher";
import { api, createTenant, importProfiles, type TestTenant, validJob, waitForRun } from "../helpers";
import { stubReceiver } from "../webhooks/receiver";

const DAY = 24 * 60 * 60 * 1000;
let tenant: TestTenant;
let webhookId: string;
let daysAhead = 100; // past every default retention (90 / 30 / 1 days)
const laterDay = () => Date.now() + daysAhead++ * DAY;

beforeAll(async () => {
  tenant = await createTenant({ credits: 1000 });
  await importProfiles(tenant.key, generateDemoPool({ count: 40, seed: 21 }));
  const res = await api("/webhooks", { method: "POST", key: tenant.key, json: { url: "https://hooks.example.com/in", name: "ats", events: ["SOURCING_COMPLETED", "ENRICH_COMPLETED"] } });
  webhookId = (await res.json<{ id: string }>()).id;
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const count = async (sql: string, ...params: unknown[]) => (await env.DB.prepare(sql).bind(...params).first<{ n: number }>())!.n;
const runStub = (id: string) => env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(id));
const jobStub = (id: string) => env.ENRICHMENT_JOB.get(env.ENRICHMENT_JOB.idFromName(id));

async function ledgerSnapshot() {
  return env.DB.prepare(`SELECT COUNT(*) AS entries, SUM(balance_delta) AS balance, SUM(reserved_delta) AS reserved FROM credit_ledger WHERE company_id = ?`)
    .bind(tenant.companyId).first();
}

/** A delivered webhook delivery with its attempt log, as the dispatcher writes them. */
async function deliveredDelivery(): Promise<string> {
  stubReceiver();
  const { deliveryId } = await createDelivery(env.DB, { companyId: tenant.companyId, webhookId, event: "SOURCING_COMPLETED", data: { requestId: "req_x" } });
  expect((await attemptDelivery(env, deliveryId)).status).toBe("delivered");
  vi.restoreAllMocks();
  return deliveryId;
}

/** A delivery that finished `daysAgo` days ago, with one attempt then (rows written as the dispatcher would have). */
async function oldDelivery(daysAgo: number): Promise<string> {
  const id = `msg_${crypto.randomUUID()}`;
  const at = new Date(Date.now() - daysAgo * DAY).toISOString();
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO webhook_deliveries (id, company_id, webhook_id, event, payload, status, attempt_count, max_attempts, next_attempt_at, created_at, updated_at)
       VALUES (?1, ?2, ?3, 'SOURCING_COMPLETED', '{}', 'delivered', 1, 8, NULL, ?4, ?4)`,
    ).bind(id, tenant.companyId, webhookId, at),
    env.DB.prepare(`INSERT INTO webhook_attempts (delivery_id, attempt_number, attempted_at, status_code, duration_ms) VALUES (?1, 1, ?2, 200, 12)`).bind(id, at),
  ]);
  return id;
}

describe("the webhook attempt log", () => {
  it("stays append-only until its retention, and loses what is past it to the daily pass", async () => {
    const fresh = await deliveredDelivery();
    const old = await oldDelivery(40); // RETENTION_DAYS_WEBHOOK_DELIVERIES defaults to 30
    const deleteAttempts = (id: string) => env.DB.prepare(`DELETE FROM webhook_attempts WHERE delivery_id = ?`).bind(id).run();
    await expect(deleteAttempts(fresh)).rejects.toThrow(/append-only/);

    const report = await runDailyPass(env); // today
    expect(report).toMatchObject({ ran: true, finished: true, deliveries: { deleted: 1 } });

    expect(await count(`SELECT COUNT(*) AS n FROM webhook_deliveries WHERE id = ?`, old)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM webhook_attempts WHERE delivery_id = ?`, old)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM webhook_attempts WHERE delivery_id = ?`, fresh)).toBe(1);
    // The purge opened the guard up to its cutoff only: an attempt inside the retention still cannot be deleted.
    await expect(deleteAttempts(fresh)).rejects.toThrow(/append-only/);
  });
});

describe("the daily pass", () => {
  it("purges every kind of record past its retention — ended requests with their objects — and never a ledger entry", async () => {
    // An ended sourcing run (with its object's storage), an ended enrichment, a preview.
    const sourcing = await (await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 2 } })).json<{ requestId: string }>();
    expect((await waitForRun(tenant.key, sourcing.requestId)).status).toBe("completed");
    await vi.waitFor(async () => expect(await runStub(sourcing.requestId).extendable(1)).toBe(true), { timeout: 10_000 });
    const profileIds = (await env.DB.prepare(`SELECT id FROM talent_profiles WHERE company_id = ? LIMIT 2`).bind(tenant.companyId).all<{ id: string }>()).results.map((r) => r.id);
    const enrich = await (await api("/sourcing/enrich", { method: "POST", key: tenant.key, json: { profileIds } })).json<{ requestId: string }>();
    await vi.waitFor(async () => expect(await jobStub(enrich.requestId).status()).toEqual({ stage: "done" }), { timeout: 10_000, interval: 50 });
    const preview = await api("/sourcing/preview", { method: "POST", key: tenant.key, json: { ...validJob, limit: 5 }, headers: { "idempotency-key": "preview-1" } });
    expect(preview.status).toBe(202);
    const previewId = (await preview.json<{ requestId: string }>()).requestId;
    // Still processing, however old: never purged.
    const processingId = `req_${crypto.randomUUID()}`;
    await createRunWithReservation(env.DB, {
      id: processingId, companyId: tenant.companyId, kind: "sourcing", request: { title: "x" }, webhookId: null, credits: 1, costKey: "sourcing", enforceAvailable: true,
    });
    const delivered = await deliveredDelivery();
    const pending = (await createDelivery(env.DB, { companyId: tenant.companyId, webhookId, event: "SOURCING_COMPLETED", data: {} })).deliveryId;
    const ended = [sourcing.requestId, enrich.requestId, previewId];
    expect(await count(`SELECT COUNT(*) AS n FROM run_results WHERE run_id IN (?, ?, ?)`, ...ended)).toBeGreaterThan(0);
    expect(await count(`SELECT COUNT(*) AS n FROM idempotency_records WHERE company_id = ?`, tenant.companyId)).toBe(1);
    const ledgerBefore = await ledgerSnapshot();

    const report = await runDailyPass(env, { nowMs: laterDay() });
    expect(report).toMatchObject({ ran: true, finished: true });

    expect(await count(`SELECT COUNT(*) AS n FROM sourcing_runs WHERE id IN (?, ?, ?)`, ...ended)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM run_results WHERE run_id IN (?, ?, ?)`, ...ended)).toBe(0);
    expect((await api(`/sourcing/${sourcing.requestId}`, { key: tenant.key })).status).toBe(404);
    // Each run object forgot its run: no state, no stored job or webhook tombstones, no alarm.
    expect(await runStub(sourcing.requestId).status()).toBeNull();
    expect(await jobStub(enrich.requestId).status()).toBeNull();
    for (const stub of [runStub(sourcing.requestId), jobStub(enrich.requestId)]) {
      const left = await runInDurableObject(stub, async (_i, state) => ({ keys: (await state.storage.list()).size, alarm: await state.storage.getAlarm() }));
      expect(left).toEqual({ keys: 0, alarm: null });
    }
    expect(await count(`SELECT COUNT(*) AS n FROM sourcing_runs WHERE id = ? AND status = 'processing'`, processingId)).toBe(1);
    expect(await count(`SELECT COUNT(*) AS n FROM idempotency_records WHERE company_id = ?`, tenant.companyId)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM webhook_deliveries WHERE id = ?`, delivered)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM webhook_attempts WHERE delivery_id = ?`, delivered)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM webhook_deliveries WHERE id = ? AND status = 'pending'`, pending)).toBe(1);
    expect(await ledgerSnapshot()).toEqual(ledgerBefore); // money is never purged
  });

  it("works in bounded chunks: a pass bigger than one invocation continues in the next, then rests until the next day", async () => {
    const expired = new Date(Date.now() - 3 * DAY).toISOString();
    for (let i = 0; i < 5; i++) {
      await env.DB.prepare(
        `INSERT INTO idempotency_records (company_id, idempotency_key, request_hash, state, created_at, expires_at) VALUES (?1, ?2, 'h', 'completed', ?3, ?3)`,
      ).bind(tenant.companyId, `chunk-${i}`, expired).run();
    }
    const day = laterDay();
    const limits = { idempotencyRows: 2, chunksPerPurge: 1 };
    const passes = [];
    for (let minute = 0; minute < 5; minute++) passes.push(await runDailyPass(env, { nowMs: day + minute * 60_000, limits }));

    expect(passes.map((p) => (p.ran ? [p.idempotency.deleted, p.finished] : "rest"))).toEqual([[2, false], [2, false], [1, true], "rest", "rest"]);
    expect(await count(`SELECT COUNT(*) AS n FROM idempotency_records WHERE company_id = ?`, tenant.companyId)).toBe(0);
    expect(await runDailyPass(env, { nowMs: laterDay(), limits })).toMatchObject({ ran: true, finished: true }); // the next day
  });

  it("runs once when two crons overlap", async () => {
    const day = laterDay();
    const reports = await Promise.all([runDailyPass(env, { nowMs: day }), runDailyPass(env, { nowMs: day })]);
    expect(reports.filter((r) => r.ran)).toHaveLength(1);
  });
});

describe("the full-text index after an erase", () => {
  const TOKEN = "zzqxjvkwb"; // one person's, nobody else's; the check looks for its tail, whatever prefix the index shares
  const segmentsHolding = () => count(`SELECT COUNT(*) AS n FROM talent_profiles_fts_data WHERE instr(block, CAST(?1 AS BLOB)) > 0`, TOKEN.slice(2));

  it("keeps an erased person's tokens in its segments until the daily pass merges them out", async () => {
    await importProfiles(tenant.key, [{ externalId: "erase-me", fullName: "Erin Example", headline: `Backend engineer ${TOKEN}`, skills: ["Go"] }]);
    // Later imports write segments of their own, so the person's segment is not the newest one.
    for (let k = 0; k < 5; k++) {
      await importProfiles(tenant.key, Array.from({ length: 20 }, (_, i) => ({ externalId: `filler-${k}-${i}`, fullName: `Filler ${i}`, headline: "Product designer", skills: ["Figma"] })));
    }
    const { id } = (await env.DB.prepare(`SELECT id FROM talent_profiles WHERE external_id = 'erase-me' AND company_id = ?`).bind(tenant.companyId).first<{ id: string }>())!;
    expect((await api(`/candidates/${id}`, { method: "DELETE", key: tenant.key })).status).toBe(200);
    expect(await segmentsHolding()).toBeGreaterThan(0); // erased from the pool, still in the index's pages

    const report = await runDailyPass(env, { nowMs: laterDay() });
    expect(report).toMatchObject({ ran: true, finished: true, indexMerged: true });

    expect(await segmentsHolding()).toBe(0);
    // The index still answers, and agrees with its content table.
    expect(await count(`SELECT COUNT(*) AS n FROM talent_profiles_fts WHERE talent_profiles_fts MATCH 'designer'`)).toBeGreaterThan(0);
    await env.DB.prepare(`INSERT INTO talent_profiles_fts (talent_profiles_fts) VALUES ('integrity-check')`).run();
  });
});

describe("the cron", () => {
  it("runs the daily pass: a request ended past its retention is gone after the next minute's cron", async () => {
    stubReceiver();
    const res = await api("/sourcing/preview", { method: "POST", key: tenant.key, json: { ...validJob, limit: 3 } });
    const { requestId } = await res.json<{ requestId: string }>();
    expect(await count(`SELECT COUNT(*) AS n FROM sourcing_runs WHERE id = ?`, requestId)).toBe(1);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(laterDay());
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);

    expect(await count(`SELECT COUNT(*) AS n FROM sourcing_runs WHERE id = ?`, requestId)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM run_results WHERE run_id = ?`, requestId)).toBe(0);
  });
});
