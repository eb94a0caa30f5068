import { describe, expect, it } from "vitest";
import {
  decideRequest,
  HOUR_MS,
  MINUTE_MS,
  rateLimitHeaders,
  staleAfter,
  type RateLimits,
  type WindowState,
} from "../../src/ratelimit/windows";

// 2026-01-01T10:00:00.000Z: on an hour (and so a minute) boundary.
const HOUR = Date.UTC(2026, 0, 1, 10, 0, 0);
const S = 1000;
const LIMITS: RateLimits = { perMinute: 3, perHour: 5 };

/** Decide one request at each of `times` (ms epoch) in turn; every decision and the final state. */
function run(state: WindowState | undefined, limits: RateLimits, times: number[]) {
  const decisions = [];
  for (const t of times) {
    const { decision, next } = decideRequest(state, limits, t);
    decisions.push(decision);
    state = next;
  }
  return { decisions, state: state! };
}

describe("decideRequest", () => {
  it("allows the first request and opens both windows at the clock boundary", () => {
    const now = HOUR + 25 * MINUTE_MS + 17_500; // 10:25:17.5
    const { decision, next } = decideRequest(undefined, LIMITS, now);
    expect(decision).toEqual({
      allowed: true,
      minute: { limit: 3, remaining: 2, resetAt: (HOUR + 26 * MINUTE_MS) / S },
      hour: { limit: 5, remaining: 4, resetAt: (HOUR + HOUR_MS) / S },
      retryAfterS: 0,
    });
    expect(next).toEqual({ minuteStart: HOUR + 25 * MINUTE_MS, minuteCount: 1, hourStart: HOUR, hourCount: 1 });
  });

  const cases: {
    name: string;
    limits: RateLimits;
    times: number[];
    allowed: boolean[];
    remaining: [minute: number, hour: number][];
    final: Omit<WindowState, "minuteStart" | "hourStart">;
  }[] = [
    {
      name: "counts each allowed request in both windows",
      limits: { perMinute: 10, perHour: 100 },
      times: [HOUR + 1 * S, HOUR + 2 * S, HOUR + 3 * S],
      allowed: [true, true, true],
      remaining: [[9, 99], [8, 98], [7, 97]],
      final: { minuteCount: 3, hourCount: 3 },
    },
    {
      name: "rejects once the minute is exhausted",
      limits: { perMinute: 2, perHour: 100 },
      times: [HOUR + 1 * S, HOUR + 2 * S, HOUR + 3 * S],
      allowed: [true, true, false],
      remaining: [[1, 99], [0, 98], [0, 98]],
      final: { minuteCount: 2, hourCount: 2 },
    },
    {
      name: "rejects once the hour is exhausted although the minute has room",
      limits: { perMinute: 10, perHour: 2 },
      times: [HOUR + 1 * S, HOUR + 2 * S, HOUR + 3 * S],
      allowed: [true, true, false],
      remaining: [[9, 1], [8, 0], [8, 0]],
      final: { minuteCount: 2, hourCount: 2 },
    },
    {
      name: "starts a fresh minute exactly at the boundary, keeping the hour",
      limits: { perMinute: 2, perHour: 100 },
      times: [HOUR + 58 * S, HOUR + 59_999, HOUR + 59_999, HOUR + MINUTE_MS],
      allowed: [true, true, false, true],
      remaining: [[1, 99], [0, 98], [0, 98], [1, 97]],
      final: { minuteCount: 1, hourCount: 3 },
    },
    {
      name: "starts a fresh hour exactly at the boundary",
      limits: { perMinute: 10, perHour: 2 },
      times: [HOUR + 1 * S, HOUR + 2 * S, HOUR + HOUR_MS - 1, HOUR + HOUR_MS],
      allowed: [true, true, false, true],
      remaining: [[9, 1], [8, 0], [10, 0], [9, 1]],
      final: { minuteCount: 1, hourCount: 1 },
    },
    {
      name: "does not count rejected requests, so the limit holds exactly after a burst",
      limits: { perMinute: 1, perHour: 3 },
      times: [HOUR, HOUR + 1 * S, HOUR + 2 * S, HOUR + 3 * S, HOUR + MINUTE_MS, HOUR + 2 * MINUTE_MS],
      allowed: [true, false, false, false, true, true],
      remaining: [[0, 2], [0, 2], [0, 2], [0, 2], [0, 1], [0, 0]],
      final: { minuteCount: 1, hourCount: 3 },
    },
    {
      name: "rejects everything with a zero limit",
      limits: { perMinute: 0, perHour: 100 },
      times: [HOUR, HOUR + 1 * S],
      allowed: [false, false],
      remaining: [[0, 100], [0, 100]],
      final: { minuteCount: 0, hourCount: 0 },
    },
  ];

  it.each(cases)("$name", ({ limits, times, allowed, remaining, final }) => {
    const { decisions, state } = run(undefined, limits, times);
    expect(decisions.map((d) => d.allowed)).toEqual(allowed);
    expect(decisions.map((d) => [d.minute.remaining, d.hour.remaining])).toEqual(remaining);
    expect({ minuteCount: state.minuteCount, hourCount: state.hourCount }).toEqual(final);
  });

  const retryCases: { name: string; limits: RateLimits; fill: number; nowMs: number; retryAfterS: number }[] = [
    // Minute full at 10:07:20.000: 40 s to 10:08:00.
    { name: "minute blocked → until the minute resets", limits: { perMinute: 1, perHour: 9 }, fill: HOUR + 7 * MINUTE_MS, nowMs: HOUR + 7 * MINUTE_MS + 20 * S, retryAfterS: 40 },
    // A fraction rounds up: 39.001 s → 40, never early.
    { name: "fractions round up", limits: { perMinute: 1, perHour: 9 }, fill: HOUR + 7 * MINUTE_MS, nowMs: HOUR + 7 * MINUTE_MS + 20_999, retryAfterS: 40 },
    // 1 ms before the boundary still says 1, never 0.
    { name: "at least one second", limits: { perMinute: 1, perHour: 9 }, fill: HOUR, nowMs: HOUR + MINUTE_MS - 1, retryAfterS: 1 },
    // Hour full at 10:45:00 with the minute free: 15 min to 11:00.
    { name: "hour blocked → until the hour resets", limits: { perMinute: 9, perHour: 1 }, fill: HOUR, nowMs: HOUR + 45 * MINUTE_MS, retryAfterS: 15 * 60 },
    // Both full: the request can only pass at the later (hour) reset.
    { name: "both blocked → the later reset", limits: { perMinute: 1, perHour: 1 }, fill: HOUR + 50 * MINUTE_MS, nowMs: HOUR + 50 * MINUTE_MS + 30 * S, retryAfterS: 9 * 60 + 30 },
  ];

  it.each(retryCases)("retryAfterS: $name", ({ limits, fill, nowMs, retryAfterS }) => {
    const { next } = decideRequest(undefined, limits, fill);
    const { decision } = decideRequest(next, limits, nowMs);
    expect(decision.allowed).toBe(false);
    expect(decision.retryAfterS).toBe(retryAfterS);
  });

  it("never moves a window backwards when the clock steps back", () => {
    const { next } = decideRequest(undefined, { perMinute: 1, perHour: 9 }, HOUR + MINUTE_MS);
    const { decision, next: after } = decideRequest(next, { perMinute: 1, perHour: 9 }, HOUR + MINUTE_MS - 5 * S);
    expect(decision.allowed).toBe(false);
    expect(decision.retryAfterS).toBe(65);
    expect(after).toEqual(next);
  });
});

describe("staleAfter", () => {
  it("is the end of the hour window", () => {
    const { next } = decideRequest(undefined, LIMITS, HOUR + 59 * MINUTE_MS + 30 * S);
    expect(staleAfter(next)).toBe(HOUR + HOUR_MS);
  });
});

describe("rateLimitHeaders", () => {
  it("renders limits, remaining and unix-second resets for both windows", () => {
    const { decision } = decideRequest(undefined, { perMinute: 60, perHour: 2000 }, HOUR + 90 * S);
    expect(rateLimitHeaders(decision)).toEqual({
      "X-RateLimit-Limit-Minute": "60",
      "X-RateLimit-Remaining-Minute": "59",
      "X-RateLimit-Reset-Minute": "1767261720", // 2026-01-01T10:02:00Z
      "X-RateLimit-Limit-Hour": "2000",
      "X-RateLimit-Remaining-Hour": "1999",
      "X-RateLimit-Reset-Hour": "1767265200", // 2026-01-01T11:00:00Z
    });
  });
});
