// A search no source answered is retried by the run's alarm before it is the round's outcome.
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import { NO_SOURCE_ANSWERED } from "../../src/pipeline/find-candidates";
import { breakerKey } from "../../src/pipeline/sources/search-sources";
import { SOURCE_RETRIES } from "../../src/pipeline/sources/resilience";
import type { SourceQuery } from "../../src/pipeline/sources/source";
import { TalentPoolSource } from "../../src/pipeline/sources/talent-pool-source";
import { SEARCH_ATTEMPTS } from "../../src/runs/state-machine";
import { api, createTenant, importProfiles, ledgerOf, type TestTenant, validJob, waitForRun } from "../helpers";

type Results = { status: string; candidates: unknown[]; errorCode?: string; errorMessage?: string };

const CALLS_PER_SEARCH = 1 + SOURCE_RETRIES; // each search already retries the source within itself

let tenant: TestTenant;

async function startRun(t: TestTenant, body: Record<string, unknown>): Promise<string> {
  const res = await api("/sourcing", { method: "POST", key: t.key, json: body });
  expect(res.status).toBe(202);
  return (await res.json<{ requestId: string }>()).requestId;
}

/** The talent pool fails its first `n` calls (as an outage of a few seconds would), then answers. */
function failFirstCalls(n: number): { calls: () => number } {
  const real = TalentPoolSource.prototype.search;
  let calls = 0;
  vi.spyOn(TalentPoolSource.prototype, "search").mockImplementation(function (this: TalentPoolSource, query: SourceQuery) {
    calls++;
    return calls <= n ? Promise.reject(new Error("D1_ERROR: database is locked")) : real.call(this, query);
  });
  return { calls: () => calls };
}

const breakerOf = (companyId: string) =>
  env.DB.prepare(`SELECT consecutive_failures AS failures, opened_until AS openedUntil FROM source_health WHERE source = ?`)
    .bind(breakerKey({ name: "talent_pool", scope: "tenant" }, companyId))
    .first<{ failures: number; openedUntil: number | null }>();

beforeAll(async () => {
  tenant = await createTenant({ credits: 1000 });
  expect((await importProfiles(tenant.key, generateDemoPool({ count: 200, seed: 11 }))).imported).toBe(200);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a failed search", () => {
  it("is searched again after a backoff: a source that fails once, then answers, yields a completed run", async () => {
    // One whole search fails (every attempt within it); the next one, an alarm later, answers.
    const source = failFirstCalls(CALLS_PER_SEARCH);
    const runId = await startRun(tenant, { ...validJob, limit: 5 });
    const done = (await waitForRun(tenant.key, runId, 20_000)) as unknown as Results;
    expect(done.status).toBe("completed");
    expect(done.candidates).toHaveLength(5);
    expect(source.calls()).toBe(CALLS_PER_SEARCH + 1);
    // The failure counted once against the tenant's breaker, and the answer closed it again.
    expect(await breakerOf(tenant.companyId)).toEqual({ failures: 0, openedUntil: null });
    expect((await ledgerOf(tenant.companyId)).reserved).toBe(0);
  });

  it("fails SOURCE_UNAVAILABLE only after its last attempt, and captures nothing", async () => {
    const t = await createTenant({ credits: 40 });
    const source = failFirstCalls(Number.POSITIVE_INFINITY);
    const runId = await startRun(t, { ...validJob, limit: 5 });
    const done = (await waitForRun(t.key, runId, 25_000)) as unknown as Results;
    expect(done.status).toBe("failed");
    expect(done.errorCode).toBe("SOURCE_UNAVAILABLE");
    expect(done.errorMessage).toBe(NO_SOURCE_ANSWERED);
    // Every attempt reached the source: the breaker opens on the third failed search, not before.
    expect(source.calls()).toBe(SEARCH_ATTEMPTS * CALLS_PER_SEARCH);
    expect(await ledgerOf(t.companyId)).toMatchObject({ balance: 40, reserved: 0, captured: 0 });
  });
});
