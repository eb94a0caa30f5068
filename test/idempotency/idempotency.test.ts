// Idempotency-Key on POST /sourcing, through the real Worker: replay, body mismatch, concurrency,
// per-company scope, key length, expiry and takeover, and that a refused request does not burn a key.
import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it, vi } from "vitest";
import type { AppEnv } from "../../src/app-env";
import { renderError } from "../../src/errors";
import { withIdempotency } from "../../src/idempotency/with-idempotency";
import { ADMIN, api, createTenant, errorOf, validJob } from "../helpers";

const post = (key: string, idempotencyKey: string, json: unknown = { ...validJob, limit: 10 }) =>
  api("/sourcing", { method: "POST", key, json, headers: { "Idempotency-Key": idempotencyKey } });

async function count(sql: string, companyId: string): Promise<number> {
  return (await env.DB.prepare(sql).bind(companyId).first<{ n: number }>())?.n ?? 0;
}
const runsOf = (companyId: string) => count(`SELECT COUNT(*) AS n FROM sourcing_runs WHERE company_id = ?`, companyId);
const reservesOf = (companyId: string) => count(`SELECT COUNT(*) AS n FROM credit_ledger WHERE company_id = ? AND entry_type = 'reserve'`, companyId);

async function recordOf(companyId: string, key: string) {
  return env.DB.prepare(`SELECT * FROM idempotency_records WHERE company_id = ? AND idempotency_key = ?`)
    .bind(companyId, key)
    .first<{ request_hash: string; state: string; created_at: string; expires_at: string }>();
}

/** Plant a record as another request would have left it; `ageMs` back-dates it. */
async function plantRecord(companyId: string, key: string, r: { requestHash: string; state: "in_flight" | "completed"; ageMs: number; ttlMs?: number }) {
  const created = Date.now() - r.ageMs;
  await env.DB.prepare(
    `INSERT INTO idempotency_records (company_id, idempotency_key, request_hash, state, response_status, response_headers, response_body, created_at, expires_at)
     VALUES (?1, ?2, ?3, ?4, ?5, '{}', ?6, ?7, ?8)`,
  )
    .bind(companyId, key, r.requestHash, r.state, r.state === "completed" ? 202 : null, r.state === "completed" ? '{"planted":true}' : null,
      new Date(created).toISOString(), new Date(created + (r.ttlMs ?? 86_400_000)).toISOString())
    .run();
}

describe("replaying the same key and body", () => {
  it("returns the first response with Idempotent-Replayed and creates nothing new", async () => {
    const t = await createTenant({ credits: 100 });
    const first = await post(t.key, "order-1");
    expect(first.status).toBe(202);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstBody = await first.json<{ requestId: string }>();

    const again = await post(t.key, "order-1");
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(again.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await again.json()).toEqual(firstBody);

    expect(await runsOf(t.companyId)).toBe(1);
    expect(await reservesOf(t.companyId)).toBe(1);
  });

  it("the body is compared as validated: key order and an explicit default do not matter", async () => {
    const t = await createTenant({ credits: 100 });
    const first = await post(t.key, "order-2", { title: validJob.title, jobDescription: validJob.jobDescription });
    const reordered = await post(t.key, "order-2", { limit: 20, jobDescription: validJob.jobDescription, title: validJob.title });
    expect(reordered.status).toBe(202);
    expect(reordered.headers.get("idempotent-replayed")).toBe("true");
    expect((await reordered.json<{ requestId: string }>()).requestId).toBe((await first.json<{ requestId: string }>()).requestId);
    expect(await runsOf(t.companyId)).toBe(1);
  });
});

describe("refusals", () => {
  it("the same key with a different body → 422 IDEMPOTENCY_KEY_REUSED, nothing created", async () => {
    const t = await createTenant({ credits: 100 });
    expect((await post(t.key, "order-3")).status).toBe(202);
    const res = await post(t.key, "order-3", { ...validJob, limit: 11 });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await runsOf(t.companyId)).toBe(1);
    expect(await reservesOf(t.companyId)).toBe(1);
  });

  it("the same key on another endpoint counts as another request → 422", async () => {
    const t = await createTenant({ credits: 100 });
    expect((await post(t.key, "shared")).status).toBe(202);
    const res = await api("/candidates/import", {
      method: "POST", key: t.key, body: JSON.stringify({ fullName: "Ada Lovelace" }),
      headers: { "content-type": "application/x-ndjson", "Idempotency-Key": "shared" },
    });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("a key over 255 characters → 400 VALIDATION_ERROR; 255 is accepted", async () => {
    const t = await createTenant({ credits: 100 });
    const tooLong = await post(t.key, "k".repeat(256));
    expect(tooLong.status).toBe(400);
    const err = await errorOf(tooLong);
    expect(err.error.code).toBe("VALIDATION_ERROR");
    expect(err.error.details.issues).toEqual([{ path: "Idempotency-Key", message: expect.any(String) }]);
    expect(await runsOf(t.companyId)).toBe(0);
    expect((await post(t.key, "k".repeat(255))).status).toBe(202);
  });

  it("a key still being worked on → 409 IDEMPOTENCY_IN_FLIGHT, nothing created", async () => {
    const t = await createTenant({ credits: 100 });
    // Learn the request hash of this body from a finished request, then plant a fresh in-flight claim with it.
    expect((await post(t.key, "probe")).status).toBe(202);
    const { request_hash } = (await recordOf(t.companyId, "probe"))!;
    await plantRecord(t.companyId, "busy", { requestHash: request_hash, state: "in_flight", ageMs: 1_000 });
    const res = await post(t.key, "busy");
    expect(res.status).toBe(409);
    expect((await errorOf(res)).error.code).toBe("IDEMPOTENCY_IN_FLIGHT");
    expect(await runsOf(t.companyId)).toBe(1);
  });
});

describe("concurrency", () => {
  it("10 identical requests at once create exactly one run; the rest replay it or get 409", async () => {
    const t = await createTenant({ credits: 1000 });
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(t.key, "burst")));
    const bodies = await Promise.all(responses.map((r) => r.json<{ requestId?: string; error?: { code: string } }>()));
    const accepted = responses.flatMap((r, i) => (r.status === 202 ? [{ replayed: r.headers.get("idempotent-replayed"), body: bodies[i] }] : []));
    const inFlight = responses.flatMap((r, i) => (r.status === 409 ? [bodies[i]] : []));

    expect(accepted.length + inFlight.length).toBe(10);
    expect(accepted.filter((a) => a.replayed === null)).toHaveLength(1);
    expect(new Set(accepted.map((a) => a.body.requestId)).size).toBe(1);
    for (const e of inFlight) expect(e.error?.code).toBe("IDEMPOTENCY_IN_FLIGHT");
    expect(await runsOf(t.companyId)).toBe(1);
    expect(await reservesOf(t.companyId)).toBe(1);
  });
});

describe("scope and lifetime of a key", () => {
  it("keys are per company: two companies using the same key both get their own run", async () => {
    const a = await createTenant({ credits: 100 });
    const b = await createTenant({ credits: 100 });
    const ra = await post(a.key, "common-key");
    const rb = await post(b.key, "common-key");
    expect([ra.status, rb.status]).toEqual([202, 202]);
    expect(rb.headers.get("idempotent-replayed")).toBeNull();
    expect((await ra.json<{ requestId: string }>()).requestId).not.toBe((await rb.json<{ requestId: string }>()).requestId);
    expect(await runsOf(a.companyId)).toBe(1);
    expect(await runsOf(b.companyId)).toBe(1);
  });

  it("a refused request (402) does not burn the key: it works once credits are topped up", async () => {
    const t = await createTenant({ credits: 5 });
    const refused = await post(t.key, "retry-me");
    expect(refused.status).toBe(402);
    expect(await recordOf(t.companyId, "retry-me")).toBeNull();
    expect(await runsOf(t.companyId)).toBe(0);

    const applied = await api(`/admin/companies/${t.companyId}/credits`, { method: "POST", headers: ADMIN, json: { amount: 20, reason: "test" } });
    expect(applied.status).toBe(201);

    const retried = await post(t.key, "retry-me");
    expect(retried.status).toBe(202);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    expect(await runsOf(t.companyId)).toBe(1);
  });

  it("after 24 h a key is free again, even for another body", async () => {
    const t = await createTenant({ credits: 100 });
    await plantRecord(t.companyId, "old", { requestHash: "something-else", state: "completed", ageMs: 25 * 3_600_000 });
    const res = await post(t.key, "old");
    expect(res.status).toBe(202);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    expect(await runsOf(t.companyId)).toBe(1);
    expect((await recordOf(t.companyId, "old"))?.state).toBe("completed");
  });

  it("within 24 h a completed record still holds the key (another body → 422)", async () => {
    const t = await createTenant({ credits: 100 });
    await plantRecord(t.companyId, "recent", { requestHash: "x", state: "completed", ageMs: 23 * 3_600_000 });
    expect((await post(t.key, "recent")).status).toBe(422);
    expect(await runsOf(t.companyId)).toBe(0);
  });

  it("an in-flight claim abandoned by a dead request is taken over, and the taker completes it", async () => {
    const t = await createTenant({ credits: 100 });
    // The abandoned claim is for this very body (a retry): learn its hash from a finished request.
    expect((await post(t.key, "probe-orphan")).status).toBe(202);
    const { request_hash } = (await recordOf(t.companyId, "probe-orphan"))!;
    await plantRecord(t.companyId, "orphan", { requestHash: request_hash, state: "in_flight", ageMs: 5 * 60_000 });
    const res = await post(t.key, "orphan");
    expect(res.status).toBe(202);
    expect(await runsOf(t.companyId)).toBe(2);
    const replay = await post(t.key, "orphan");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await runsOf(t.companyId)).toBe(2);
  });

  it("a stale claim of another body is not taken over (its create may have committed): 422, nothing created", async () => {
    const t = await createTenant({ credits: 100 });
    await plantRecord(t.companyId, "orphan-other", { requestHash: "from-a-crashed-request", state: "in_flight", ageMs: 5 * 60_000 });
    const res = await post(t.key, "orphan-other");
    expect(res.status).toBe(422);
    expect((await errorOf(res)).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await runsOf(t.companyId)).toBe(0);
  });
});

describe("a request that outlives its claim (withIdempotency alone)", () => {
  /** A bare app whose create step lets another request take the key over before it finishes. */
  function appWhereCreate(companyId: string, finish: "succeeds" | "throws") {
    const app = new Hono<AppEnv>();
    app.onError(renderError);
    app.use("*", async (c, next) => {
      c.set("tenant", { companyId, billingMode: "prepaid", keyId: "k", scopes: [], rateLimits: { perMinute: 1, perHour: 1 } });
      await next();
    });
    app.post("/thing", (c) =>
      withIdempotency(c, { a: 1 }, async () => {
        // What a taker's claim looks like: a newer in-flight row for the same key.
        await env.DB.prepare(`UPDATE idempotency_records SET request_hash = 'taker', created_at = '2999-01-01T00:00:00.000Z' WHERE company_id = ? AND idempotency_key = 'slow'`)
          .bind(companyId)
          .run();
        if (finish === "throws") throw new Error("create failed");
        return c.json({ ok: true }, 201);
      }),
    );
    return app;
  }

  it.each(["succeeds", "throws"] as const)("when its create step %s, the taker's claim is left alone", async (finish) => {
    const companyId = crypto.randomUUID();
    vi.spyOn(console, "error").mockImplementation(() => {}); // the thrown create is logged as a 500 by design
    await appWhereCreate(companyId, finish).request("/thing", { method: "POST", headers: { "Idempotency-Key": "slow" } }, env);
    expect(await recordOf(companyId, "slow")).toMatchObject({ request_hash: "taker", state: "in_flight", created_at: "2999-01-01T00:00:00.000Z" });
    vi.restoreAllMocks();
  });
});
