// Webhook endpoints (configs) and their delivery log. Sending lives in src/webhooks/dispatcher.ts;
// these handlers validate, scope every lookup to the caller's company, and render views.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { requireScope } from "../auth/middleware";
import { nowIso } from "../clock";
import { readConfig } from "../config";
import { ApiError, validationError } from "../errors";
import { withIdempotency } from "../idempotency/with-idempotency";
import { newId } from "../ids";
import {
  createWebhookConfig, deleteWebhookConfig, findWebhookConfig, listWebhookConfigs, resetCircuit, updateWebhookConfig,
  type WebhookConfigChanges, type WebhookConfigRow,
} from "../webhooks/config-store";
import { applyHeaderUpdate } from "../webhooks/custom-headers";
import { findCompanyDelivery, listAttempts, listWebhookDeliveries } from "../webhooks/delivery-store";
import { redeliver, sendTestPing } from "../webhooks/dispatcher";
import { rotateSecrets } from "../webhooks/rotation";
import { generateSigningSecret } from "../webhooks/signing";
import { checkWebhookTarget } from "../webhooks/url-guard";
import { errorResponses, jsonBody, jsonResponse } from "./common-schemas";
import {
  attemptView, DeliveryDetailSchema, DeliveryIdParam, DeliveryListQuery, DeliveryListSchema, deliveryView, RotatedSecretSchema,
  TestPingSchema, WebhookCreateSchema, WebhookDeletedSchema, WebhookIdParam, WebhookListSchema, WebhookSchema, WebhookUpdateSchema,
  webhookView, WebhookWithSecretSchema,
} from "./webhook-schemas";

export const webhookRoutes = new OpenAPIHono<AppEnv>();

const tags = ["Webhooks"];

type Ctx = Context<AppEnv>;

function companyOf(c: Ctx): string {
  return c.get("tenant").companyId;
}

async function findWebhook(c: Ctx, id: string): Promise<WebhookConfigRow> {
  const row = await findWebhookConfig(c.env, companyOf(c), id);
  if (!row) throw new ApiError("WEBHOOK_NOT_FOUND", "Webhook configuration not found", { webhookId: id });
  return row;
}

function notFoundDelivery(deliveryId: string): ApiError {
  return new ApiError("RESOURCE_NOT_FOUND", "Webhook delivery not found", { deliveryId });
}

/**
 * The URL guard, host lookup included, as a field error: a refused URL is a VALIDATION_ERROR on `url`.
 * So is a name the resolver could not answer for: the URL is unproven, and the tenant can retry.
 */
async function guardUrl(c: Ctx, url: string): Promise<void> {
  const config = readConfig(c.env);
  const check = await checkWebhookTarget(url, { allowLocalhost: config.webhookAllowLocalhost, resolverUrl: config.webhookDnsResolverUrl });
  if (!check.ok) throw validationError([{ path: ["url"], message: check.reason }]);
}

const uniqueEvents = <T extends string>(events: readonly T[]): T[] => [...new Set(events)];

// ---- configs -----------------------------------------------------------------------------------

webhookRoutes.openapi(
  createRoute({
    method: "post", path: "/webhooks", tags, summary: "Create a webhook (the signing secret is shown once)", middleware: [requireScope("webhooks:write")] as const,
    request: { body: jsonBody(WebhookCreateSchema) },
    responses: { 201: jsonResponse(WebhookWithSecretSchema, "Created"), ...errorResponses(400, 403, 409, 413, 422) },
  }),
  async (c) => {
    const body = c.req.valid("json");
    await guardUrl(c, body.url);
    return withIdempotency(c, body, async () => {
      const signingSecret = generateSigningSecret();
      const row = await createWebhookConfig(c.env, {
        id: newId.webhook(), companyId: companyOf(c), url: body.url, name: body.name, description: body.description ?? null,
        events: uniqueEvents(body.events), headers: body.headers.map((h) => ({ ...h, isMasked: true })),
        maxRetries: body.maxRetries, timeoutMs: body.timeoutMs, signingSecret, nowIso: nowIso(),
      });
      return c.json({ success: true as const, ...webhookView(row), signingSecret }, 201);
    });
  },
);

webhookRoutes.openapi(
  createRoute({
    method: "get", path: "/webhooks", tags, summary: "List the company's webhooks, newest first", middleware: [requireScope("webhooks:read")] as const,
    responses: { 200: jsonResponse(WebhookListSchema, "The webhooks"), ...errorResponses(403) },
  }),
  async (c) => c.json({ success: true as const, webhooks: (await listWebhookConfigs(c.env, companyOf(c))).map(webhookView) }, 200),
);

// The delivery routes come before /webhooks/{id}/… so that "deliveries" is never read as an id.
webhookRoutes.openapi(
  createRoute({
    method: "get", path: "/webhooks/deliveries/{deliveryId}", tags, summary: "A delivery with every attempt", middleware: [requireScope("webhooks:read")] as const,
    request: { params: DeliveryIdParam },
    responses: { 200: jsonResponse(DeliveryDetailSchema, "The delivery"), ...errorResponses(403, 404) },
  }),
  async (c) => c.json(await deliveryDetail(c, c.req.valid("param").deliveryId), 200),
);

webhookRoutes.openapi(
  createRoute({
    method: "post", path: "/webhooks/deliveries/{deliveryId}/redeliver", tags, middleware: [requireScope("webhooks:write")] as const,
    summary: "Attempt a delivery again now (same id and body; a finished delivery gets one more attempt)",
    request: { params: DeliveryIdParam },
    responses: { 200: jsonResponse(DeliveryDetailSchema, "The delivery after the attempt"), ...errorResponses(403, 404) },
  }),
  async (c) => {
    const { deliveryId } = c.req.valid("param");
    const report = await redeliver(c.env, companyOf(c), deliveryId);
    if (!report) throw notFoundDelivery(deliveryId);
    return c.json(await deliveryDetail(c, deliveryId), 200);
  },
);

webhookRoutes.openapi(
  createRoute({
    method: "get", path: "/webhooks/{id}", tags, summary: "A webhook", middleware: [requireScope("webhooks:read")] as const,
    request: { params: WebhookIdParam },
    responses: { 200: jsonResponse(WebhookSchema, "The webhook"), ...errorResponses(403, 404) },
  }),
  async (c) => c.json({ success: true as const, ...webhookView(await findWebhook(c, c.req.valid("param").id)) }, 200),
);

webhookRoutes.openapi(
  createRoute({
    method: "patch", path: "/webhooks/{id}", tags, summary: "Update a webhook", middleware: [requireScope("webhooks:write")] as const,
    request: { params: WebhookIdParam, body: jsonBody(WebhookUpdateSchema) },
    responses: { 200: jsonResponse(WebhookSchema, "The updated webhook"), ...errorResponses(400, 403, 404, 413) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    if (body.url !== undefined) await guardUrl(c, body.url);
    const current = await findWebhook(c, id);
    const changes: WebhookConfigChanges & Partial<Pick<WebhookConfigRow, "consecutiveFailures" | "circuitOpenedAt">> = {
      ...(body.url !== undefined && { url: body.url }),
      ...(body.name !== undefined && { name: body.name }),
      ...(body.description !== undefined && { description: body.description }),
      ...(body.events !== undefined && { events: uniqueEvents(body.events) }),
      ...(body.maxRetries !== undefined && { maxRetries: body.maxRetries }),
      ...(body.timeoutMs !== undefined && { timeoutMs: body.timeoutMs }),
      // Switching a webhook back on closes its circuit too: an active webhook with an open circuit means nothing.
      ...(body.isActive !== undefined && { isActive: body.isActive }),
      ...(body.isActive === true && { consecutiveFailures: 0, circuitOpenedAt: null }),
    };
    if (body.headers !== undefined) {
      const merged = applyHeaderUpdate(current.headers, body.headers);
      if (!merged.ok) throw validationError([{ path: ["headers", merged.index, "value"], message: "a new header needs a value" }]);
      changes.headers = merged.headers;
    }
    const row = await updateWebhookConfig(c.env, companyOf(c), id, changes, nowIso());
    if (!row) throw new ApiError("WEBHOOK_NOT_FOUND", "Webhook configuration not found", { webhookId: id });
    return c.json({ success: true as const, ...webhookView(row) }, 200);
  },
);

webhookRoutes.openapi(
  createRoute({
    method: "delete", path: "/webhooks/{id}", tags, summary: "Delete a webhook (its delivery log stays readable)", middleware: [requireScope("webhooks:write")] as const,
    request: { params: WebhookIdParam },
    responses: { 200: jsonResponse(WebhookDeletedSchema, "Deleted"), ...errorResponses(403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    if (!(await deleteWebhookConfig(c.env.DB, companyOf(c), id))) {
      throw new ApiError("WEBHOOK_NOT_FOUND", "Webhook configuration not found", { webhookId: id });
    }
    return c.json({ success: true as const, id, deleted: true as const }, 200);
  },
);

webhookRoutes.openapi(
  createRoute({
    method: "post", path: "/webhooks/{id}/rotate-secret", tags, middleware: [requireScope("webhooks:write")] as const,
    summary: "Issue a new signing secret; the old one keeps signing beside it for 24 h",
    request: { params: WebhookIdParam },
    responses: { 200: jsonResponse(RotatedSecretSchema, "The new secret, shown this once"), ...errorResponses(403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const current = await findWebhook(c, id);
    const secrets = rotateSecrets(current, generateSigningSecret(), Date.now());
    const row = await updateWebhookConfig(c.env, companyOf(c), id, secrets, nowIso());
    if (!row) throw new ApiError("WEBHOOK_NOT_FOUND", "Webhook configuration not found", { webhookId: id });
    return c.json(
      { success: true as const, ...webhookView(row), signingSecret: secrets.signingSecret, previousSecretExpiresAt: secrets.previousSecretExpiresAt! },
      200,
    );
  },
);

webhookRoutes.openapi(
  createRoute({
    method: "post", path: "/webhooks/{id}/test", tags, summary: "Send a PING now and report the endpoint's answer", middleware: [requireScope("webhooks:write")] as const,
    request: { params: WebhookIdParam },
    responses: { 200: jsonResponse(TestPingSchema, "The attempt's outcome (success false when the endpoint failed)"), ...errorResponses(403, 404, 422) },
  }),
  async (c) => {
    const webhook = await findWebhook(c, c.req.valid("param").id);
    if (!webhook.events.includes("PING")) {
      throw new ApiError("WEBHOOK_NOT_SUBSCRIBED", "The webhook does not subscribe to PING", {
        webhookId: webhook.id, requiredEvents: ["PING"], subscribedEvents: webhook.events,
      });
    }
    return c.json(await sendTestPing(c.env, webhook), 200);
  },
);

webhookRoutes.openapi(
  createRoute({
    method: "post", path: "/webhooks/{id}/reset-circuit", tags, summary: "Close the circuit: active again, failures cleared", middleware: [requireScope("webhooks:write")] as const,
    request: { params: WebhookIdParam },
    responses: { 200: jsonResponse(WebhookSchema, "The webhook"), ...errorResponses(403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const row = await resetCircuit(c.env, companyOf(c), id, nowIso());
    if (!row) throw new ApiError("WEBHOOK_NOT_FOUND", "Webhook configuration not found", { webhookId: id });
    return c.json({ success: true as const, ...webhookView(row) }, 200);
  },
);

// ---- delivery log ------------------------------------------------------------------------------

webhookRoutes.openapi(
  createRoute({
    method: "get", path: "/webhooks/{id}/deliveries", tags, summary: "A webhook's deliveries, newest first", middleware: [requireScope("webhooks:read")] as const,
    request: { params: WebhookIdParam, query: DeliveryListQuery },
    responses: { 200: jsonResponse(DeliveryListSchema, "One page of deliveries"), ...errorResponses(400, 403, 404) },
  }),
  async (c) => {
    const webhook = await findWebhook(c, c.req.valid("param").id);
    const { limit, cursor } = c.req.valid("query");
    const rows = await listWebhookDeliveries(c.env.DB, { companyId: webhook.companyId, webhookId: webhook.id, limit, before: decodeCursor(cursor) });
    const last = rows.length === limit ? rows[rows.length - 1] : undefined;
    return c.json({ success: true as const, deliveries: rows.map(deliveryView), nextCursor: last ? encodeCursor(last) : null }, 200);
  },
);

async function deliveryDetail(c: Ctx, deliveryId: string) {
  const row = await findCompanyDelivery(c.env.DB, companyOf(c), deliveryId);
  if (!row) throw notFoundDelivery(deliveryId);
  const attempts = await listAttempts(c.env.DB, row.id);
  return { success: true as const, ...deliveryView(row), payload: JSON.parse(row.payload) as unknown, attempts: attempts.map(attemptView) };
}

/** A page cursor is the last row's creation time and id: opaque to clients, stable under ties. */
function encodeCursor(row: { createdAt: string; id: string }): string {
  return btoa(`${row.createdAt}|${row.id}`);
}

function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  let text: string;
  try {
    text = atob(cursor);
  } catch {
    throw validationError([{ path: ["cursor"], message: "is not a cursor this API issued" }]);
  }
  const [createdAt, id] = text.split("|");
  if (!createdAt || !id) throw validationError([{ path: ["cursor"], message: "is not a cursor this API issued" }]);
  return { createdAt, id };
}
