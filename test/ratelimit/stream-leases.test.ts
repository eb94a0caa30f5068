import { describe, expect, it } from "vitest";
import { acquireLease, leasesLapseAt, liveLeases, releaseLease, renewLease, type StreamLeases } from "../../src/ratelimit/stream-leases";

const T = Date.UTC(2026, 0, 1, 10, 0, 0); // ms epoch
const TTL_MS = 60_000;
const ask = (leaseId: string, nowMs: number, maxStreams = 2) => ({ leaseId, maxStreams, ttlMs: TTL_MS, nowMs });

describe("acquireLease", () => {
  it.each([
    ["no leases", {}, "a", true],
    ["one live of two", { x: T + 10_000 }, "a", true],
    ["two live of two", { x: T + 10_000, y: T + 20_000 }, "a", false],
    ["two of two, one lapsed (a dead stream)", { x: T + 10_000, y: T }, "a", true],
    ["two of two, the asker holds one (a retried open)", { a: T + 10_000, y: T + 20_000 }, "a", true],
  ] as [string, StreamLeases, string, boolean][])("%s → granted %s", (_case, leases, leaseId, granted) => {
    const result = acquireLease(leases, ask(leaseId, T));
    expect(result.granted).toBe(granted);
    if (granted) expect(result.next[leaseId]).toBe(T + TTL_MS);
    expect(Object.keys(result.next).length).toBeLessThanOrEqual(2);
  });

  it("refused: retryAfterS is when the soonest live lease would lapse, rounded up, at least 1", () => {
    expect(acquireLease({ x: T + 10_500, y: T + 40_000 }, ask("a", T)).retryAfterS).toBe(11);
    expect(acquireLease({ x: T + 1, y: T + 40_000 }, ask("a", T)).retryAfterS).toBe(1);
  });

  it("forgets lapsed leases whatever it decides", () => {
    expect(acquireLease({ old: T - 1, x: T + 5, y: T + 6 }, ask("a", T)).next).toEqual({ x: T + 5, y: T + 6 });
  });
});

describe("renewLease", () => {
  it("extends a live lease", () => {
    expect(renewLease({ a: T + 5_000 }, ask("a", T))).toEqual({ held: true, next: { a: T + TTL_MS } });
  });

  it("a lapsed lease comes back only if there is room: its slot may have gone to another stream", () => {
    expect(renewLease({ a: T - 1, y: T + 5 }, ask("a", T)).held).toBe(true);
    expect(renewLease({ a: T - 1, x: T + 5, y: T + 6 }, ask("a", T)).held).toBe(false);
  });
});

describe("releaseLease, liveLeases, leasesLapseAt", () => {
  it("releasing frees the slot; releasing again changes nothing", () => {
    const once = releaseLease({ a: T + 5, b: T + 6 }, "a", T);
    expect(once).toEqual({ b: T + 6 });
    expect(releaseLease(once, "a", T)).toEqual(once);
  });

  it("a lease lapses at its expiry exactly", () => {
    expect(liveLeases({ a: T, b: T + 1 }, T)).toEqual({ b: T + 1 });
  });

  it("the leases say nothing after the last one lapses", () => {
    expect(leasesLapseAt({})).toBeNull();
    expect(leasesLapseAt({ a: T + 5, b: T + 9 })).toBe(T + 9);
  });
});
