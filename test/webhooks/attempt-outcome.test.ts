import { describe, expect, it } from "vitest";
import { type AttemptContext, type AttemptResult, decideAfterAttempt } from "../../src/webhooks/attempt-outcome";

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
