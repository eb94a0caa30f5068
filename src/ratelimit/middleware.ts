import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "../errors";
import { rateLimitHeaders } from "./windows";

/** The key's RateLimiter object: its windows, and its event-stream slots (stream-slots.ts). */
export function limiterOf(c: Context<AppEnv>) {
  return c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(c.get("tenant").keyId));
}

/**
 * For a request refused before the limit is checked (a missing scope): the quota headers still go
 * on the response, as on every response, but nothing is counted.
 */
export async function reportRateLimit(c: Context<AppEnv>): Promise<void> {
  c.set("rateLimit", await limiterOf(c).peek(c.get("tenant").rateLimits));
}

/** Counts the request against its key's windows (one Durable Object per key) and rejects it when full. */
export async function enforceRateLimit(c: Context<AppEnv>): Promise<void> {
  const decision = await limiterOf(c).consume(c.get("tenant").rateLimits);
  c.set("rateLimit", decision);
  if (!decision.allowed) {
    throw new ApiError(
      "RATE_LIMIT_EXCEEDED",
      `Rate limit exceeded; retry in ${decision.retryAfterS} s`,
      { retryAfter: decision.retryAfterS },
      { "Retry-After": String(decision.retryAfterS) },
    );
  }
}

/** Applied by the app after every response, so errors carry the headers too. */
export function applyRateLimitHeaders(c: Context<AppEnv>): void {
  const decision = c.get("rateLimit");
  if (!decision) return;
  for (const [name, value] of Object.entries(rateLimitHeaders(decision))) c.res.headers.set(name, value);
}
