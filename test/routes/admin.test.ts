// The operator API: companies, keys (shown once, stored hashed), revocation and credit top-ups.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { OPERATOR_AUTH_FAILURES } from "../../src/auth/middleware";
import worker from "../../src/index";
import { ADMIN, api, BASE, errorOf } from "../helpers";

const admin = (path: string, method: string, json?: unknown) => api(path, { method, headers: ADMIN, ...(json ? { body: JSON.stringify(json) } : {}) });

describe("operator authentication", () => {
  it.each([undefined, "Bearer wrong-token", "Bearer test-admin-token-0123456789abcdef-but-longer", "Bearer test-admin-token"])("%s → 401", async (authorization) => {
    const res = await api("/admin/companies", { method: "POST", headers: authorization ? { authorization } : {}, json: { name: "x", billingMode: "prepaid" } });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).error.code).toBe("INVALID_API_KEY");
  });

  it("a tenant API key is not an operator token", async () => {
    const company = await (await admin("/admin/companies", "POST", { name: "x", billingMode: "prepaid" })).json<{ id: string }>();
    const { key } = await (await admin(`/admin/companies/${company.id}/api-keys`, "POST", {})).json<{ key: string }>();
    const res = await api("/admin/companies", { method: "POST", key, json: { name: "y", billingMode: "prepaid" } });
    expect(res.status).toBe(401);
  });
});

describe("operator authentication under attack", () => {
  const from = (ip: string, authorization: string) =>
    api("/admin/companies/comp_missing", { method: "GET", headers: { authorization, "cf-connecting-ip": ip } });
  // Past authentication, the operator sees a 404 for a company that does not exist.
  const AUTHENTICATED = 404;

  it("after the allowed failures an address is refused with 429, even with the right token; other addresses are not", async () => {
    for (let i = 0; i < OPERATOR_AUTH_FAILURES.perMinute; i++) expect((await from("203.0.113.7", "Bearer guess-" + i)).status).toBe(401);
    const locked = await from("203.0.113.7", ADMIN.authorization);
    expect(locked.status).toBe(429);
    expect((await errorOf(locked)).error.code).toBe("RATE_LIMIT_EXCEEDED");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await from("198.51.100.9", ADMIN.authorization)).status).toBe(AUTHENTICATED);
  });

  it("successful requests are not counted as failures", async () => {
    for (let i = 0; i < OPERATOR_AUTH_FAILURES.perMinute + 2; i++) expect((await from("203.0.113.8", ADMIN.authorization)).status).toBe(AUTHENTICATED);
  });

  it("a token shorter than 32 characters closes the operator API outside localhost, and works on it", async () => {
    const call = async (host: string) => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(new Request(`${host}/admin/companies/comp_missing`, { headers: { authorization: "Bearer short-token" } }), { ...env, ADMIN_TOKEN: "short-token" }, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    };
    const deployed = await call(BASE);
    expect(deployed.status).toBe(401);
    expect((await errorOf(deployed)).error.message).toMatch(/at least 32 characters/u);
    expect((await call("http://127.0.0.1:8787")).status).toBe(404);
  });
});

describe("companies, keys and credits", () => {
  it("creates a company with initial credits and reads it back", async () => {
    const res = await admin("/admin/companies", "POST", { name: "Globex", billingMode: "prepaid", initialCredits: 250 });
    expect(res.status).toBe(201);
    const company = await res.json<Record<string, unknown>>();
    expect(company).toMatchObject({ name: "Globex", billingMode: "prepaid", balance: 250, reserved: 0, available: 250 });
    const read = await admin(`/admin/companies/${company.id}`, "GET");
    expect(await read.json()).toMatchObject({ id: company.id, balance: 250 });
  });

  it("rejects a bad company body with VALIDATION_ERROR", async () => {
    const res = await admin("/admin/companies", "POST", { name: "", billingMode: "monthly" });
    expect(res.status).toBe(400);
    const issues = (await errorOf(res)).error.details.issues as { path: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(["billingMode", "name"]);
  });

  it("issues a key once, stores only its hash, with default scopes", async () => {
    const company = await (await admin("/admin/companies", "POST", { name: "Initech", billingMode: "postpaid" })).json<{ id: string }>();
    const res = await admin(`/admin/companies/${company.id}/api-keys`, "POST", { name: "ci", environment: "live" });
    expect(res.status).toBe(201);
    const issued = await res.json<{ id: string; key: string; prefix: string; scopes: string[] }>();
    expect(issued.key).toMatch(/^sk_live_[0-9A-Za-z]{38}$/);
    expect(issued.key.startsWith(issued.prefix)).toBe(true);
    expect(issued.scopes).toHaveLength(8);
    const stored = await env.DB.prepare(`SELECT * FROM api_keys WHERE id = ?`).bind(issued.id).first<Record<string, unknown>>();
    expect(JSON.stringify(stored)).not.toContain(issued.key);
    expect(stored!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    const view = await (await admin(`/admin/companies/${company.id}`, "GET")).json<{ apiKeys: Record<string, unknown>[] }>();
    expect(JSON.stringify(view)).not.toContain(issued.key);
    expect(view.apiKeys[0]).toMatchObject({ id: issued.id, prefix: issued.prefix });
  });

  it("keys for an unknown company → 404", async () => {
    const res = await admin(`/admin/companies/${crypto.randomUUID()}/api-keys`, "POST", {});
    expect(res.status).toBe(404);
  });

  it("top-ups add credits; the same idempotencyKey applies once", async () => {
    const company = await (await admin("/admin/companies", "POST", { name: "Hooli", billingMode: "prepaid", initialCredits: 10 })).json<{ id: string }>();
    const first = await admin(`/admin/companies/${company.id}/credits`, "POST", { amount: 40, reason: "invoice 17", idempotencyKey: "inv-17" });
    const again = await admin(`/admin/companies/${company.id}/credits`, "POST", { amount: 40, reason: "invoice 17", idempotencyKey: "inv-17" });
    expect(await first.json()).toMatchObject({ applied: true, balance: 50 });
    expect(await again.json()).toMatchObject({ applied: false, balance: 50 });
    const bad = await admin(`/admin/companies/${company.id}/credits`, "POST", { amount: -5, reason: "x" });
    expect(bad.status).toBe(400);
  });

  it("revoking is idempotent and unknown keys are 404", async () => {
    const company = await (await admin("/admin/companies", "POST", { name: "Umbrella", billingMode: "prepaid" })).json<{ id: string }>();
    const { id } = await (await admin(`/admin/companies/${company.id}/api-keys`, "POST", {})).json<{ id: string }>();
    const first = await (await admin(`/admin/api-keys/${id}`, "DELETE")).json<{ revokedAt: string }>();
    const second = await (await admin(`/admin/api-keys/${id}`, "DELETE")).json<{ revokedAt: string }>();
    expect(second.revokedAt).toBe(first.revokedAt);
    expect((await admin(`/admin/api-keys/key_nope`, "DELETE")).status).toBe(404);
  });
});
