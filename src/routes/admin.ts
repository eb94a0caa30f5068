import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { AppEnv } from "../app-env";
import { generateApiKey, hashApiKey, SCOPES } from "../auth/api-keys";
import { authenticateOperator } from "../auth/middleware";
import { readBalance, topUpStatement } from "../billing/ledger";
import { nowIso } from "../clock";
import { apiKeys, BILLING_MODES, companies } from "../db/schema";
import { ApiError } from "../errors";
import { newId } from "../ids";
import { FACTS_VERSION } from "../pipeline/facts/profile-facts";
import { rederiveStaleFacts } from "../talent-pool/store";
import { errorResponses, jsonBody, jsonResponse } from "./common-schemas";

export const adminRoutes = new OpenAPIHono<AppEnv>();
adminRoutes.use("/admin/*", authenticateOperator);

const CompanyCreate = z
  .object({
    name: z.string().min(1).max(200),
    billingMode: z.enum(BILLING_MODES),
    initialCredits: z.number().int().min(0).max(100_000_000).optional(),
  })
  .openapi("CompanyCreate");

const RateLimitSchema = z.object({ perMinute: z.number().int().min(1).max(100_000), perHour: z.number().int().min(1).max(10_000_000) });

const ApiKeyCreate = z
  .object({
    name: z.string().max(200).optional(),
    scopes: z.array(z.enum(SCOPES)).min(1).optional(),
    environment: z.enum(["live", "test"]).default("live"),
    rateLimit: RateLimitSchema.optional(),
    expiresAt: z.iso.datetime().optional(),
  })
  .openapi("ApiKeyCreate");

const CreditTopUp = z
  .object({
    amount: z.number().int().min(1).max(100_000_000),
    reason: z.string().min(1).max(500),
    idempotencyKey: z.string().min(1).max(255).optional(),
  })
  .openapi("CreditTopUp");

const ApiKeyView = z.object({
  id: z.string(), companyId: z.string(), name: z.string().nullable(), prefix: z.string(), scopes: z.array(z.string()),
  environment: z.string(), rateLimit: RateLimitSchema.nullable(), createdAt: z.string(), expiresAt: z.string().nullable(), revokedAt: z.string().nullable(),
});
const CompanyView = z
  .object({
    success: z.literal(true), id: z.string(), name: z.string(), billingMode: z.enum(BILLING_MODES), createdAt: z.string(),
    balance: z.number().int(), reserved: z.number().int(), available: z.number().int(), apiKeys: z.array(ApiKeyView).optional(),
  })
  .openapi("Company");

const IdParam = (name: string) => z.object({ [name]: z.string().min(1).max(100).openapi({ param: { name, in: "path" } }) });

function keyView(k: typeof apiKeys.$inferSelect) {
  return {
    id: k.id, companyId: k.companyId, name: k.name, prefix: k.prefix, scopes: k.scopes, environment: k.environment,
    rateLimit: k.rateLimitPerMinute && k.rateLimitPerHour ? { perMinute: k.rateLimitPerMinute, perHour: k.rateLimitPerHour } : null,
    createdAt: k.createdAt, expiresAt: k.expiresAt, revokedAt: k.revokedAt,
  };
}

async function companyView(db: D1Database, id: string) {
  const company = await drizzle(db).select().from(companies).where(eq(companies.id, id)).get();
  if (!company) throw new ApiError("RESOURCE_NOT_FOUND", "Company not found", { companyId: id });
  const keys = await drizzle(db).select().from(apiKeys).where(eq(apiKeys.companyId, id)).all();
  return { success: true as const, ...company, ...(await readBalance(db, id)), apiKeys: keys.map(keyView) };
}

adminRoutes.openapi(
  createRoute({
    method: "post", path: "/admin/companies", tags: ["Operator"], summary: "Create a company",
    request: { body: jsonBody(CompanyCreate) },
    responses: { 201: jsonResponse(CompanyView, "Created"), ...errorResponses(400) },
  }),
  async (c) => {
    const body = c.req.valid("json");
    const id = newId.company();
    const db = c.env.DB;
    await db.batch([
      db.prepare(`INSERT INTO companies (id, name, billing_mode, created_at) VALUES (?1, ?2, ?3, ?4)`).bind(id, body.name, body.billingMode, nowIso()),
      ...(body.initialCredits
        ? [topUpStatement(db, { companyId: id, amount: body.initialCredits, idempotencyKey: `initial:${id}`, reason: "initial credits" })]
        : []),
    ]);
    return c.json(await companyView(db, id), 201);
  },
);

adminRoutes.openapi(
  createRoute({
    method: "get", path: "/admin/companies/{companyId}", tags: ["Operator"], summary: "A company with its balance and keys",
    request: { params: IdParam("companyId") },
    responses: { 200: jsonResponse(CompanyView, "The company"), ...errorResponses(404) },
  }),
  async (c) => c.json(await companyView(c.env.DB, c.req.valid("param").companyId), 200),
);

adminRoutes.openapi(
  createRoute({
    method: "post", path: "/admin/companies/{companyId}/api-keys", tags: ["Operator"], summary: "Issue an API key (shown once)",
    request: { params: IdParam("companyId"), body: jsonBody(ApiKeyCreate) },
    responses: { 201: jsonResponse(ApiKeyView.extend({ success: z.literal(true), key: z.string() }).openapi("IssuedApiKey"), "Issued"), ...errorResponses(400, 404) },
  }),
  async (c) => {
    const { companyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const company = await db.select({ id: companies.id }).from(companies).where(eq(companies.id, companyId)).get();
    if (!company) throw new ApiError("RESOURCE_NOT_FOUND", "Company not found", { companyId });
    const { key, prefix } = generateApiKey(body.environment);
    const row = {
      id: newId.apiKey(), companyId, name: body.name ?? null, prefix, keyHash: await hashApiKey(key),
      scopes: [...(body.scopes ?? SCOPES)], environment: body.environment,
      rateLimitPerMinute: body.rateLimit?.perMinute ?? null, rateLimitPerHour: body.rateLimit?.perHour ?? null,
      createdAt: nowIso(), expiresAt: body.expiresAt ?? null, revokedAt: null,
    };
    await db.insert(apiKeys).values(row);
    return c.json({ success: true as const, ...keyView(row), key }, 201);
  },
);

adminRoutes.openapi(
  createRoute({
    method: "delete", path: "/admin/api-keys/{keyId}", tags: ["Operator"], summary: "Revoke an API key",
    request: { params: IdParam("keyId") },
    responses: { 200: jsonResponse(ApiKeyView.extend({ success: z.literal(true) }), "Revoked"), ...errorResponses(404) },
  }),
  async (c) => {
    const { keyId } = c.req.valid("param");
    const db = drizzle(c.env.DB);
    // Revoking twice keeps the first revocation time.
    await c.env.DB.prepare(`UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?2) WHERE id = ?1`).bind(keyId, nowIso()).run();
    const row = await db.select().from(apiKeys).where(eq(apiKeys.id, keyId)).get();
    if (!row) throw new ApiError("RESOURCE_NOT_FOUND", "API key not found", { keyId });
    return c.json({ success: true as const, ...keyView(row) }, 200);
  },
);

adminRoutes.openapi(
  createRoute({
    method: "post", path: "/admin/companies/{companyId}/credits", tags: ["Operator"], summary: "Top up credits",
    request: { params: IdParam("companyId"), body: jsonBody(CreditTopUp) },
    responses: {
      201: jsonResponse(z.object({ success: z.literal(true), companyId: z.string(), applied: z.boolean(), balance: z.number(), reserved: z.number(), available: z.number() }), "Applied (or replayed)"),
      ...errorResponses(400, 404),
    },
  }),
  async (c) => {
    const { companyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const exists = await drizzle(c.env.DB).select({ id: companies.id }).from(companies).where(eq(companies.id, companyId)).get();
    if (!exists) throw new ApiError("RESOURCE_NOT_FOUND", "Company not found", { companyId });
    const result = await topUpStatement(c.env.DB, {
      companyId, amount: body.amount, reason: body.reason,
      // Without a key each call is its own top-up; with one, a retried call applies once.
      idempotencyKey: `topup:${body.idempotencyKey ?? crypto.randomUUID()}`,
    }).run();
    return c.json({ success: true as const, companyId, applied: result.meta.changes === 1, ...(await readBalance(c.env.DB, companyId)) }, 201);
  },
);

const FactsRederive = z
  .object({ limit: z.number().int().min(1).max(2_000).default(500) })
  .openapi("FactsRederive");

adminRoutes.openapi(
  createRoute({
    method: "post", path: "/admin/facts/rederive", tags: ["Operator"],
    summary: "Re-derive profile facts older than this code's FACTS_VERSION (after a lexicon or occupation change)",
    description: "Processes up to `limit` profiles of every company per call; call again until `remaining` is 0 (`npm run facts:rederive` does). Safe to repeat and to run beside imports.",
    request: { body: jsonBody(FactsRederive) },
    responses: {
      200: jsonResponse(z.object({ success: z.literal(true), factsVersion: z.number().int(), updated: z.number().int(), remaining: z.number().int() }), "One step done"),
      ...errorResponses(400),
    },
  }),
  async (c) => {
    const { limit } = c.req.valid("json");
    const { updated, remaining } = await rederiveStaleFacts(c.env.DB, limit);
    return c.json({ success: true as const, factsVersion: FACTS_VERSION, updated, remaining }, 200);
  },
);
