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

// ---- DNS ---------------------------------------------------------------------------------------
// The URL guard resolves webhook hosts over DNS-over-HTTPS (GET …?name=&type=, accept:
// application/dns-json). There is no network here, so the test environment answers those queries at
// the fetch boundary, like every outside service: `<IPv4>.nip.io` and the names in TEST_DNS as the
// public resolvers answer them, any other name with one public address per family. Installed once
// per isolate when this module loads, beneath any per-test stub: vi.spyOn(globalThis, "fetch") wraps
// it and vi.restoreAllMocks() puts it back. A receiver stub answers DNS itself (test/webhooks/receiver.ts).

export type TestDnsRecord = { A?: string[]; AAAA?: string[] } | { rcode: number };

/** example.com's addresses: public, so any name the tests do not list is a valid receiver. */
export const TEST_PUBLIC_ADDRESSES = { A: ["93.184.215.14"], AAAA: ["2606:2800:21f:cb07:6820:80da:af6b:8b2c"] };

/** Answers for names the tests rely on; keys are lower-case, without a trailing dot. */
export const TEST_DNS: Readonly<Record<string, TestDnsRecord>> = {
  "localtest.me": { A: ["127.0.0.1"], AAAA: ["::1"] }, // a public name that points at loopback
  "servfail.example.com": { rcode: 2 },
  "nxdomain.example.com": { rcode: 3 },
};

const DNS_TYPES = { A: 1, AAAA: 28 } as const;

/**
 * The resolver's JSON answer to a DNS-over-HTTPS query (the shape cloudflare-dns.com sends), or null
 * when the request is not one. `overrides` replace TEST_DNS entries for one test.
 */
export function testDnsAnswer(input: RequestInfo | URL, init?: RequestInit, overrides: Record<string, TestDnsRecord> = {}): Response | null {
  const headers = new Headers(input instanceof Request ? input.headers : init?.headers);
  if (!(headers.get("accept") ?? "").includes("application/dns-json")) return null;
  const url = new URL(input instanceof Request ? input.url : String(input));
  const name = (url.searchParams.get("name") ?? "").toLowerCase().replace(/\.+$/, "");
  const type = url.searchParams.get("type") === "AAAA" ? "AAAA" : "A";
  const nipIo = /^(\d{1,3}(?:\.\d{1,3}){3})\.nip\.io$/.exec(name); // nip.io answers with the address in the name
  const record: TestDnsRecord = overrides[name] ?? TEST_DNS[name] ?? (nipIo ? { A: [nipIo[1]] } : TEST_PUBLIC_ADDRESSES);
  const question = [{ name, type: DNS_TYPES[type] }];
  const answer = "rcode" in record ? { Status: record.rcode, Question: question } : {
    Status: 0, TC: false, RD: true, RA: true, AD: false, CD: false, Question: question,
    Answer: (record[type] ?? []).map((data) => ({ name, type: DNS_TYPES[type], TTL: 300, data })),
  };
  return new Response(JSON.stringify(answer), { headers: { "content-type": "application/dns-json" } });
}

const TEST_RESOLVER = Symbol.for("scoutflare.test.dns-over-https");

function installTestResolver(): void {
  if (TEST_RESOLVER in globalThis.fetch) return;
  const passOn = globalThis.fetch;
  const fetchWithResolver = async (input: RequestInfo | URL, init?: RequestInit) => testDnsAnswer(input, init) ?? passOn(input, init);
  globalThis.fetch = Object.assign(fetchWithResolver, { [TEST_RESOLVER]: true }) as typeof fetch;
}

installTestResolver();


/** The events of a server-sent event stream's body (comment lines such as keep-alives left out). */
export function parseSse(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .split("\n\n")
    .map((block) => block.split("\n").filter((l) => !l.startsWith(":")))
    .filter((lines) => lines.some((l) => l.startsWith("event:")))
    .map((lines) => ({
      event: lines.find((l) => l.startsWith("event:"))!.slice(6).trim(),
      data: JSON.parse(lines.find((l) => l.startsWith("data:"))!.slice(5)),
    }));
}
