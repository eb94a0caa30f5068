// Idempotency-Key when the first request's create commits but its record does not keep up: the
// record write fails after the commit, or the create is slower than the stale window and a retry
// takes the key over. Either way there is no 500 and never a second run. Through the Worker's own
// fetch handler with a D1 binding that fails or holds chosen statements (test/watched-d1.ts).
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { api, BASE, createTenant, errorOf, validJob } from "../helpers";
import { gate, watchD1 } from "../watched-d1";

const COMPLETION_SQL = /^\s*UPDATE idempotency_records SET state = 'completed'/;
const RUN_INSERT_SQL = /^\s*INSERT INTO sourcing_runs/;
const STALE_WINDOW_MS = 60_000; // with-idempotency IN_FLIGHT_STALE_MS

type Endpoint = { path: string; json: unknown };
const SOURCING: Endpoint = { path: "/sourcing", json: { ...validJob, limit: 5 } };

const idempotencyHeaders = (key: string, idempotencyKey: string) => ({
  authorization: `Bearer ${key}`, "content-type": "application/json", "Idempotency-Key": idempotencyKey,
});

/** A POST through the Worker with `db` as its D1 binding; the ExecutionContext holds what it left for after the response. */
async function postWith(db: D1Database, key: string, idempotencyKey: string, endpoint: Endpoint = SOURCING) {
  const ctx = createExecutionContext();
  const request = new Request(`${BASE}${endpoint.path}`, { method: "POST", headers: idempotencyHeaders(key, idempotencyKey), body: JSON.stringify(endpoint.json) });
  const res = await worker.fetch(request, { ...env, DB: db }, ctx);
  return { res, ctx };
}

const post = (key: string, idempotencyKey: string, endpoint: Endpoint = SOURCING) =>
  api(endpoint.path, { method: "POST", headers: idempotencyHeaders(key, idempotencyKey), body: JSON.stringify(endpoint.json) });

/** D1 whose idempotency-record completion fails (the first `times` attempts; every one by default). */
function failingCompletion(times = Infinity) {
  let attempts = 0;
  const db = watchD1(env.DB, (sql) => {
    if (!COMPLETION_SQL.test(sql)) return;
    attempts++;
    if (attempts <= times) throw new Error("D1_ERROR: injected failure of the idempotency record write");
  });
  return { db, attempts: () => attempts };
}

async function count(sql: string, companyId: string): Promise<number> {
  return (await env.DB.prepare(sql).bind(companyId).first<{ n: number }>())?.n ?? 0;
}
const runsOf = (companyId: string) => count(`SELECT COUNT(*) AS n FROM sourcing_runs WHERE company_id = ?`, companyId);
const reservesOf = (companyId: string) => count(`SELECT COUNT(*) AS n FROM credit_ledger WHERE company_id = ? AND entry_type = 'reserve'`, companyId);

const stateOf = async (companyId: string, key: string) =>
  (await env.DB.prepare(`SELECT state FROM idempotency_records WHERE company_id = ? AND idempotency_key = ?`).bind(companyId, key).first<{ state: string }>())?.state;

/** What the clock would do to a claim left in flight: make it older than the stale window. */
async function outliveStaleWindow(companyId: string, key: string): Promise<void> {
  const olderThanStale = new Date(Date.now() - STALE_WINDOW_MS - 1_000).toISOString();
  const { meta } = await env.DB.prepare(`UPDATE idempotency_records SET created_at = ? WHERE company_id = ? AND idempotency_key = ?`)
    .bind(olderThanStale, companyId, key)
    .run();
  expect(meta.changes).toBe(1);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a create that committed but whose idempotency record could not be written", () => {
  it("answers 202, not 500; a retry after the stale window answers the same run and creates nothing", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {}); // the failed writes are logged by design
    const t = await createTenant({ credits: 100 });
    const failing = failingCompletion();

    const { res, ctx } = await postWith(failing.db, t.key, "lost-record");
    expect(res.status).toBe(202);
    const { requestId } = await res.json<{ requestId: string }>();
    await waitOnExecutionContext(ctx);
    expect(failing.attempts()).toBe(4); // once on the request path, then retried three times after it
    expect(await stateOf(t.companyId, "lost-record")).toBe("in_flight");

    // Within the stale window the key is still held: 409, nothing created.
    const early = await post(t.key, "lost-record");
    expect(early.status).toBe(409);
    expect((await errorOf(early)).error.code).toBe("IDEMPOTENCY_IN_FLIGHT");

    await outliveStaleWindow(t.companyId, "lost-record");
    const retried = await post(t.key, "lost-record");
    expect(retried.status).toBe(202);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(retried.headers.get("location")).toBe(`/sourcing/${requestId}/results`);
    expect(await retried.json()).toMatchObject({ requestId, status: "processing" });
    expect(await stateOf(t.companyId, "lost-record")).toBe("completed");

    const replayed = await post(t.key, "lost-record");
    expect((await replayed.json<{ requestId: string }>()).requestId).toBe(requestId);
    expect(await runsOf(t.companyId)).toBe(1);
    expect(await reservesOf(t.companyId)).toBe(1);
  });

  it("a record write that fails once is completed off the request path: the next retry is a plain replay", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const t = await createTenant({ credits: 100 });
    const failing = failingCompletion(1);

    const { res, ctx } = await postWith(failing.db, t.key, "late-record");
    expect(res.status).toBe(202);
    const first = await res.json<{ requestId: string }>();
    await waitOnExecutionContext(ctx);
    expect(failing.attempts()).toBe(2);
    expect(await stateOf(t.companyId, "late-record")).toBe("completed");

    const again = await post(t.key, "late-record");
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(first);
    expect(await runsOf(t.companyId)).toBe(1);
  });

  it.each([
    ["POST /sourcing/preview", { path: "/sourcing/preview", json: { ...validJob, limit: 5 } }],
    ["POST /sourcing/enrich", { path: "/sourcing/enrich", json: { profileIds: ["prof_not_in_the_pool"] } }],
  ] as const)("%s: the same — no 500, and the retry answers the request it created", async (_name, endpoint) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const t = await createTenant({ credits: 100 });
    const { res, ctx } = await postWith(failingCompletion().db, t.key, "lost", endpoint);
    expect(res.status).toBe(202);
    const { requestId } = await res.json<{ requestId: string }>();
    await waitOnExecutionContext(ctx);

    await outliveStaleWindow(t.companyId, "lost");
    const retried = await post(t.key, "lost", endpoint);
    expect(retried.status).toBe(202);
    expect((await retried.json<{ requestId: string }>()).requestId).toBe(requestId);
    expect(await runsOf(t.companyId)).toBe(1);
    expect(await reservesOf(t.companyId)).toBe(1);
  });
});

describe("a create slower than the stale window", () => {
  it("and a retry that takes its claim over create one run, and both answer it", async () => {
    const t = await createTenant({ credits: 100 });
    // The first request stops just before its admission batch (reserve + run insert) reaches D1.
    const slow = gate();
    const reached = gate();
    const slowDb = watchD1(env.DB, async (sql) => {
      if (!RUN_INSERT_SQL.test(sql)) return;
      reached.release();
      await slow.wait;
    });
    const first = postWith(slowDb, t.key, "slow");
    await reached.wait;

    // The first request is past the stale window: a retry takes its claim over and creates the run.
    await outliveStaleWindow(t.companyId, "slow");
    const retry = await post(t.key, "slow");
    expect(retry.status).toBe(202);
    const retryBody = await retry.json<{ requestId: string }>();
    expect(await runsOf(t.companyId)).toBe(1);

    // Now the first request's admission reaches D1: the run exists under the reserved id, so it
    // writes nothing and answers that run.
    slow.release();
    const { res, ctx } = await first;
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(202);
    expect(await runsOf(t.companyId)).toBe(1);
    expect(await reservesOf(t.companyId)).toBe(1);
    expect((await res.json<{ requestId: string }>()).requestId).toBe(retryBody.requestId);
    expect(res.headers.get("idempotent-replayed")).toBe("true");
    const replay = await post(t.key, "slow");
    expect((await replay.json<{ requestId: string }>()).requestId).toBe(retryBody.requestId);
  });
});
