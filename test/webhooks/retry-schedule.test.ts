import { describe, expect, it } from "vitest";
import {
  classifyAttempt,
  DEFAULT_RETRY_SCHEDULE_S,
  MAX_RETRY_AFTER_S,
  nextRetryDelayMs,
  parseRetryAfter,
  parseRetrySchedule,
  shouldOpenCircuit,
} from "../../src/webhooks/retry-schedule";

const CONTRACT_SCHEDULE_S = [5, 300, 1800, 7200, 18000, 36000, 36000];
/** random() values that pin the jitter: 0 → −10 %, 0.5 → none, just under 1 → almost +10 %. */
const LOWEST = () => 0;
const MIDDLE = () => 0.5;
const HIGHEST = () => 0.999999;

describe("parseRetrySchedule", () => {
  it.each([
    ["unset", undefined, CONTRACT_SCHEDULE_S],
    ["empty", "", CONTRACT_SCHEDULE_S],
    ["blank", "   ", CONTRACT_SCHEDULE_S],
    ["the test setting", "1,1,1", [1, 1, 1]],
    ["one step", "60", [60]],
    ["spaces around steps", " 5, 300 ,1800 ", [5, 300, 1800]],
    ["zero (retry at once)", "0,10", [0, 10]],
    ["an empty step", "5,,300", CONTRACT_SCHEDULE_S],
    ["a trailing comma", "5,300,", CONTRACT_SCHEDULE_S],
    ["a negative step", "5,-300", CONTRACT_SCHEDULE_S],
    ["a fractional step", "1.5,3", CONTRACT_SCHEDULE_S],
    ["units", "5s,5m", CONTRACT_SCHEDULE_S],
    ["words", "fast", CONTRACT_SCHEDULE_S],
    ["a step too large to be meant", "1234567890", CONTRACT_SCHEDULE_S],
    ["JSON", "[5,300]", CONTRACT_SCHEDULE_S],
  ])("%s → %j", (_name, raw, expected) => {
    expect(parseRetrySchedule(raw)).toEqual(expected);
  });

  it("hands out a copy, so a caller cannot change the default for everyone", () => {
    parseRetrySchedule(undefined).push(1);
    expect(DEFAULT_RETRY_SCHEDULE_S).toEqual(CONTRACT_SCHEDULE_S);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2026-01-01T12:00:00.000Z");

  it.each([
    ["absent", null, null],
    ["zero seconds", "0", 0],
    ["seconds", "120", 120],
    ["seconds with whitespace", " 30 ", 30],
    ["exactly the cap", String(MAX_RETRY_AFTER_S), MAX_RETRY_AFTER_S],
    ["seconds beyond the cap", "999999", MAX_RETRY_AFTER_S],
    ["an IMF-fixdate 90 s ahead", "Thu, 01 Jan 2026 12:01:30 GMT", 90],
    ["an IMF-fixdate with a fraction of a second left", "Thu, 01 Jan 2026 12:00:01 GMT", 1],
    ["an IMF-fixdate in the past", "Wed, 31 Dec 2025 12:00:00 GMT", 0],
    ["an IMF-fixdate a week ahead", "Thu, 08 Jan 2026 12:00:00 GMT", MAX_RETRY_AFTER_S],
    ["an RFC 850 date", "Thursday, 01-Jan-26 12:10:00 GMT", 600],
    ["an asctime date", "Thu Jan  1 12:00:45 2026", 45],
    ["the empty string", "", null],
    ["a negative number", "-5", null],
    ["a fraction", "1.5", null],
    ["words around a number", "retry 1", null],
    ["an ISO date", "2026-01-01T12:01:00Z", null],
    ["an impossible date", "Sat, 31 Feb 2026 12:00:00 GMT", null],
    ["an impossible hour", "Thu, 01 Jan 2026 25:00:00 GMT", null],
    ["an unknown month", "Thu, 01 Foo 2026 12:00:00 GMT", null],
    ["a date without its zone", "Thu, 01 Jan 2026 12:01:30", null],
  ])("%s (%j) → %j", (_name, header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it("reads an RFC 850 two-digit year more than 50 years ahead as the previous century", () => {
    // 1994 is in the past: with no century fix it would be 2094 and the cap would apply.
    expect(parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", now)).toBe(0);
  });
});

describe("classifyAttempt", () => {
  it.each([
    [{ status: 200 }, "delivered"],
    [{ status: 201 }, "delivered"],
    [{ status: 204 }, "delivered"],
    [{ status: 299 }, "delivered"],
    [{ status: 100 }, "failed"],
    [{ status: 301 }, "failed"],
    [{ status: 302 }, "failed"],
    [{ status: 304 }, "failed"],
    [{ status: 400 }, "failed"],
    [{ status: 404 }, "failed"],
    [{ status: 410 }, "gone"],
    [{ status: 429 }, "failed"],
    [{ status: 500 }, "failed"],
    [{ status: 503 }, "failed"],
    [{ error: "timeout after 15000 ms" }, "failed"],
    [{ error: "connection refused" }, "failed"],
    [{ status: 200, error: "timeout while reading the body" }, "failed"],
    [{}, "failed"],
  ] as const)("%j → %s", (attempt, outcome) => {
    expect(classifyAttempt(attempt)).toBe(outcome);
  });
});

describe("nextRetryDelayMs", () => {
  const base = { maxRetries: 7, schedule: CONTRACT_SCHEDULE_S, random: MIDDLE };

  it.each([
    [1, 5_000],
    [2, 300_000],
    [3, 1_800_000],
    [4, 7_200_000],
    [5, 18_000_000],
    [6, 36_000_000],
    [7, 36_000_000],
    [8, null],
    [9, null],
  ])("with the default 7 retries, after %i failed attempts → %j ms", (failedAttempts, expected) => {
    expect(nextRetryDelayMs({ ...base, failedAttempts })).toBe(expected);
  });

  it.each([
    // [maxRetries, failedAttempts, expected]
    [0, 1, null],
    [1, 1, 5_000],
    [1, 2, null],
    [3, 3, 1_800_000],
    [3, 4, null],
    [10, 8, 36_000_000], // past the schedule: its last step again
    [10, 10, 36_000_000],
    [10, 11, null],
  ])("maxRetries %i, after %i failed attempts → %j ms", (maxRetries, failedAttempts, expected) => {
    expect(nextRetryDelayMs({ ...base, maxRetries, failedAttempts })).toBe(expected);
  });

  it("makes 1 + maxRetries attempts in all", () => {
    for (const maxRetries of [0, 1, 7, 10]) {
      let attempts = 1;
      while (nextRetryDelayMs({ ...base, maxRetries, failedAttempts: attempts }) !== null) attempts++;
      expect(attempts).toBe(1 + maxRetries);
    }
  });

  it.each([
    ["lowest", LOWEST, 4_500],
    ["middle", MIDDLE, 5_000],
    ["highest", HIGHEST, 5_500],
  ])("jitter at its %s is within ±10 %% of the step", (_name, random, expected) => {
    expect(nextRetryDelayMs({ ...base, failedAttempts: 1, random })).toBeCloseTo(expected, -1);
  });

  it("keeps every jittered delay within ±10 % of its step", () => {
    for (let failedAttempts = 1; failedAttempts <= 10; failedAttempts++) {
      const stepMs = CONTRACT_SCHEDULE_S[Math.min(failedAttempts - 1, 6)] * 1000;
      for (let i = 0; i < 200; i++) {
        const delay = nextRetryDelayMs({ ...base, maxRetries: 10, failedAttempts, random: Math.random })!;
        expect(delay).toBeGreaterThanOrEqual(stepMs * 0.9);
        expect(delay).toBeLessThanOrEqual(stepMs * 1.1);
      }
    }
  });

  it.each([
    ["absent", null, LOWEST, 4_500],
    ["shorter than the step", 2, LOWEST, 4_500],
    ["longer than the step", 60, HIGHEST, 60_000],
    ["longer than the jittered step", 5, LOWEST, 5_000],
    ["zero", 0, MIDDLE, 5_000],
  ])("Retry-After %s is a lower bound", (_name, retryAfterS, random, expected) => {
    expect(nextRetryDelayMs({ ...base, failedAttempts: 1, retryAfterS, random })).toBe(expected);
  });

  it("Retry-After does not revive a delivery whose retries are exhausted", () => {
    expect(nextRetryDelayMs({ ...base, failedAttempts: 8, retryAfterS: 10 })).toBeNull();
  });

  it("follows a configured schedule", () => {
    const schedule = parseRetrySchedule("1,1,1");
    const delays = [1, 2, 3, 4, 5].map((failedAttempts) =>
      nextRetryDelayMs({ failedAttempts, maxRetries: 4, schedule, random: MIDDLE }),
    );
    expect(delays).toEqual([1_000, 1_000, 1_000, 1_000, null]);
  });

  it("falls back to the default when handed an empty schedule", () => {
    expect(nextRetryDelayMs({ ...base, schedule: [], failedAttempts: 2 })).toBe(300_000);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses failedAttempts = %s", (failedAttempts) => {
    expect(() => nextRetryDelayMs({ ...base, failedAttempts })).toThrow(RangeError);
  });
});

describe("shouldOpenCircuit", () => {
  it.each([
    [0, false],
    [1, false],
    [19, false],
    [20, true],
    [21, true],
  ])("after %i consecutive failed deliveries → %s", (consecutiveFailures, open) => {
    expect(shouldOpenCircuit(consecutiveFailures)).toBe(open);
  });
});
