import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Env } from "./env";
import type { Scope } from "./auth/api-keys";
import type { BillingMode } from "./db/schema";
import type { RateLimitDecision } from "./ratelimit/windows";

/** Who is calling: set by the API-key middleware, read by every tenant route. */
export type Tenant = {
  companyId: string;
  billingMode: BillingMode;
  keyId: string;
  scopes: readonly Scope[];
  rateLimits: { perMinute: number; perHour: number };
};

export type AppEnv = {
  Bindings: Env;
  Variables: { requestId: string; tenant: Tenant; rateLimit?: RateLimitDecision };
};

export type App = OpenAPIHono<AppEnv>;
