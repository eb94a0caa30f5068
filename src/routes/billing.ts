import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { requireScope } from "../auth/middleware";
import { readBalance } from "../billing/ledger";
import { DEFAULT_USAGE_DAYS, readUsage, resolveUsagePeriod } from "../billing/usage";
import { BILLING_MODES, COST_KEYS } from "../db/schema";
import { validationError } from "../errors";
import { errorResponses, jsonResponse } from "./common-schemas";

export const billingRoutes = new OpenAPIHono<AppEnv>();

const BalanceSchema = z
  .object({
    success: z.literal(true),
    billingMode: z.enum(BILLING_MODES),
    balance: z.number().int().openapi({ description: "Credits owned: top-ups minus captures." }),
    reserved: z.number().int().openapi({ description: "Credits held by runs still in progress." }),
    available: z.number().int().openapi({ description: "balance − reserved: what a prepaid company can still reserve." }),
  })
  .openapi("Balance");

// An ISO 8601 date (midnight UTC) or date-time with a zone.
const Instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const UsageQuery = z.object({
  start: Instant.optional().openapi({ param: { name: "start", in: "query" }, description: `Inclusive; default ${DEFAULT_USAGE_DAYS} days before end.`, example: "2026-01-01" }),
  end: Instant.optional().openapi({ param: { name: "end", in: "query" }, description: "Exclusive; default now.", example: "2026-02-01T00:00:00.000Z" }),
});

const UsageSchema = z
  .object({
    success: z.literal(true),
    billingSystem: z.literal("credits"),
    period: z.object({ start: z.string(), end: z.string() }),
    totalCreditsUsed: z.number().int(),
    breakdownByCostKey: z.array(
      z.object({
        costKey: z.enum(COST_KEYS),
        events: z.number().int().openapi({ description: "Captures that charged at least one credit (a run that delivered nothing is not counted)." }),
        creditsUsed: z.number().int(),
      }),
    ),
  })
  .openapi("Usage");

billingRoutes.openapi(
  createRoute({
    method: "get",
    path: "/billing/balance",
    tags: ["Billing"],
    summary: "Credit balance, reserved and available credits",
    middleware: [requireScope("billing:read")] as const,
    responses: { 200: jsonResponse(BalanceSchema, "The company's balance, derived from its ledger"), ...errorResponses(403) },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const balance = await readBalance(c.env.DB, tenant.companyId);
    return c.json({ success: true as const, billingMode: tenant.billingMode, ...balance }, 200);
  },
);

billingRoutes.openapi(
  createRoute({
    method: "get",
    path: "/billing/usage",
    tags: ["Billing"],
    summary: "Credits captured per cost key in a period",
    middleware: [requireScope("billing:read")] as const,
    request: { query: UsageQuery },
    responses: { 200: jsonResponse(UsageSchema, "Usage in the half-open period [start, end)"), ...errorResponses(400, 403) },
  }),
  async (c) => {
    const period = resolveUsagePeriod(c.req.valid("query"), Date.now());
    if (!period) throw validationError([{ path: ["start"], message: "start must be before end" }]);
    const usage = await readUsage(c.env.DB, c.get("tenant").companyId, period);
    return c.json({ success: true as const, billingSystem: "credits" as const, period, ...usage }, 200);
  },
);
