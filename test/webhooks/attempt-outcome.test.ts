import { describe, expect, it } from "vitest";
import {
  type AttemptContext, type AttemptResult, decideAfterAttempt, decideAfterSecretFailure, secretFailureLimit,
} from "../../src/webhooks/attempt-outcome";
import { DEFAULT_RETRY_SCHEDULE_S } from "../../src/webhooks/retry-schedule";

const NOW = 1_000_000;
const ctx = (over: Partial<AttemptContext> = {}): AttemptContext => ({
  attemptNumber: 1, maxAttempts: 8, schedule: [5, 300], nowMs: NOW, isProbe: false, random: () => 0.5, ...over,
});
const http = (statusCode: number, retryAfterS: number | null = null): AttemptResult => ({
  statusCode, durationMs: 10, error: statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}`, retryAfterS,
});
const timeout: AttemptResult = { statusCode: null, durationMs: 1000, error: "timed out after 1000 ms", retryAfterS: null };

describe("decideAfterAttempt", () => {
  it.each([
    ["2xx delivers and resets the failure count", http(204), ctx(), { deliveryStatus: "delivered", nextAttemptAtMs: null, webhookEffect: "reset_failures" }],
    ["410 fails the delivery and disables the webhook", http(410), ctx(), { deliveryStatus: "failed", nextAttemptAtMs: null, webhookEffect: "disable" }],
    ["500 retries on the first step", http(500), ctx(), { deliveryStatus: "pending", nextAttemptAtMs: NOW + 5000, webhookEffect: "none" }],
    ["3xx is a failure", http(302), ctx({ attemptNumber: 2 }), { deliveryStatus: "pending", nextAttemptAtMs: NOW + 300_000, webhookEffect: "none" }],
    ["a timeout is a failure", timeout, ctx(), { deliveryStatus: "pending", nextAttemptAtMs: NOW + 5000, webhookEffect: "none" }],
    ["Retry-After beyond the step wins", http(503, 60), ctx(), { deliveryStatus: "pending", nextAttemptAtMs: NOW + 60_000, webhookEffect: "none" }],
    ["the last allowed attempt counts one failed delivery", http(500), ctx({ attemptNumber: 8 }), { deliveryStatus: "failed", nextAttemptAtMs: null, webhookEffect: "count_failed_delivery" }],
    ["maxRetries 0: one attempt", http(500), ctx({ maxAttempts: 1 }), { deliveryStatus: "failed", nextAttemptAtMs: null, webhookEffect: "count_failed_delivery" }],
    ["a probe never moves the breaker on success", http(200), ctx({ isProbe: true, maxAttempts: 1 }), { deliveryStatus: "delivered", nextAttemptAtMs: null, webhookEffect: "none" }],
    ["a probe never moves the breaker on failure", http(500), ctx({ isProbe: true, maxAttempts: 1 }), { deliveryStatus: "failed", nextAttemptAtMs: null, webhookEffect: "none" }],
    ["a probe's 410 does not disable", http(410), ctx({ isProbe: true, maxAttempts: 1 }), { deliveryStatus: "failed", nextAttemptAtMs: null, webhookEffect: "none" }],
  ] as const)("%s", (_name, result, context, expected) => {
    expect(decideAfterAttempt(result, context)).toEqual(expected);
  });
});

describe("decideAfterSecretFailure", () => {
  const schedule = [5, 300, 1800];
  it.each([
    ["the first look backs off the first step", 1, { deliveryStatus: "pending", nextAttemptAtMs: NOW + 5_000 }],
    ["the second look, the second step", 2, { deliveryStatus: "pending", nextAttemptAtMs: NOW + 300_000 }],
    ["the last step's look still backs off", 3, { deliveryStatus: "pending", nextAttemptAtMs: NOW + 1_800_000 }],
    ["the look after the whole schedule fails", 4, { deliveryStatus: "failed", nextAttemptAtMs: null }],
  ] as const)("%s", (_name, secretFailures, expected) => {
    expect(decideAfterSecretFailure({ secretFailures, schedule, nowMs: NOW, random: () => 0.5 })).toEqual(expected);
  });

  it("gives the contract's schedule 8 looks, about 27.6 h: longer than a secret rotation's 24 h overlap", () => {
    expect(secretFailureLimit(DEFAULT_RETRY_SCHEDULE_S)).toBe(8);
    let waitedMs = 0;
    for (let looks = 1; looks < 8; looks++) waitedMs += decideAfterSecretFailure({ secretFailures: looks, schedule: DEFAULT_RETRY_SCHEDULE_S, nowMs: 0, random: () => 0.5 }).nextAttemptAtMs!;
    expect(waitedMs / 3_600_000).toBeCloseTo(27.59, 1);
    expect(decideAfterSecretFailure({ secretFailures: 8, schedule: DEFAULT_RETRY_SCHEDULE_S, nowMs: 0 }).deliveryStatus).toBe("failed");
  });
});
