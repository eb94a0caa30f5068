// How PDL's answers become retry decisions (pure): which failures a retry can help, and when to come back.
import { describe, expect, it } from "vitest";
import { pdlFailure, retryAfterMsOf } from "../../../src/pipeline/sources/pdl/pdl-api";
import { BREAKER_COOLDOWN_MS, MAX_RETRY_AFTER_MS, retryDelayMs } from "../../../src/pipeline/sources/resilience";

const NOW = Date.parse("2026-03-01T12:00:00.000Z");
const headers = (h: Record<string, string>) => new Headers(h);

describe("retryAfterMsOf", () => {
  it.each([
    [{ "retry-after": "30" }, 30_000],
    [{ "retry-after": "Sun, 01 Mar 2026 12:00:10 GMT" }, 10_000],
    [{ "retry-after": "Sun, 01 Mar 2026 11:59:00 GMT" }, 0], // a time already past: now
    [{ "x-ratelimit-reset": "2026-03-01T12:00:20Z" }, 20_000], // PDL's fixed window resets then (docs: Usage Limits)
    [{ "x-ratelimit-reset": "2026-03-01T11:00:00Z" }, undefined],
    [{ "retry-after": "soon" }, undefined],
    [{}, undefined],
  ])("%j → %s ms", (h, expected) => {
    expect(retryAfterMsOf(headers(h), NOW)).toBe(expected);
  });
});

describe("pdlFailure: PDL's documented errors as retry hints", () => {
  const body = (type: string) => ({ status: 0, error: { type, message: "…" } });
  it.each([
    [400, "invalid_request_error", {}, { retryable: false, retryAfterMs: undefined }],
    [401, "authentication_error", {}, { retryable: false, retryAfterMs: undefined }],
    [402, "payment_required", {}, { retryable: false, retryAfterMs: BREAKER_COOLDOWN_MS }],
    [403, "forbidden", {}, { retryable: false, retryAfterMs: undefined }],
    [429, "rate_limit_error", { "retry-after": "3" }, { retryable: true, retryAfterMs: 3_000 }],
    [429, "rate_limit_error", {}, { retryable: true, retryAfterMs: undefined }],
    [500, "unknown_error", {}, { retryable: true, retryAfterMs: undefined }],
    [503, "http_503", { "retry-after": "1" }, { retryable: true, retryAfterMs: 1_000 }],
  ])("%s %s", (status, type, h, expected) => {
    const err = pdlFailure(status, headers(h), status === 503 ? "<html>" : body(type), NOW);
    expect({ retryable: err.retryable, retryAfterMs: err.retryAfterMs }).toEqual(expected);
    expect(err.type).toBe(type);
    expect(err.message).toContain(`pdl: ${status} ${type}`);
    expect(err.message).not.toContain("pdl-test-key");
  });

  it.each([
    [402, null], // out of credits: stop now
    [429, 3_000], // a short Retry-After is waited out
    [500, 200], // the ordinary backoff
  ])("retryDelayMs after a %s: %s", (status, delay) => {
    const err = pdlFailure(status, headers(status === 429 ? { "retry-after": "3" } : {}), null, NOW);
    expect(retryDelayMs(err, 0)).toBe(delay);
  });

  it(`a Retry-After over ${MAX_RETRY_AFTER_MS} ms is not slept through`, () => {
    expect(retryDelayMs(pdlFailure(429, headers({ "retry-after": "60" }), null, NOW), 0)).toBeNull();
  });
});
