// GET /sourcing/{id}/events under its limits: D1 is read a fixed number of times however long the
// stream lasts (the run's object answers the polls), and one key holds a bounded number of streams.
//
// A run is held in `processing` with a faked clock: the run object sets its alarm at the faked "now",
// a day ahead of the runtime's clock, so the runtime never fires it; the test fires it with
// runDurableObjectAlarm when the run should move on. Only Date is faked: timers run in real time.
import { createExecutionContext, runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import worker from "../../src/index";
import { ADMIN, api, BASE, createTenant, errorOf, importProfiles, parseSse, type TestTenant, validJob } from "../helpers";
import { watchD1 } from "../watched-d1";

const DAY_MS = 86_400_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.useRealTimers();
});

/** A run that stays in `processing` until the test drives it (see the note at the top). */
async function heldRun(t: TestTenant, limit = 10): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + DAY_MS);
  const res = await api("/sourcing", { method: "POST", key: t.key, json: { ...validJob, limit } });
  expect(res.status).toBe(202);
  return (await res.json<{ requestId: string }>()).requestId;
}

/** Fire the run's due steps until D1 shows it ended (queue batches arrive in real time meanwhile). */
async function driveToEnd(t: TestTenant, requestId: string): Promise<void> {
  const stub = env.SOURCING_RUN.getByName(requestId);
  for (let i = 0; i < 400; i++) {
    await runDurableObjectAlarm(stub);
    const row = await env.DB.prepare(`SELECT status FROM sourcing_runs WHERE id = ? AND company_id = ?`).bind(requestId, t.companyId).first<{ status: string }>();
    if (row?.status !== "processing") return;
    await sleep(50);
  }
  throw new Error(`run ${requestId} did not end`);
}

/** Open the run's event stream through the Worker, with `vars` over the test env and `db` as its D1. */
async function openStream(t: TestTenant, requestId: string, o: { db?: D1Database; vars?: Record<string, string> } = {}) {
  const ctx = createExecutionContext();
  const request = new Request(`${BASE}/sourcing/${requestId}/events`, { headers: { authorization: `Bearer ${t.key}` } });
  const res = await worker.fetch(request, { ...env, ...o.vars, ...(o.db ? { DB: o.db } : {}) }, ctx);
  return { res, ctx };
}


describe("D1 reads of one event stream", () => {
  it("stay fixed while the run runs: the run object answers the polls, D1 is read for the outcome", async () => {
    const t = await createTenant({ credits: 200 });
    await importProfiles(t.key, generateDemoPool({ count: 40, seed: 11 }));
    const requestId = await heldRun(t);

    const statements: string[] = [];
    const { res } = await openStream(t, requestId, { db: watchD1(env.DB, (sql) => void statements.push(sql)) });
    expect(res.status).toBe(200);
    const body = res.text(); // ends when the run ends

    await sleep(3_000); // the old stream read D1 every 500 ms: 6 reads by now
    const whileHeld = statements.length;
    await driveToEnd(t, requestId);
    const events = parseSse(await body);

    expect(events.at(-1)).toMatchObject({ event: "completed", data: { requestId, status: "completed" } });
    expect(events.filter((e) => e.event === "stage").length).toBeGreaterThan(1); // it saw the run move on
    // The key lookup and the first read of the run before the stream starts, the outcome at its end.
    expect(whileHeld).toBe(2);
    expect(statements.length).toBe(3);
  });
});

describe("concurrent event streams per API key", () => {
  it("the stream over the key's cap gets 429 RATE_LIMIT_EXCEEDED; a closed stream frees its slot at once", async () => {
    const t = await createTenant({ credits: 200 });
    const requestId = await heldRun(t, 2);
    const vars = { SSE_MAX_STREAMS_PER_KEY: "2" };

    const first = await openStream(t, requestId, { vars });
    const second = await openStream(t, requestId, { vars });
    expect([first.res.status, second.res.status]).toEqual([200, 200]);

    const third = await openStream(t, requestId, { vars });
    expect(third.res.status).toBe(429);
    const err = await errorOf(third.res);
    expect(err).toMatchObject({ success: false, error: { code: "RATE_LIMIT_EXCEEDED", details: { retryAfter: expect.any(Number), maxConcurrentStreams: 2 } } });
    expect(third.res.headers.get("retry-after")).toBe(String(err.error.details.retryAfter));

    // Another key of the same company has slots of its own.
    const issued = await api(`/admin/companies/${t.companyId}/api-keys`, { method: "POST", headers: ADMIN, json: { rateLimit: { perMinute: 100_000, perHour: 1_000_000 } } });
    const secondKey = { ...t, key: (await issued.json<{ key: string }>()).key };
    const elsewhere = await openStream(secondKey, requestId, { vars });
    expect(elsewhere.res.status).toBe(200);
    await elsewhere.res.body!.cancel();

    // The client closes one stream: its slot is free well before any lease could lapse (60 s).
    await first.res.body!.cancel();
    let reopened: Response | undefined;
    for (let i = 0; i < 40 && !reopened; i++) {
      const attempt = await openStream(t, requestId, { vars });
      if (attempt.res.status === 200) reopened = attempt.res;
      else await sleep(50);
    }
    expect(reopened?.status).toBe(200);

    await Promise.all([second.res.body!.cancel(), reopened!.body!.cancel()]);
  });

  it("a run that has ended takes no slot: its final event streams even when the key's slots are taken", async () => {
    const t = await createTenant({ credits: 200 });
    const requestId = await heldRun(t, 2);
    const vars = { SSE_MAX_STREAMS_PER_KEY: "1" };
    const holder = await openStream(t, requestId, { vars });
    expect(holder.res.status).toBe(200);
    expect((await openStream(t, requestId, { vars })).res.status).toBe(429);

    await driveToEnd(t, requestId);
    const ended = await openStream(t, requestId, { vars });
    expect(ended.res.status).toBe(200);
    expect(parseSse(await ended.res.text())).toEqual([{ event: "completed", data: expect.objectContaining({ requestId }) }]);
    expect(parseSse(await holder.res.text()).at(-1)).toMatchObject({ event: "completed" });
  });
});
