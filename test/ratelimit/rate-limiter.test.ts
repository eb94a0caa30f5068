import { env } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RateLimitDecision, WindowState } from "../../src/ratelimit/windows";

let keySeq = 0;
/** A stub for a key no other test has touched (storage is shared across this file). */
function freshLimiter(label: string) {
  return env.RATE_LIMITER.getByName(`${label}-${++keySeq}`);
}

type Stub = ReturnType<typeof freshLimiter>;

function storedState(stub: Stub) {
  return runInDurableObject(stub, (_instance, state) => state.storage.kv.get<WindowState>("windows"));
}

/**
 * Run a real-clock scenario until all its decisions fall in one clock minute (and so one hour).
 * Straddling a boundary legitimately allows more, so such a run proves nothing and is retried
 * with fresh keys; two boundaries in a row cannot happen within a few milliseconds.
 */
async function inOneMinute<T extends { decisions: RateLimitDecision[] }>(scenario: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await scenario();
    if (new Set(result.decisions.map((d) => d.minute.resetAt)).size === 1) return result;
  }
  throw new Error("every attempt crossed a minute boundary");
}

describe("RateLimiter (real clock)", () => {
  it("allows exactly the minute limit out of 30 concurrent requests", async () => {
    const { decisions, stub } = await inOneMinute(async () => {
      const stub = freshLimiter("burst");
      const calls = Array.from({ length: 30 }, () => stub.consume({ perMinute: 10, perHour: 100 }));
      return { decisions: await Promise.all(calls), stub };
    });

    const allowed = decisions.filter((d) => d.allowed);
    const rejected = decisions.filter((d) => !d.allowed);
    expect(allowed).toHaveLength(10);
    // Serialized: each allowed call saw a distinct count.
    expect(allowed.map((d) => d.minute.remaining).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const d of rejected) {
      expect(d.minute.remaining).toBe(0);
      expect(d.hour.remaining).toBe(90);
      expect(d.retryAfterS).toBeGreaterThanOrEqual(1);
      expect(d.retryAfterS).toBeLessThanOrEqual(60);
    }

    const state = await storedState(stub);
    expect(state).toMatchObject({ minuteCount: 10, hourCount: 10 });
    expect(state!.minuteStart / 1000 + 60).toBe(decisions[0].minute.resetAt);
  });

  it("keeps keys independent", async () => {
    const { decisions } = await inOneMinute(async () => {
      const a = freshLimiter("key-a");
      const b = freshLimiter("key-b");
      const limits = { perMinute: 2, perHour: 100 };
      const spentA = [await a.consume(limits), await a.consume(limits), await a.consume(limits)];
      const firstB = await b.consume(limits);
      return { decisions: [...spentA, firstB] };
    });
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false, true]);
    expect(decisions[3].minute.remaining).toBe(1);
  });

  it("persists its state and arms the cleanup alarm at the end of the hour window", async () => {
    const { decisions, stub } = await inOneMinute(async () => {
      const stub = freshLimiter("persist");
      const limits = { perMinute: 5, perHour: 50 };
      return { decisions: [await stub.consume(limits), await stub.consume(limits)], stub };
    });
    const { state, alarm } = await runInDurableObject(stub, async (_instance, ctx) => ({
      state: ctx.storage.kv.get<WindowState>("windows"),
      alarm: await ctx.storage.getAlarm(),
    }));
    expect(state).toMatchObject({ minuteCount: 2, hourCount: 2 });
    expect(alarm).toBe(decisions[1].hour.resetAt * 1000);
  });
});

// Time travel for the cleanup path: the object runs in the test's isolate, so a faked Date reaches
// it. The instant is far in the future so the runtime never fires the alarm on its own.
describe("RateLimiter cleanup alarm (faked clock)", () => {
  const TEN_AM = Date.UTC(2030, 0, 1, 10, 0, 0);
  const ELEVEN_AM = TEN_AM + 3_600_000;
  const limits = { perMinute: 3, perHour: 10 };

  afterEach(() => {
    vi.useRealTimers();
  });

  function storage(stub: Stub) {
    return runInDurableObject(stub, async (_instance, ctx) => ({
      state: ctx.storage.kv.get<WindowState>("windows"),
      alarm: await ctx.storage.getAlarm(),
    }));
  }

  it("re-arms when delivered early, deletes stale state, and is harmless when repeated", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(TEN_AM + 30_000);
    const stub = freshLimiter("cleanup");
    await stub.consume(limits);
    expect(await storage(stub)).toEqual({
      state: { minuteStart: TEN_AM, minuteCount: 1, hourStart: TEN_AM, hourCount: 1 },
      alarm: ELEVEN_AM,
    });

    // Early delivery (at-least-once): the state is still live, so keep it and keep the alarm.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await storage(stub)).toMatchObject({ state: { hourCount: 1 }, alarm: ELEVEN_AM });

    vi.setSystemTime(ELEVEN_AM);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await storage(stub)).toEqual({ state: undefined, alarm: null });

    // A second delivery of the same alarm (at-least-once) finds nothing to do.
    await runInDurableObject(stub, (_instance, ctx) => ctx.storage.setAlarm(ELEVEN_AM));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runDurableObjectAlarm(stub)).toBe(false);
    expect(await storage(stub)).toEqual({ state: undefined, alarm: null });

    // The key starts over with full quotas and a new alarm.
    const fresh = await stub.consume(limits);
    expect(fresh).toMatchObject({ allowed: true, minute: { remaining: 2 }, hour: { remaining: 9 } });
    expect(await storage(stub)).toMatchObject({ state: { hourStart: ELEVEN_AM }, alarm: ELEVEN_AM + 3_600_000 });
  });

  it("moves the alarm when a new hour window opens before the old one was cleaned", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(TEN_AM + 59 * 60_000);
    const stub = freshLimiter("rollover");
    await stub.consume(limits);
    vi.setSystemTime(ELEVEN_AM + 5_000);
    await stub.consume(limits);
    expect(await storage(stub)).toEqual({
      state: { minuteStart: ELEVEN_AM, minuteCount: 1, hourStart: ELEVEN_AM, hourCount: 1 },
      alarm: ELEVEN_AM + 3_600_000,
    });
  });
});
