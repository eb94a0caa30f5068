// POST /sourcing: every rejection of the contract, in its check order, and that a rejected request
// creates nothing and reserves nothing.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ADMIN, api, createTenant, errorOf, type TestTenant, validJob } from "../helpers";

let tenant: TestTenant;
let other: TestTenant;
let webhookOfOther: string;
let webhookNotSubscribed: string;

async function insertWebhook(companyId: string, events: string[]): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await env.DB.prepare(
    `INSERT INTO webhook_configs (id, company_id, url, name, events, signing_secret, created_at, updated_at)
     VALUES (?1, ?2, 'https://hooks.example.com/x', 'w', ?3, 'whsec_dGVzdA==', ?4, ?4)`,
  ).bind(id, companyId, JSON.stringify(events), now).run();
  return id;
}

async function countRuns(companyId: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM sourcing_runs WHERE company_id = ?`).bind(companyId).first<{ n: number }>();
  return row?.n ?? 0;
}

async function reservedEntries(companyId: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM credit_ledger WHERE company_id = ? AND entry_type = 'reserve'`).bind(companyId).first<{ n: number }>();
  return row?.n ?? 0;
}

beforeAll(async () => {
  tenant = await createTenant({ credits: 30 });
  other = await createTenant();
  webhookOfOther = await insertWebhook(other.companyId, ["SOURCING_COMPLETED"]);
  webhookNotSubscribed = await insertWebhook(tenant.companyId, ["ENRICH_COMPLETED", "PING"]);
});

describe("validation (400 VALIDATION_ERROR)", () => {
  const long = (n: number) => "x".repeat(n);
  it.each([
    ["missing title", { jobDescription: "x" }, "title"],
    ["empty title", { ...validJob, title: "" }, "title"],
    ["title over 200", { ...validJob, title: long(201) }, "title"],
    ["missing jobDescription", { title: "t" }, "jobDescription"],
    ["empty jobDescription", { ...validJob, jobDescription: "" }, "jobDescription"],
    ["jobDescription over 10,000", { ...validJob, jobDescription: long(10_001) }, "jobDescription"],
    ["location over 200", { ...validJob, location: long(201) }, "location"],
    ["query over 500", { ...validJob, query: long(501) }, "query"],
    ["searchQuery over 500", { ...validJob, searchQuery: long(501) }, "searchQuery"],
    ["limit 0", { ...validJob, limit: 0 }, "limit"],
    ["limit 101", { ...validJob, limit: 101 }, "limit"],
    ["limit fractional", { ...validJob, limit: 2.5 }, "limit"],
    ["limit as string", { ...validJob, limit: "10" }, "limit"],
    ["webhookId not a uuid", { ...validJob, webhookId: "hook-1" }, "webhookId"],
    ["title not a string", { ...validJob, title: 42 }, "title"],
    ["exclude over 1,000 entries", { ...validJob, exclude: { emails: Array.from({ length: 600 }, (_, i) => `a${i}@x.io`), profileIds: Array.from({ length: 401 }, (_, i) => `p${i}`) } }, "exclude"],
  ])("%s", async (_name, body, path) => {
    const res = await api("/sourcing", { method: "POST", key: tenant.key, json: body });
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err.success).toBe(false);
    expect(err.error.code).toBe("VALIDATION_ERROR");
    const issues = err.error.details.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toContain(path);
    expect(typeof err.timestamp).toBe("string");
  });

  it("malformed JSON", async () => {
    const res = await api("/sourcing", { method: "POST", key: tenant.key, body: "{not json", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error.code).toBe("VALIDATION_ERROR");
  });

  it("a body that is not JSON at all", async () => {
    const res = await api("/sourcing", { method: "POST", key: tenant.key, body: "title=x", headers: { "content-type": "text/plain" } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error.code).toBe("VALIDATION_ERROR");
  });

  it("no stack trace or internals in the error", async () => {
    const res = await api("/sourcing", { method: "POST", key: tenant.key, body: "{", headers: { "content-type": "application/json" } });
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.ts|stack|node_modules/i);
  });

  it("a body over the limit is 413 PAYLOAD_TOO_LARGE", async () => {
    const res = await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, jobDescription: "y".repeat(1_100_000) } });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("webhook checks (404 / 403 / 422)", () => {
  it("unknown webhookId → 404 WEBHOOK_NOT_FOUND", async () => {
    const res = await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, webhookId: crypto.randomUUID() } });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).error.code).toBe("WEBHOOK_NOT_FOUND");
  });

  it("another company's webhook → 403 WEBHOOK_OWNERSHIP_MISMATCH", async () => {
    const res = await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, webhookId: webhookOfOther } });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).error.code).toBe("WEBHOOK_OWNERSHIP_MISMATCH");
  });

  it("a webhook without sourcing events → 422 WEBHOOK_NOT_SUBSCRIBED", async () => {
    const res = await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, webhookId: webhookNotSubscribed } });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).error.code).toBe("WEBHOOK_NOT_SUBSCRIBED");
  });

  it("validation comes before the webhook check", async () => {
    const res = await api("/sourcing", { method: "POST", key: tenant.key, json: { title: "", jobDescription: "x", webhookId: webhookOfOther } });
    expect(res.status).toBe(400);
  });

  it("the webhook check comes before billing", async () => {
    const res = await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 100, webhookId: webhookOfOther } });
    expect(res.status).toBe(403);
  });
});

describe("billing pre-flight (402)", () => {
  it("prepaid with too few credits → 402 with required and available", async () => {
    const res = await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 31 } });
    expect(res.status).toBe(402);
    const err = await errorOf(res);
    expect(err.error.code).toBe("INSUFFICIENT_CREDITS");
    expect(err.error.details).toEqual({ required: 31, available: 30 });
  });
});

describe("a rejected request creates and reserves nothing", () => {
  it("after every rejection above, the company has no run and no reservation", async () => {
    expect(await countRuns(tenant.companyId)).toBe(0);
    expect(await reservedEntries(tenant.companyId)).toBe(0);
  });
});

describe("auth and scopes", () => {
  it.each([
    ["no header", undefined],
    ["not bearer", "Basic abc"],
    ["malformed key", "Bearer sk_live_short"],
    ["unknown well-formed key", `Bearer sk_live_${"A".repeat(38)}`],
  ])("%s → 401 INVALID_API_KEY", async (_n, authorization) => {
    const res = await api("/sourcing", { method: "POST", json: validJob, headers: authorization ? { authorization } : {} });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).error.code).toBe("INVALID_API_KEY");
  });

  it("a revoked key → 401", async () => {
    const t = await createTenant();
    const revoke = await api(`/admin/api-keys/${t.keyId}`, { method: "DELETE", headers: { authorization: ADMIN.authorization } });
    expect(revoke.status).toBe(200);
    const res = await api("/sourcing", { method: "POST", key: t.key, json: validJob });
    expect(res.status).toBe(401);
  });

  it("an expired key → 401", async () => {
    const t = await createTenant();
    await env.DB.prepare(`UPDATE api_keys SET expires_at = '2020-01-01T00:00:00.000Z' WHERE id = ?`).bind(t.keyId).run();
    const res = await api(`/sourcing/req_x/results`, { key: t.key });
    expect(res.status).toBe(401);
  });

  it("a key without sourcing:write → 403 INSUFFICIENT_PERMISSIONS (before validation)", async () => {
    const t = await createTenant({ scopes: ["sourcing:read"] });
    const res = await api("/sourcing", { method: "POST", key: t.key, json: {} });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).error.code).toBe("INSUFFICIENT_PERMISSIONS");
  });

  it("a key without sourcing:read cannot read results", async () => {
    const t = await createTenant({ scopes: ["sourcing:write"] });
    const res = await api(`/sourcing/req_${crypto.randomUUID()}/results`, { key: t.key });
    expect(res.status).toBe(403);
  });
});

describe("envelope and headers", () => {
  it("every response carries X-Request-Id, errors included", async () => {
    const ok = await api("/health");
    const bad = await api("/sourcing", { method: "POST", json: validJob });
    const missing = await api("/nope");
    for (const res of [ok, bad, missing]) expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).error.code).toBe("RESOURCE_NOT_FOUND");
  });
});

describe("unexpected failures", () => {
  it("become 500 INTERNAL_ERROR in the envelope, with the request id and no internals", async () => {
    const t = await createTenant();
    const prepare = env.DB.prepare.bind(env.DB);
    const spy = vi.spyOn(env.DB, "prepare").mockImplementation((sql: string) => {
      if (sql.includes("credit_ledger")) throw new Error("D1_ERROR: disk I/O error at /var/db/secret-path");
      return prepare(sql);
    });
    try {
      const res = await api("/sourcing", { method: "POST", key: t.key, json: validJob });
      expect(res.status).toBe(500);
      const text = await res.text();
      const body = JSON.parse(text);
      expect(body).toMatchObject({ success: false, error: { code: "INTERNAL_ERROR" } });
      expect(body.error.message).toContain("X-Request-Id");
      expect(res.headers.get("x-request-id")).toBeTruthy();
      expect(text).not.toMatch(/secret-path|D1_ERROR|\.ts:\d+|at async/);
    } finally {
      spy.mockRestore();
    }
  });
});
