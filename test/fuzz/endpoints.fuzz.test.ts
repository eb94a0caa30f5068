// Property-based fuzzing of every route the app registers (read from its own route table and OpenAPI
// document, so a new route is fuzzed without touching this file): arbitrary bodies, queries, path
// parameters and headers. Whatever arrives, the answer is never a 5xx; every 4xx is the contract's
// error envelope exactly; and a 4xx wrote nothing to D1.
//
// Runs are seeded (FUZZ_SEED), so a failure replays: fast-check prints the seed and the shrunk
// request. To explore further, raise RUNS_PER_ROUTE and change FUZZ_SEED locally (200 a route
// under three seeds took about three minutes here).
import { createExecutionContext, SELF, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "../../src/app";
import { ADMIN, api, BASE, createTenant, importProfiles, type TestTenant, validJob, waitForRun } from "../helpers";
import { stubReceiver } from "../webhooks/receiver";
import { changedTables, envelopeProblems, watchedTables, writeFingerprint } from "./contract";
import {
  describeRequest, type FuzzFixtures, type FuzzRequest, type FuzzRoute, fuzzRoutes, type OpenApiDocument, requestFor, strayRequest,
} from "./request-values";

const FUZZ_SEED = 20_260_117;
/** Per route: enough to try each field's hostile values a few times while the file stays well under a minute on 2 cores. */
const RUNS_PER_ROUTE = 40;
const STRAY_RUNS = 60;
/** How long a request's background work (a run, an enrichment, a webhook) may take to settle, ms. */
const SETTLE_TIMEOUT_MS = 20_000;
/** Per route, ms: shrinking a failure replays many requests, and a failure should be reported, not time out. */
const CASE_TIMEOUT_MS = 300_000;

const app = buildApp();
const document = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "fuzz", version: "0" } }) as unknown as OpenApiDocument;
// Deletions and revocations last, so they never take away a fixture another route's cases use.
const ROUTES = fuzzRoutes(app.routes, document).sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));

/** The operator credentials from an address of their own, so no fuzz case's failed logins throttle it. */
const ADMIN_HEADERS: [string, string][] = [...Object.entries(ADMIN), ["cf-connecting-ip", "203.0.113.200"]];

let fixtures: FuzzFixtures;
let tables: string[];

async function issueKey(companyId: string, scopes?: string[]): Promise<{ id: string; key: string }> {
  const res = await SELF.fetch(`${BASE}/admin/companies/${companyId}/api-keys`, {
    method: "POST", headers: ADMIN, body: JSON.stringify({ environment: "test", scopes, rateLimit: { perMinute: 100_000, perHour: 1_000_000 } }),
  });
  if (res.status !== 201) throw new Error(`key: ${res.status} ${await res.text()}`);
  return res.json();
}

async function createWebhook(key: string, events: string[]): Promise<string> {
  const res = await api("/webhooks", { method: "POST", key, json: { url: "https://hooks.example.com/fuzz", name: "fuzz", events } });
  if (res.status !== 201) throw new Error(`webhook: ${res.status} ${await res.text()}`);
  return (await res.json<{ id: string }>()).id;
}

async function acceptedId(res: Response): Promise<string> {
  if (res.status !== 202) throw new Error(`expected 202: ${res.status} ${await res.text()}`);
  return (await res.json<{ requestId: string }>()).requestId;
}

beforeAll(async () => {
  // Webhook pings and deliveries reach a stub that answers 200; host lookups get the test resolver.
  stubReceiver();
  const tenant: TestTenant = await createTenant({ credits: 500 });
  const other = await createTenant();
  const narrow = await issueKey(tenant.companyId, ["billing:read"]);
  const revoked = await issueKey(tenant.companyId);
  await SELF.fetch(`${BASE}/admin/api-keys/${revoked.id}`, { method: "DELETE", headers: ADMIN });
  const spare = await issueKey(other.companyId); // the only key id the operator routes may revoke
  // Two credits: after its own run ends it holds 2 available, so most creates and PATCHes are 402s.
  const poor = await createTenant({ credits: 2 });

  // The tenant's own webhook takes PING only, so a run naming it is refused (422) and no run sends
  // events in the background; the other company's webhook is the 403 case.
  const webhookId = await createWebhook(tenant.key, ["PING"]);
  const otherWebhookId = await createWebhook(other.key, ["SOURCING_COMPLETED", "ENRICH_COMPLETED"]);
  await importProfiles(tenant.key, [
    { externalId: "fuzz-1", fullName: "Ada Lovelace", currentTitle: "Senior Backend Engineer", skills: ["Node.js", "PostgreSQL"], location: "San Francisco, CA" },
    { externalId: "fuzz-2", fullName: "Grace Hopper", currentTitle: "Staff Engineer", skills: ["Kubernetes"], emails: ["grace@example.com"] },
  ]);
  const profileIds = (await env.DB.prepare(`SELECT id FROM talent_profiles WHERE company_id = ? ORDER BY seq`).bind(tenant.companyId).all<{ id: string }>())
    .results.map((r) => r.id);

  const runId = await acceptedId(await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 2 } }));
  await waitForRun(tenant.key, runId);
  const poorRunId = await acceptedId(await api("/sourcing", { method: "POST", key: poor.key, json: { ...validJob, limit: 2 } }));
  await waitForRun(poor.key, poorRunId);
  const previewId = await acceptedId(await api("/sourcing/preview", { method: "POST", key: tenant.key, json: { ...validJob, limit: 2 } }));
  const enrichId = await acceptedId(await api("/sourcing/enrich", { method: "POST", key: tenant.key, json: { profileIds } }));
  const ping = await api(`/webhooks/${webhookId}/test`, { method: "POST", key: tenant.key });
  const { deliveryId } = await ping.json<{ deliveryId: string }>();
  await settle();

  fixtures = {
    credentials: { fullKey: tenant.key, poorKey: poor.key, narrowKey: narrow.key, revokedKey: revoked.key, adminToken: ADMIN.authorization.slice("Bearer ".length) },
    idsByParam: {
      requestId: [runId, previewId, enrichId, poorRunId],
      id: [webhookId, otherWebhookId],
      deliveryId: [deliveryId],
      profileId: profileIds,
      companyId: [tenant.companyId, other.companyId],
      keyId: [spare.id],
    },
    knownIds: [webhookId, otherWebhookId, ...profileIds, runId, tenant.companyId],
  };
  tables = await watchedTables(env.DB);
}, 60_000);

afterAll(() => vi.restoreAllMocks());

/** Background work started by an accepted request: runs and enrichments in progress, webhooks not yet sent. */
async function pendingWork(): Promise<number> {
  const row = await env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM sourcing_runs WHERE status = 'processing') + (SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending') AS n`,
  ).first<{ n: number }>();
  return row?.n ?? 0;
}

/** Waits until nothing writes in the background, so the next case's "before" snapshot is its own. */
async function settle(): Promise<void> {
  const until = Date.now() + SETTLE_TIMEOUT_MS;
  while ((await pendingWork()) > 0) {
    if (Date.now() > until) throw new Error(`background work still pending after ${SETTLE_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Answer = { status: number; headers: Headers; text: string };

/** A body of unknown length, in 64 KiB chunks, as a client streaming its upload would send it. */
function streamOf(body: string | Uint8Array): ReadableStream<Uint8Array> {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, (offset += 64 * 1024)));
    },
  });
}

/**
 * The request goes to the app's fetch, the handler the Worker exports, rather than through SELF:
 * within one test file each SELF.fetch costs more than the last (GET /health measured 5 ms fresh,
 * 50 ms after 300 requests, 140 ms after 600), which made a thousand cases take ten minutes.
 */
async function send(req: FuzzRequest): Promise<Answer> {
  const ctx = createExecutionContext();
  const body = req.chunked && req.body !== undefined ? streamOf(req.body) : req.body;
  const res = await app.fetch(new Request(req.url, { method: req.method, headers: req.headers, body, redirect: "manual" }), env, ctx);
  await waitOnExecutionContext(ctx);
  // An event stream of a run still processing lasts minutes; its status and headers are the answer.
  if ((res.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    await res.body?.cancel();
    return { status: res.status, headers: res.headers, text: "" };
  }
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** What is wrong with the answer to one request; [] when it keeps the contract. */
async function violations(req: FuzzRequest, statuses: number[]): Promise<string[]> {
  const before = await writeFingerprint(env.DB, tables);
  const answer = await send(req);
  statuses.push(answer.status);
  const problems: string[] = [];
  if (!answer.headers.get("x-request-id")) problems.push("no X-Request-Id");
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  // HEAD answers carry no body by HTTP's rules; there is no envelope to check.
  if (answer.status >= 400 && req.method !== "HEAD") problems.push(...envelopeProblems(answer));
  if (answer.status >= 400) {
    const changed = changedTables(before, await writeFingerprint(env.DB, tables));
    if (changed.length) problems.push(`a ${answer.status} wrote to ${changed.join(", ")}`);
  } else if (req.method !== "GET") {
    await settle();
  }
  return problems.length ? [...problems, `answer: ${answer.status} ${answer.text.slice(0, 400)}`] : [];
}

/** Asserts the property over `numRuns` requests; resolves to every status seen, for a check that cases got anywhere. */
async function keepsContract(requests: fc.Arbitrary<FuzzRequest>, numRuns: number, seed: number): Promise<number[]> {
  const statuses: number[] = [];
  await fc.assert(
    fc.asyncProperty(requests, async (req) => {
      const problems = await violations(req, statuses);
      if (problems.length) throw new Error(`${problems.join("\n")}\n--- request ---\n${describeRequest(req)}`);
    }),
    { numRuns, seed },
  );
  return statuses;
}

describe("every route keeps the contract under arbitrary input", () => {
  it("enumerates the app's routes from its own route table", () => {
    expect(ROUTES.length).toBeGreaterThan(30);
    // Every routed endpoint but the document and its page is described in the OpenAPI document.
    const undocumented = ROUTES.filter((r) => !r.operation).map((r) => `${r.method} ${r.path}`);
    expect(undocumented.sort()).toEqual(["GET /docs", "GET /openapi.json"]);
  });

  it.each(ROUTES.map((r, i): [string, FuzzRoute, number] => [`${r.method} ${r.path}`, r, i]))("%s", async (_name, route, index) => {
    const statuses = await keepsContract(requestFor(route, BASE, fixtures, document.components?.schemas ?? {}), RUNS_PER_ROUTE, FUZZ_SEED + index);
    // A fuzzer whose every case is refused at the door tests only the door (a broken fixture key would do that).
    expect(statuses.some((s) => s !== 401)).toBe(true);
  }, CASE_TIMEOUT_MS);

  it("paths and methods the app does not route", async () => {
    await keepsContract(strayRequest(BASE), STRAY_RUNS, FUZZ_SEED - 1);
  }, CASE_TIMEOUT_MS);
});

// Plain examples of the input classes above, fixed so they hold whatever the seed: each must keep the
// contract and answer exactly as the contract says.
describe("hostile requests, one of each kind", () => {
  const past10MiB = () => JSON.stringify({ padding: "x".repeat(10 * 1024 * 1024 + 1) });
  const key = () => fixtures.credentials.fullKey;
  const json = (extra: [string, string][] = []): [string, string][] => [["authorization", `Bearer ${key()}`], ["content-type", "application/json"], ...extra];
  const cases: [string, () => FuzzRequest, number][] = [
    ["a streamed body past the JSON limit", () => ({ method: "POST", url: `${BASE}/sourcing`, headers: json(), body: past10MiB(), chunked: true }), 413],
    ["a streamed import past 10 MiB", () => ({ method: "POST", url: `${BASE}/candidates/import`, headers: [["authorization", `Bearer ${key()}`], ["content-type", "application/x-ndjson"]], body: past10MiB(), chunked: true }), 413],
    ["bytes that are not UTF-8", () => ({ method: "POST", url: `${BASE}/sourcing`, headers: json(), body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), chunked: false }), 400],
    ["JSON nested 100,000 deep", () => ({ method: "POST", url: `${BASE}/webhooks`, headers: json(), body: "[".repeat(100_000), chunked: false }), 400],
    ["a lone surrogate in a field", () => ({ method: "POST", url: `${BASE}/admin/companies`, headers: [...ADMIN_HEADERS], body: '{"name":"\\ud800","billingMode":"prepaid"}', chunked: false }), 201],
    ["a multipart body on a JSON route", () => ({ method: "POST", url: `${BASE}/sourcing/render-html`, headers: [["authorization", `Bearer ${key()}`], ["content-type", "multipart/form-data; boundary=xyz"]], body: '--xyz\r\nContent-Disposition: form-data; name="profileIds"\r\n\r\nx\r\n--xyz--\r\n', chunked: false }), 400],
    ["an Idempotency-Key of 256 characters", () => ({ method: "POST", url: `${BASE}/sourcing`, headers: json([["idempotency-key", "k".repeat(256)]]), body: JSON.stringify(validJob), chunked: false }), 400],
    ["a malformed percent-escape in the path", () => ({ method: "GET", url: `${BASE}/sourcing/%E0%A4%A/results`, headers: json(), body: undefined, chunked: false }), 404],
    ["HEAD of a tenant route without a key", () => ({ method: "HEAD", url: `${BASE}/billing/balance`, headers: [], body: undefined, chunked: false }), 401],
  ];
  it.each(cases)("%s", async (_name, request, expected) => {
    const statuses: number[] = [];
    const req = request();
    expect(await violations(req, statuses)).toEqual([]);
    expect(statuses).toEqual([expected]);
  });
});

// What the fuzzing found, each as the plain case that showed it.
describe("findings", () => {
  async function settledEnrichment(key: string, profileIds: string[]): Promise<string> {
    const requestId = await acceptedId(await api("/sourcing/enrich", { method: "POST", key, json: { profileIds } }));
    await settle();
    return requestId;
  }

  const erase = (key: string, profileId: string): FuzzRequest => ({
    method: "DELETE", url: `${BASE}/candidates/${profileId}`, headers: [["authorization", `Bearer ${key}`]], body: undefined, chunked: false,
  });

  it("DELETE /candidates of an id the pool lacks but results hold erases them and says so (was: 404 that deleted rows)", async () => {
    const { key } = await createTenant();
    // An enrichment of an id never in the pool stores its failed outcome under that id.
    const requestId = await settledEnrichment(key, ["prof_nobody-here"]);
    const stored = () => api(`/sourcing/enrich/${requestId}/results`, { key }).then((r) => r.json<{ data: { profileId: string }[] }>());
    expect((await stored()).data.map((d) => d.profileId)).toEqual(["prof_nobody-here"]);
    const statuses: number[] = [];
    expect(await violations(erase(key, "prof_nobody-here"), statuses)).toEqual([]);
    expect(statuses).toEqual([200]);
    expect((await stored()).data).toEqual([]);
  });

  it("DELETE /candidates of an id held nowhere is a 404 that writes nothing", async () => {
    const { key } = await createTenant();
    const statuses: number[] = [];
    expect(await violations(erase(key, "prof_never-seen"), statuses)).toEqual([]);
    expect(statuses).toEqual([404]);
  });
});
