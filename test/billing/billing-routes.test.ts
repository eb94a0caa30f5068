// GET /billing/balance and GET /billing/usage: shapes, defaults, the period rules, scope and tenant
// isolation. Ledger entries are written with the ledger's own statements, so the cost keys and
// amounts are exactly what the test says.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { reserveStatement, settleReservation } from "../../src/billing/ledger";
import type { CostKey } from "../../src/db/schema";
import { api, createTenant, errorOf, type TestTenant } from "../helpers";

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const DAY_MS = 86_400_000;

/** Reserve `reserved` credits under `costKey` and, unless `captured` is null, settle them. */
async function spend(companyId: string, costKey: CostKey, reserved: number, captured: number | null): Promise<void> {
  const reservationId = `test:${crypto.randomUUID()}`;
  await reserveStatement(env.DB, { companyId, reservationId, amount: reserved, costKey, enforceAvailable: true }).run();
  if (captured !== null) await settleReservation(env.DB, { companyId, reservationId, captured });
}

/** A capture dated in the past (the ledger takes inserts of any date; only updates are refused). */
async function pastCapture(companyId: string, costKey: CostKey, amount: number, at: string): Promise<void> {
  const reservationId = `past:${crypto.randomUUID()}`;
  const insert = `INSERT INTO credit_ledger (company_id, entry_type, amount, balance_delta, reserved_delta, reservation_id, cost_key, idempotency_key, created_at)
                  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?2 || ':' || ?6, ?8)`;
  await env.DB.batch([
    env.DB.prepare(insert).bind(companyId, "reserve", amount, 0, amount, reservationId, costKey, at),
    env.DB.prepare(insert).bind(companyId, "capture", amount, -amount, -amount, reservationId, costKey, at),
    env.DB.prepare(insert).bind(companyId, "release", 0, 0, 0, reservationId, costKey, at),
  ]);
}

type Usage = {
  success: true;
  billingSystem: "credits";
  period: { start: string; end: string };
  totalCreditsUsed: number;
  breakdownByCostKey: { costKey: string; events: number; creditsUsed: number }[];
};

const usageOf = async (key: string, query = "") => {
  const res = await api(`/billing/usage${query}`, { key });
  expect(res.status).toBe(200);
  return res.json<Usage>();
};

describe("GET /billing/balance", () => {
  it("prepaid: balance, reserved and available from the ledger", async () => {
    const t = await createTenant({ credits: 100 });
    await spend(t.companyId, "sourcing", 30, null); // still reserved
    await spend(t.companyId, "enrich", 10, 4); // 4 captured, 6 released
    const res = await api("/billing/balance", { key: t.key });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true, billingMode: "prepaid", balance: 96, reserved: 30, available: 66 });
  });

  it("postpaid: reports its billing mode", async () => {
    const t = await createTenant({ billingMode: "postpaid", credits: 0 });
    expect(await (await api("/billing/balance", { key: t.key })).json()).toEqual({
      success: true, billingMode: "postpaid", balance: 0, reserved: 0, available: 0,
    });
  });

  it("carries the rate-limit and request-id headers like every tenant route", async () => {
    const t = await createTenant();
    const res = await api("/billing/balance", { key: t.key });
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.headers.get("x-ratelimit-remaining-minute")).toMatch(/^\d+$/);
  });
});

describe("GET /billing/usage", () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await createTenant({ credits: 1000 });
    await spend(t.companyId, "sourcing", 10, 7);
    await spend(t.companyId, "sourcing", 5, 0); // delivered nothing: no credits, no event
    await spend(t.companyId, "sourcing", 20, null); // unsettled reservation: not usage yet
    await spend(t.companyId, "sourcing_preview", 1, 1);
    await spend(t.companyId, "enrich", 3, 2);
    await pastCapture(t.companyId, "enrich", 9, "2025-06-15T12:00:00.000Z");
  });

  it("defaults to the last 30 days and lists every cost key", async () => {
    const before = Date.now();
    const usage = await usageOf(t.key);
    const after = Date.now();
    expect(usage).toEqual({
      success: true,
      billingSystem: "credits",
      period: { start: expect.stringMatching(ISO_MS), end: expect.stringMatching(ISO_MS) },
      totalCreditsUsed: 10,
      breakdownByCostKey: [
        { costKey: "sourcing", events: 1, creditsUsed: 7 },
        { costKey: "sourcing_preview", events: 1, creditsUsed: 1 },
        { costKey: "enrich", events: 1, creditsUsed: 2 },
      ],
    });
    const end = Date.parse(usage.period.end);
    expect(end).toBeGreaterThanOrEqual(before);
    expect(end).toBeLessThanOrEqual(after);
    expect(end - Date.parse(usage.period.start)).toBe(30 * DAY_MS);
  });

  it("a company with no usage gets all three cost keys at zero", async () => {
    const fresh = await createTenant();
    const usage = await usageOf(fresh.key);
    expect(usage.totalCreditsUsed).toBe(0);
    expect(usage.breakdownByCostKey).toEqual([
      { costKey: "sourcing", events: 0, creditsUsed: 0 },
      { costKey: "sourcing_preview", events: 0, creditsUsed: 0 },
      { costKey: "enrich", events: 0, creditsUsed: 0 },
    ]);
  });

  it("an explicit period: dates mean midnight UTC, start inclusive, end exclusive", async () => {
    const june = await usageOf(t.key, "?start=2025-06-01&end=2025-07-01");
    expect(june.period).toEqual({ start: "2025-06-01T00:00:00.000Z", end: "2025-07-01T00:00:00.000Z" });
    expect(june.totalCreditsUsed).toBe(9);
    expect(june.breakdownByCostKey.find((k) => k.costKey === "enrich")).toEqual({ costKey: "enrich", events: 1, creditsUsed: 9 });

    const exactlyAtStart = await usageOf(t.key, "?start=2025-06-15T12:00:00.000Z&end=2025-06-16");
    expect(exactlyAtStart.totalCreditsUsed).toBe(9);
    const exactlyAtEnd = await usageOf(t.key, `?start=2025-06-14&end=${encodeURIComponent("2025-06-15T12:00:00.000Z")}`);
    expect(exactlyAtEnd.totalCreditsUsed).toBe(0);
  });

  it("date-times with an offset are normalized to UTC", async () => {
    const usage = await usageOf(t.key, `?start=${encodeURIComponent("2025-06-15T14:00:00+02:00")}&end=2025-06-16`);
    expect(usage.period.start).toBe("2025-06-15T12:00:00.000Z");
    expect(usage.totalCreditsUsed).toBe(9);
  });

  it("only start: end defaults to now", async () => {
    const usage = await usageOf(t.key, "?start=2025-01-01");
    expect(usage.period.start).toBe("2025-01-01T00:00:00.000Z");
    expect(Math.abs(Date.parse(usage.period.end) - Date.now())).toBeLessThan(60_000);
    expect(usage.totalCreditsUsed).toBe(19);
  });

  it.each([
    ["start not a date", "?start=yesterday"],
    ["impossible month", "?start=2026-13-01"],
    ["end not a date", "?end=2026-01-01T25:00:00Z"],
    ["start after end", "?start=2026-02-01&end=2026-01-01"],
    ["start equal to end", "?start=2026-01-01&end=2026-01-01"],
    ["start in the future without end", "?start=2999-01-01"],
  ])("%s → 400 VALIDATION_ERROR", async (_name, query) => {
    const res = await api(`/billing/usage${query}`, { key: t.key });
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err.error.code).toBe("VALIDATION_ERROR");
    expect((err.error.details.issues as unknown[]).length).toBeGreaterThan(0);
  });
});

describe("billing:read scope and tenants", () => {
  it("a key without billing:read gets 403 on both routes", async () => {
    const t = await createTenant({ scopes: ["sourcing:read", "sourcing:write"] });
    for (const path of ["/billing/balance", "/billing/usage"]) {
      const res = await api(path, { key: t.key });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).error.code).toBe("INSUFFICIENT_PERMISSIONS");
    }
  });

  it("a key with only billing:read is enough", async () => {
    const t = await createTenant({ scopes: ["billing:read"] });
    expect((await api("/billing/balance", { key: t.key })).status).toBe(200);
    expect((await api("/billing/usage", { key: t.key })).status).toBe(200);
  });

  it("no key → 401", async () => {
    const res = await api("/billing/balance");
    expect(res.status).toBe(401);
    expect((await errorOf(res)).error.code).toBe("INVALID_API_KEY");
  });

  it("each company sees only its own ledger", async () => {
    const a = await createTenant({ credits: 50 });
    const b = await createTenant({ credits: 80 });
    await spend(a.companyId, "sourcing", 10, 10);
    expect(await (await api("/billing/balance", { key: b.key })).json()).toMatchObject({ balance: 80, reserved: 0, available: 80 });
    expect((await usageOf(b.key)).totalCreditsUsed).toBe(0);
    expect(await (await api("/billing/balance", { key: a.key })).json()).toMatchObject({ balance: 40, available: 40 });
    expect((await usageOf(a.key)).totalCreditsUsed).toBe(10);
  });
});

describe("OpenAPI", () => {
  it("documents both routes, the usage query parameters and the error responses", async () => {
    const doc = await (await api("/openapi.json")).json<{ paths: Record<string, { get: { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> } }> }>();
    expect(Object.keys(doc.paths["/billing/balance"].get.responses)).toEqual(expect.arrayContaining(["200", "401", "403", "429"]));
    const usage = doc.paths["/billing/usage"].get;
    expect(usage.parameters?.map((p) => `${p.in}:${p.name}`).sort()).toEqual(["query:end", "query:start"]);
    expect(Object.keys(usage.responses)).toEqual(expect.arrayContaining(["200", "400", "403"]));
  });
});
