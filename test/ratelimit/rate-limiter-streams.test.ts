// The RateLimiter's event-stream slots: a cap per key, freed by closing, lapsing when a stream dies
// without closing, and cleaned up by the same alarm as the windows. Faked clock (the object runs in
// the test's isolate), far in the future so the runtime never fires an alarm on its own.
import { env } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";

const T = Date.UTC(2030, 0, 1, 10, 0, 30);
const TTL_MS = 60_000;
const lease = (leaseId: string) => ({ leaseId, maxStreams: 2, ttlMs: TTL_MS });

let keySeq = 0;
const freshLimiter = () => env.RATE_LIMITER.getByName(`streams-${++keySeq}`);

function storage(stub: ReturnType<typeof freshLimiter>) {
  return runInDurableObject(stub, async (_instance, ctx) => ({ streams: ctx.storage.kv.get<Record<string, number>>("streams"), alarm: await ctx.storage.getAlarm() }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe("RateLimiter stream slots", () => {
  it("holds at most maxStreams; a closed stream frees its slot at once", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T);
    const stub = freshLimiter();
    expect(await stub.openStream(lease("a"))).toEqual({ granted: true, retryAfterS: 0 });
    expect(await stub.openStream(lease("b"))).toEqual({ granted: true, retryAfterS: 0 });
    expect(await stub.openStream(lease("c"))).toEqual({ granted: false, retryAfterS: 60 });
    expect(await stub.openStream(lease("a"))).toMatchObject({ granted: true }); // a retried open takes no second slot

    await stub.closeStream("a");
    expect(await stub.openStream(lease("c"))).toMatchObject({ granted: true });
  });

  it("a stream that dies without closing loses its slot when its lease lapses; a live one keeps renewing", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T);
    const stub = freshLimiter();
    await stub.openStream(lease("crashed"));
    await stub.openStream(lease("alive"));

    vi.setSystemTime(T + 40_000);
    expect(await stub.renewStream(lease("alive"))).toBe(true);
    expect(await stub.openStream(lease("new"))).toMatchObject({ granted: false, retryAfterS: 20 });

    vi.setSystemTime(T + TTL_MS); // the crashed stream's lease lapses; the renewed one does not
    expect(await stub.openStream(lease("new"))).toMatchObject({ granted: true });
    expect(await stub.openStream(lease("another"))).toMatchObject({ granted: false });
    // The crashed stream, had it only stalled, finds its slot taken.
    expect(await stub.renewStream(lease("crashed"))).toBe(false);
  });

  it("the cleanup alarm keeps live leases, and forgets lapsed ones with the windows", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T);
    const stub = freshLimiter();
    await stub.openStream(lease("a"));
    expect(await storage(stub)).toEqual({ streams: { a: T + TTL_MS }, alarm: T + TTL_MS });

    // Delivered early: the lease is live, so it stays and the alarm re-arms on its lapse.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await storage(stub)).toEqual({ streams: { a: T + TTL_MS }, alarm: T + TTL_MS });

    vi.setSystemTime(T + TTL_MS);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await storage(stub)).toEqual({ streams: undefined, alarm: null });
  });

  it("a request's window alarm does not wipe a lease that outlives it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const ELEVEN = Date.UTC(2030, 0, 1, 11, 0, 0);
    vi.setSystemTime(ELEVEN - 30_000); // the hour window ends in 30 s, the lease in 60 s
    const stub = freshLimiter();
    await stub.consume({ perMinute: 10, perHour: 100 });
    await stub.openStream(lease("a"));
    expect((await storage(stub)).alarm).toBe(ELEVEN);

    vi.setSystemTime(ELEVEN);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await storage(stub)).toEqual({ streams: { a: ELEVEN + 30_000 }, alarm: ELEVEN + 30_000 });
  });
});
