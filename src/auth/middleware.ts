import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { readConfig } from "../config";
import { sha256Hex } from "../crypto/encoding";
import { apiKeys, companies } from "../db/schema";
import { ApiError } from "../errors";
import { enforceRateLimit, reportRateLimit } from "../ratelimit/middleware";
import { hashApiKey, isKeyUsable, KEY_PATTERN, type Scope, timingSafeEqualText } from "./api-keys";

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1] : null;
}

/** Tenant authentication: a usable `sk_live_`/`sk_test_` key, looked up by its hash. */
export const authenticateApiKey = createMiddleware<AppEnv>(async (c, next) => {
  const key = bearerToken(c.req.header("authorization"));
  if (!key || !KEY_PATTERN.test(key)) throw new ApiError("INVALID_API_KEY", "Missing or malformed API key");
  const keyHash = await hashApiKey(key);
  const row = await drizzle(c.env.DB)
    .select({ key: apiKeys, billingMode: companies.billingMode })
    .from(apiKeys)
    .innerJoin(companies, eq(companies.id, apiKeys.companyId))
    .where(eq(apiKeys.keyHash, keyHash))
    .get();
  // The lookup is by hash, so response time does not depend on how much of a guessed key is right.
  if (!row || !timingSafeEqualText(row.key.keyHash, keyHash) || !isKeyUsable(row.key, Date.now())) {
    throw new ApiError("INVALID_API_KEY", "Unknown, revoked or expired API key");
  }
  const defaults = readConfig(c.env).defaultRateLimits;
  c.set("tenant", {
    companyId: row.key.companyId,
    billingMode: row.billingMode,
    keyId: row.key.id,
    scopes: row.key.scopes as Scope[],
    rateLimits: {
      perMinute: row.key.rateLimitPerMinute ?? defaults.perMinute,
      perHour: row.key.rateLimitPerHour ?? defaults.perHour,
    },
  });
  await next();
});

/** Scope check, then the key's rate limit — in the contract's order (auth → scope → rate limit). */
export function requireScope(scope: Scope) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get("tenant").scopes.includes(scope)) {
      await reportRateLimit(c);
      throw new ApiError("INSUFFICIENT_PERMISSIONS", `This API key lacks the '${scope}' scope`, { requiredScope: scope });
    }
    await enforceRateLimit(c);
    await next();
  });
}

/** Shorter operator tokens are refused outside local development: the token is the whole operator gate. */
export const MIN_OPERATOR_TOKEN_LENGTH = 32;
/** Failed operator authentications allowed per client address: a guesser gets 10 tries a minute, 100 an hour. */
export const OPERATOR_AUTH_FAILURES = { perMinute: 10, perHour: 100 } as const;

/** `wrangler dev` serves on loopback; a deployed Worker never does. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function failureCounter(c: Context<AppEnv>) {
  const client = c.req.header("cf-connecting-ip") ?? "unknown";
  return c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(`operator-auth:${client}`));
}

/** Hashes of both sides have one length, so the comparison says nothing about the token's length. */
async function sameToken(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256Hex(given), sha256Hex(expected)]);
  return timingSafeEqualText(a, b);
}

/**
 * Operator authentication: the ADMIN_TOKEN secret. The operator API is closed when the secret is unset,
 * or shorter than MIN_OPERATOR_TOKEN_LENGTH outside local development; failed attempts are counted per
 * client address (CF-Connecting-IP) and refused with 429 past OPERATOR_AUTH_FAILURES, before the token
 * is even compared.
 */
export const authenticateOperator = createMiddleware<AppEnv>(async (c, next) => {
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) throw new ApiError("INVALID_API_KEY", "Missing or invalid operator token");
  if (expected.length < MIN_OPERATOR_TOKEN_LENGTH && !LOCAL_HOSTS.has(new URL(c.req.url).hostname)) {
    console.error(JSON.stringify({ level: "error", message: `operator API closed: ADMIN_TOKEN is shorter than ${MIN_OPERATOR_TOKEN_LENGTH} characters` }));
    throw new ApiError("INVALID_API_KEY", `Operator API disabled: ADMIN_TOKEN must be at least ${MIN_OPERATOR_TOKEN_LENGTH} characters`);
  }
  const counter = failureCounter(c);
  const standing = await counter.peek(OPERATOR_AUTH_FAILURES);
  if (!standing.allowed) throw throttled(standing.retryAfterS);
  const token = bearerToken(c.req.header("authorization"));
  if (!token || !(await sameToken(token, expected))) {
    await counter.consume(OPERATOR_AUTH_FAILURES);
    throw new ApiError("INVALID_API_KEY", "Missing or invalid operator token");
  }
  await next();
});

function throttled(retryAfterS: number): ApiError {
  return new ApiError(
    "RATE_LIMIT_EXCEEDED",
    `Too many failed operator authentications; retry in ${retryAfterS} s`,
    { retryAfter: retryAfterS },
    { "Retry-After": String(retryAfterS) },
  );
}
