// Shared test fixtures: everything goes through the real Worker (SELF) and the operator API.
import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";

export const ADMIN = { authorization: "Bearer test-admin-token-0123456789abcdef", "content-type": "application/json" };
export const BASE = "http://scoutflare.test";

export async function api(path: string, init: RequestInit & { key?: string; json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.key) headers.set("authorization", `Bearer ${init.key}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  return SELF.fetch(`${BASE}${path}`, { ...init, headers, body });
}

export type TestTenant = { companyId: string; key: string; keyId: string };

/** A fresh company with one key. Keys get a high rate limit unless a test is about rate limits. */
export async function createTenant(opts: {
  billingMode?: "prepaid" | "postpaid";
  credits?: number;
  scopes?: string[];
  rateLimit?: { perMinute: number; perHour: number };
} = {}): Promise<TestTenant> {
  const company = await SELF.fetch(`${BASE}/admin/companies`, {
    method: "POST",
    headers: ADMIN,
    body: JSON.stringify({ name: "Acme Talent", billingMode: opts.billingMode ?? "prepaid", initialCredits: opts.credits ?? 1000 }),
  });
  if (company.status !== 201) throw new Error(`company: ${company.status} ${await company.text()}`);
  const { id: companyId } = await company.json<{ id: string }>();
  const issued = await SELF.fetch(`${BASE}/admin/companies/${companyId}/api-keys`, {
    method: "POST",
    headers: ADMIN,
    body: JSON.stringify({ environment: "test", scopes: opts.scopes, rateLimit: opts.rateLimit ?? { perMinute: 100_000, perHour: 1_000_000 } }),
  });
  if (issued.status !== 201) throw new Error(`key: ${issued.status} ${await issued.text()}`);
  const { key, id: keyId } = await issued.json<{ key: string; id: string }>();
  return { companyId, key, keyId };
}

export const validJob = {
  title: "Senior Backend Engineer",
  jobDescription: "We need a senior backend engineer with 5+ years of Node.js and PostgreSQL experience. Kubernetes is a plus.",
  location: "San Francisco, CA",
};

export type ErrorEnvelope = { success: false; error: { code: string; message: string; details: Record<string, unknown> }; timestamp: string };

export async function errorOf(res: Response): Promise<ErrorEnvelope> {
  return res.json<ErrorEnvelope>();
}

/** Poll a run through the API until it leaves `processing` (the run object works in the background). */
export async function waitForRun(key: string, requestId: string, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await api(`/sourcing/${requestId}/results`, { key });
    if (res.status === 200) return res.json();
    if (Date.now() > until) throw new Error(`run ${requestId} still processing: ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Import profiles into a tenant's pool through the real endpoint. */
export async function importProfiles(key: string, profiles: unknown[]): Promise<{ imported: number; updated: number; rejected: { line: number; error: string }[] }> {
  const res = await api("/candidates/import", {
    method: "POST",
    key,
    body: profiles.map((p) => JSON.stringify(p)).join("\n"),
    headers: { "content-type": "application/x-ndjson" },
  });
  if (res.status !== 200) throw new Error(`import: ${res.status} ${await res.text()}`);
  return res.json();
}

export async function ledgerOf(companyId: string): Promise<{ balance: number; reserved: number; captured: number }> {
  const row = await env.DB.prepare(
    `SELECT COALESCE(SUM(balance_delta), 0) AS balance, COALESCE(SUM(reserved_delta), 0) AS reserved,
            COALESCE(SUM(CASE WHEN entry_type = 'capture' THEN amount END), 0) AS captured
     FROM credit_ledger WHERE company_id = ?`,
  ).bind(companyId).first<{ balance: number; reserved: number; captured: number }>();
  return row!;
}
