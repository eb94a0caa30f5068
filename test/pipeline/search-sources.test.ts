// Calling candidate sources: a timeout per attempt, 2 retries, and a breaker kept in D1 that every
// run shares (per company for a tenant-scoped source). The sources here are test doubles of our own interface; D1 is real.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import {
  BREAKER_COOLDOWN_MS, BREAKER_THRESHOLD, breakerAfter, breakerAllows, MAX_RETRY_AFTER_MS, retryDelayMs,
} from "../../src/pipeline/sources/resilience";
import { breakerKey, searchSources } from "../../src/pipeline/sources/search-sources";
import type { CandidateSource, SourceQuery } from "../../src/pipeline/sources/source";
import { deriveIcp } from "../../src/pipeline/icp/derive-icp";

const query: SourceQuery = {
  companyId: "co_test",
  icp: deriveIcp({ title: "Backend Engineer", jobDescription: "Node.js and PostgreSQL." }),
  freeText: undefined,
  limit: 10,
};

/** A source that never answers until aborted, counting its calls. */
function hangingSource(name: string, scope: CandidateSource["scope"] = "shared") {
  const calls: AbortSignal[] = [];
  const source: CandidateSource = {
    name,
    scope,
    search: (_q, signal) => {
      calls.push(signal);
      return new Promise(() => {});
    },
  };
  return { source, calls };
}

function answeringSource(name: string, ids: string[]) {
  let calls = 0;
  const source: CandidateSource = {
    name,
    scope: "shared",
    async search() {
      calls++;
      return ids.map((profileId) => ({ profileId, linkedinUrl: null, emails: [] }));
    },
  };
  return { source, calls: () => calls };
}

const fast = { timeoutMs: 20, retries: 2 };

beforeEach(async () => {
  await env.DB.prepare(`DELETE FROM source_health`).run();
});

describe("timeouts and retries", () => {
  it("a hanging source is tried 1 + 2 times, each attempt aborted at its timeout", async () => {
    const { source, calls } = hangingSource("slow");
    const { hits, outcomes } = await searchSources(env.DB, [source], query, fast);
    expect(hits).toEqual([]);
    expect(outcomes).toEqual([{ source: "slow", ok: false, hits: [], error: "slow did not answer within 20 ms" }]);
    expect(calls).toHaveLength(3);
    expect(calls.every((s) => s.aborted)).toBe(true);
  });

  it("one failing source does not stop the others; hits merge without duplicates", async () => {
    const { source: slow } = hangingSource("slow");
    const a = answeringSource("a", ["p1", "p2"]);
    const b = answeringSource("b", ["p2", "p3"]);
    const { hits, outcomes } = await searchSources(env.DB, [slow, a.source, b.source], query, fast);
    expect(hits.map((h) => h.profileId)).toEqual(["p1", "p2", "p3"]);
    expect(outcomes.map((o) => o.ok)).toEqual([false, true, true]);
  });

  it("a source that fails once then answers succeeds within its retries", async () => {
    let calls = 0;
    const flaky: CandidateSource = {
      name: "flaky",
      scope: "shared",
      async search() {
        if (calls++ === 0) throw new Error("502 from vendor");
        return [{ profileId: "p9", linkedinUrl: null, emails: [] }];
      },
    };
    const { hits } = await searchSources(env.DB, [flaky], query, fast);
    expect(hits.map((h) => h.profileId)).toEqual(["p9"]);
    expect(calls).toBe(2);
  });
});

describe("the circuit breaker", () => {
  it(`opens after ${BREAKER_THRESHOLD} failed calls; while open the source is not called; after the cooldown one call goes through`, async () => {
    const { source, calls } = hangingSource("vendor");
    const t0 = Date.now();
    for (let i = 0; i < BREAKER_THRESHOLD; i++) await searchSources(env.DB, [source], query, { ...fast, nowMs: () => t0 });
    expect(calls).toHaveLength(3 * BREAKER_THRESHOLD);
    const row = await env.DB.prepare(`SELECT consecutive_failures AS n, opened_until AS until FROM source_health WHERE source = 'vendor'`).first<{ n: number; until: number }>();
    expect(row).toEqual({ n: BREAKER_THRESHOLD, until: t0 + BREAKER_COOLDOWN_MS });

    const open = await searchSources(env.DB, [source], query, { ...fast, nowMs: () => t0 + 1000 });
    expect(open.outcomes[0]).toMatchObject({ ok: false, error: "circuit open" });
    expect(calls).toHaveLength(3 * BREAKER_THRESHOLD);

    // Half-open: after the cooldown a healthy answer closes the breaker.
    const healed = answeringSource("vendor", ["p1"]);
    const after = await searchSources(env.DB, [healed.source], query, { ...fast, nowMs: () => t0 + BREAKER_COOLDOWN_MS });
    expect(after.outcomes[0].ok).toBe(true);
    const closed = await env.DB.prepare(`SELECT consecutive_failures AS n, opened_until AS until FROM source_health WHERE source = 'vendor'`).first();
    expect(closed).toEqual({ n: 0, until: null });
  });

  it("a tenant-scoped source has one breaker per company: one tenant's failures never open it for another", async () => {
    const { source, calls } = hangingSource("talent_pool", "tenant");
    const t0 = Date.now();
    for (let i = 0; i < BREAKER_THRESHOLD; i++) await searchSources(env.DB, [source], query, { ...fast, nowMs: () => t0 });
    const mine = await searchSources(env.DB, [source], query, { ...fast, nowMs: () => t0 + 1000 });
    expect(mine.outcomes[0]).toMatchObject({ ok: false, error: "circuit open" });

    const before = calls.length;
    const other = await searchSources(env.DB, [source], { ...query, companyId: "co_other" }, { ...fast, nowMs: () => t0 + 1000 });
    expect(other.outcomes[0].error).not.toBe("circuit open");
    expect(calls.length).toBe(before + 3); // the other company's call went through (and timed out on its own)
    expect(breakerKey(source, "co_test")).not.toBe(breakerKey(source, "co_other"));
  });

  it.each([
    [{ consecutiveFailures: 0, openedUntil: null }, false, { consecutiveFailures: 1, openedUntil: null }],
    [{ consecutiveFailures: BREAKER_THRESHOLD - 1, openedUntil: null }, false, { consecutiveFailures: BREAKER_THRESHOLD, openedUntil: 1000 + BREAKER_COOLDOWN_MS }],
    [{ consecutiveFailures: 7, openedUntil: 5 }, true, { consecutiveFailures: 0, openedUntil: null }],
  ])("breakerAfter(%j, succeeded=%s)", (state, succeeded, expected) => {
    expect(breakerAfter(state, succeeded, 1000)).toEqual(expected);
  });

  it.each([
    [null, 0, true],
    [100, 99, false],
    [100, 100, true],
  ])("breakerAllows(openedUntil=%s, now=%s) = %s", (openedUntil, now, allowed) => {
    expect(breakerAllows({ consecutiveFailures: 3, openedUntil }, now)).toBe(allowed);
  });
});

describe("retry hints (a vendor's Retry-After, a failure no retry can help)", () => {
  const hint = (h: { retryable?: boolean; retryAfterMs?: number }) => Object.assign(new Error("vendor"), h);
  it.each([
    ["no hint: the backoff", new Error("x"), 1, 400],
    ["not retryable: stop", hint({ retryable: false }), 0, null],
    ["a short Retry-After: waited out", hint({ retryAfterMs: 1_500 }), 0, 1_500],
    ["a Retry-After shorter than the backoff: the backoff", hint({ retryAfterMs: 50 }), 1, 400],
    ["a Retry-After longer than a call waits: stop", hint({ retryAfterMs: MAX_RETRY_AFTER_MS + 1 }), 0, null],
    ["not an object", "boom", 0, 200],
  ])("%s", (_name, err, n, delay) => {
    expect(retryDelayMs(err, n)).toBe(delay);
  });

  it.each([
    // hold-off longer than the rule's: it wins, whatever the count
    [{ consecutiveFailures: 0, openedUntil: null }, 120_000, { consecutiveFailures: 1, openedUntil: 1000 + 120_000 }],
    // hold-off shorter than an opening by count: the count's cooldown stands
    [{ consecutiveFailures: BREAKER_THRESHOLD - 1, openedUntil: null }, 5_000, { consecutiveFailures: BREAKER_THRESHOLD, openedUntil: 1000 + BREAKER_COOLDOWN_MS }],
    [{ consecutiveFailures: 0, openedUntil: null }, undefined, { consecutiveFailures: 1, openedUntil: null }],
  ])("breakerAfter(%j, failed, holdOffMs=%s)", (state, holdOffMs, expected) => {
    expect(breakerAfter(state, false, 1000, holdOffMs)).toEqual(expected);
  });

  it("a source that failed with a long Retry-After is left alone that long by every run", async () => {
    let calls = 0;
    const limited: CandidateSource = {
      name: "limited",
      scope: "shared",
      async search() {
        calls++;
        throw Object.assign(new Error("429"), { retryable: true, retryAfterMs: 30_000 });
      },
    };
    const t0 = Date.now();
    const first = await searchSources(env.DB, [limited], query, { ...fast, nowMs: () => t0 });
    expect(first.outcomes[0].ok).toBe(false);
    expect(calls).toBe(1);
    const soon = await searchSources(env.DB, [limited], query, { ...fast, nowMs: () => t0 + 29_000 });
    expect(soon.outcomes[0].error).toBe("circuit open");
    expect(calls).toBe(1);
  });
});

