// Per-key rate limits through the real Worker: the six X-RateLimit-* headers, 429 with Retry-After,
// the operator-set limit of a key, and keys counted independently.
//
// The windows are clock-aligned, so a scenario that straddles a minute (or hour) boundary
// legitimately gets a fresh quota part-way through. Such a run proves nothing: it is detected from
// the Reset headers and retried with a fresh key.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ADMIN, api, createTenant, errorOf, validJob } from "../helpers";

const LIMITS = { perMinute: 5, perHour: 100 };

type Quota = { limit: number; remaining: number; reset: number };
type Seen = { status: number; minute: Quota; hour: Quota; retryAfter: string | null; body: unknown };

function header(res: Response, name: string): number {
  const value = res.headers.get(name);
  expect(value, name).toMatch(/^\d+$/);
  return Number(value);
}

async function observe(res: Response): Promise<Seen> {
  const quota = (w: "Minute" | "Hour"): Quota => ({
    limit: header(res, `X-RateLimit-Limit-${w}`),
    remaining: header(res, `X-RateLimit-Remaining-${w}`),
    reset: header(res, `X-RateLimit-Reset-${w}`),
  });
  return { status: res.status, minute: quota("Minute"), hour: quota("Hour"), retryAfter: res.headers.get("retry-after"), body: await res.json() };
}

/** True when every response was counted in the same minute and hour windows. */
const oneWindow = (seen: readonly Seen[]) => new Set(seen.map((s) => `${s.minute.reset}/${s.hour.reset}`)).size === 1;

/** Run `scenario` (which must use fresh keys) until its responses all fall in one window. */
async function inOneWindow<T extends { seen: Seen[] }>(scenario: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await scenario();
    if (oneWindow(result.seen)) return result;
  }
  throw new Error("every attempt crossed a window boundary");
}

async function issueKey(companyId: string, rateLimit?: { perMinute: number; perHour: number }): Promise<string> {
  const res = await api(`/admin/companies/${companyId}/api-keys`, { method: "POST", headers: ADMIN, json: { environment: "test", rateLimit } });
  expect(res.status).toBe(201);
  return (await res.json<{ key: string }>()).key;
}

/** `n` sequential requests spread over two billing routes: the limit is per key, not per route. */
async function hit(key: string, n: number): Promise<Seen[]> {
  const seen: Seen[] = [];
  for (let i = 0; i < n; i++) seen.push(await observe(await api(i % 2 ? "/billing/usage" : "/billing/balance", { key })));
  return seen;
}

describe("rate-limit headers", () => {
  it("every response carries the six headers; Remaining counts down; Reset is the window's end", async () => {
    const { seen } = await inOneWindow(async () => {
      const t = await createTenant({ rateLimit: LIMITS });
      return { seen: await hit(t.key, 5) };
    });
    expect(seen.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    expect(seen.map((s) => s.minute.remaining)).toEqual([4, 3, 2, 1, 0]);
    expect(seen.map((s) => s.hour.remaining)).toEqual([99, 98, 97, 96, 95]);
    const nowS = Date.now() / 1000;
    for (const s of seen) {
      expect(s.minute.limit).toBe(5);
      expect(s.hour.limit).toBe(100);
      // Unix seconds at the next clock minute / hour.
      expect(s.minute.reset % 60).toBe(0);
      expect(s.hour.reset % 3600).toBe(0);
      expect(s.minute.reset).toBeGreaterThan(nowS - 1);
      expect(s.minute.reset).toBeLessThanOrEqual(nowS + 60);
      expect(s.hour.reset).toBeLessThanOrEqual(nowS + 3600);
    }
  });

  it("a key without an operator-set limit gets the defaults (60/min, 2,000/h)", async () => {
    const t = await createTenant();
    const key = await issueKey(t.companyId);
    const [s] = await hit(key, 1);
    expect([s.minute.limit, s.hour.limit]).toEqual([60, 2000]);
  });

  it("error responses past the rate limit carry the headers too", async () => {
    const t = await createTenant({ rateLimit: LIMITS });
    const res = await api("/sourcing", { method: "POST", key: t.key, json: { title: "" } });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-ratelimit-remaining-minute")).toMatch(/^[0-4]$/);
  });

  it("a 403 for a missing scope carries the headers but is not counted", async () => {
    const { seen } = await inOneWindow(async () => {
      const t = await createTenant({ rateLimit: LIMITS, scopes: ["sourcing:read"] });
      const seen: Seen[] = [];
      for (let i = 0; i < 3; i++) seen.push(await observe(await api("/sourcing", { method: "POST", key: t.key, json: validJob })));
      seen.push(await observe(await api(`/sourcing/req_${crypto.randomUUID()}`, { key: t.key })));
      return { seen };
    });
    expect(seen.map((s) => s.status)).toEqual([403, 403, 403, 404]);
    expect(seen.slice(0, 3).map((s) => s.minute.remaining)).toEqual([5, 5, 5]);
    expect(seen[3].minute.remaining).toBe(4);
  });
});

describe("429 RATE_LIMIT_EXCEEDED", () => {
  it("after the key's per-minute limit: Retry-After, details.retryAfter, and nothing counted", async () => {
    const { seen } = await inOneWindow(async () => {
      const t = await createTenant({ rateLimit: LIMITS });
      return { seen: await hit(t.key, 8) };
    });
    expect(seen.map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    for (const s of seen.slice(5)) {
      const err = s.body as Awaited<ReturnType<typeof errorOf>>;
      expect(err.error.code).toBe("RATE_LIMIT_EXCEEDED");
      expect(err.success).toBe(false);
      const retryAfter = Number(s.retryAfter);
      expect(err.error.details.retryAfter).toBe(retryAfter);
      // At least a second, and no later than the minute's reset (rounded up).
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(retryAfter).toBeLessThanOrEqual(Math.ceil(s.minute.reset - Date.now() / 1000) + 3); // slack: time since the decision
      // A refused request is not counted against the hour.
      expect(s.minute.remaining).toBe(0);
      expect(s.hour.remaining).toBe(95);
    }
  });

  it("a rate-limited create creates nothing and reserves nothing", async () => {
    const { t, seen } = await inOneWindow(async () => {
      const t = await createTenant({ credits: 100, rateLimit: LIMITS });
      const seen = await hit(t.key, 5);
      const res = await api("/sourcing", { method: "POST", key: t.key, json: { ...validJob, limit: 10 } });
      seen.push(await observe(res));
      return { t, seen };
    });
    expect(seen.at(-1)!.status).toBe(429);
    const runs = await env.DB.prepare(`SELECT COUNT(*) AS n FROM sourcing_runs WHERE company_id = ?`).bind(t.companyId).first<{ n: number }>();
    const reserves = await env.DB.prepare(`SELECT COUNT(*) AS n FROM credit_ledger WHERE company_id = ? AND entry_type = 'reserve'`).bind(t.companyId).first<{ n: number }>();
    expect([runs?.n, reserves?.n]).toEqual([0, 0]);
  });

  it("the hour limit blocks too, with Retry-After up to the hour's reset", async () => {
    const { seen } = await inOneWindow(async () => {
      const t = await createTenant({ rateLimit: { perMinute: 50, perHour: 3 } });
      return { seen: await hit(t.key, 4) };
    });
    expect(seen.map((s) => s.status)).toEqual([200, 200, 200, 429]);
    const blocked = seen[3];
    expect(blocked.hour.remaining).toBe(0);
    expect(blocked.minute.remaining).toBe(47);
    expect(Number(blocked.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(3600);
    expect(Math.abs(Number(blocked.retryAfter) - (blocked.hour.reset - Date.now() / 1000))).toBeLessThanOrEqual(2);
  });
});

describe("keys are independent", () => {
  it("exhausting one key leaves another key of the same company untouched", async () => {
    const { seen } = await inOneWindow(async () => {
      const t = await createTenant({ rateLimit: LIMITS });
      const other = await issueKey(t.companyId, { perMinute: 3, perHour: 10 });
      const first = await hit(t.key, 6);
      const second = await hit(other, 4);
      return { seen: [...first, ...second], first, second };
    });
    expect(seen.slice(0, 6).map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 429]);
    // The second key starts from its own full quota, with its own operator-set limit.
    const second = seen.slice(6);
    expect(second.map((s) => s.status)).toEqual([200, 200, 200, 429]);
    expect(second.map((s) => s.minute.remaining)).toEqual([2, 1, 0, 0]);
    expect(second.every((s) => s.minute.limit === 3 && s.hour.limit === 10)).toBe(true);
  });
});
