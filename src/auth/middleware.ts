import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { readConfig } from "../config";
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

/** Operator authentication: the ADMIN_TOKEN secret; the operator API is closed when it is unset. */
export const authenticateOperator = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c.req.header("authorization"));
  const expected = c.env.ADMIN_TOKEN;
  if (!expected || !token || !timingSafeEqualText(token, expected)) {
    throw new ApiError("INVALID_API_KEY", "Missing or invalid operator token");
  }
  await next();
});
