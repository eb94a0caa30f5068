// Request and response shapes of the webhook routes, registered for the OpenAPI document, and the
// views that turn rows into them (header values and secrets never leave through a view).
import { z } from "@hono/zod-openapi";
import { DELIVERY_STATUSES, WEBHOOK_EVENTS } from "../db/schema";
import {
  duplicateHeaderIndex, headerNameProblem, headerValueProblem, maskHeaders, MAX_CUSTOM_HEADERS,
} from "../webhooks/custom-headers";
import type { WebhookConfigRow } from "../webhooks/config-store";
import type { AttemptRow, DeliveryRow } from "../webhooks/delivery-store";
import { MAX_WEBHOOK_URL_LENGTH } from "../webhooks/url-guard";

/** Per-attempt timeout bounds, in ms: under 1 s fails healthy receivers; over 30 s holds a Worker too long. */
export const TIMEOUT_MS_BOUNDS = { min: 1_000, max: 30_000, default: 15_000 } as const;

const WebhookEventSchema = z.enum(WEBHOOK_EVENTS).openapi("WebhookEvent");

const problemCheck = (problemOf: (s: string) => string | null) => (value: string, ctx: z.RefinementCtx) => {
  const problem = problemOf(value);
  if (problem !== null) ctx.addIssue({ code: "custom", message: problem });
};

const HeaderName = z.string().superRefine(problemCheck(headerNameProblem));
const HeaderValue = z.string().superRefine(problemCheck(headerValueProblem));

const headerList = <T extends z.ZodType<{ name: string }>>(entry: T) =>
  z
    .array(entry)
    .max(MAX_CUSTOM_HEADERS)
    .superRefine((headers, ctx) => {
      const dup = duplicateHeaderIndex(headers.map((h) => h.name));
      if (dup >= 0) ctx.addIssue({ code: "custom", path: [dup, "name"], message: "header names must be unique (case-insensitive)" });
    });

const Url = z.string().min(1).max(MAX_WEBHOOK_URL_LENGTH).openapi({
  example: "https://hooks.example.com/scoutflare",
  description: "https on port 443 or 8443, no credentials; the host must not be, or resolve to, a loopback, private, link-local or metadata address (checked on create, update and every send).",
});
const Events = z.array(WebhookEventSchema).min(1).openapi({ example: ["SOURCING_COMPLETED", "SOURCING_FAILED"] });

export const WebhookCreateSchema = z
  .object({
    url: Url,
    name: z.string().min(1).max(255),
    description: z.string().max(1000).nullish(),
    events: Events,
    headers: headerList(z.object({ name: HeaderName, value: HeaderValue }))
      .default([])
      .openapi({ description: "Sent with every delivery. Values are stored and never returned." }),
    maxRetries: z.number().int().min(0).max(10).default(7),
    timeoutMs: z.number().int().min(TIMEOUT_MS_BOUNDS.min).max(TIMEOUT_MS_BOUNDS.max).default(TIMEOUT_MS_BOUNDS.default),
  })
  .openapi("WebhookCreate");

export const WebhookUpdateSchema = z
  .object({
    url: Url.optional(),
    name: z.string().min(1).max(255).optional(),
    description: z.string().max(1000).nullish(),
    events: Events.optional(),
    headers: headerList(z.object({ name: HeaderName, value: HeaderValue.optional() }))
      .optional()
      .openapi({ description: "The complete new list. An entry without `value` keeps the stored value of that name." }),
    maxRetries: z.number().int().min(0).max(10).optional(),
    timeoutMs: z.number().int().min(TIMEOUT_MS_BOUNDS.min).max(TIMEOUT_MS_BOUNDS.max).optional(),
    isActive: z.boolean().optional().openapi({ description: "`true` also closes an open circuit, like reset-circuit." }),
  })
  .openapi("WebhookUpdate");

const WebhookFields = {
  id: z.string(),
  companyId: z.string(),
  url: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  headers: z.array(z.object({ name: z.string(), isMasked: z.boolean() })),
  isActive: z.boolean(),
  maxRetries: z.number().int(),
  timeoutMs: z.number().int(),
  consecutiveFailures: z.number().int(),
  circuitOpenedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const WebhookSchema = z.object({ success: z.literal(true), ...WebhookFields }).openapi("Webhook");
export const WebhookWithSecretSchema = z
  .object({ success: z.literal(true), ...WebhookFields, signingSecret: z.string().openapi({ description: "whsec_…, shown this once" }) })
  .openapi("WebhookWithSecret");
export const RotatedSecretSchema = WebhookWithSecretSchema.extend({
  previousSecretExpiresAt: z.string().openapi({ description: "Until then deliveries carry a signature with each secret." }),
}).openapi("WebhookRotatedSecret");
export const WebhookListSchema = z.object({ success: z.literal(true), webhooks: z.array(z.object(WebhookFields)) }).openapi("WebhookList");
export const WebhookDeletedSchema = z.object({ success: z.literal(true), id: z.string(), deleted: z.literal(true) }).openapi("WebhookDeleted");
export const TestPingSchema = z
  .object({ success: z.boolean(), deliveryId: z.string(), httpStatus: z.number().int().nullable(), durationMs: z.number().int(), message: z.string() })
  .openapi("WebhookTestResult");

const DeliveryFields = {
  deliveryId: z.string(),
  webhookId: z.string(),
  event: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attemptCount: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  requestId: z.string().nullable().openapi({ description: "The run whose event this is, if any." }),
  createdAt: z.string(),
  updatedAt: z.string(),
};
const AttemptSchema = z
  .object({ attemptNumber: z.number().int(), attemptedAt: z.string(), statusCode: z.number().int().nullable(), durationMs: z.number().int(), error: z.string().nullable() })
  .openapi("WebhookAttempt");

export const DeliveryListSchema = z
  .object({ success: z.literal(true), deliveries: z.array(z.object(DeliveryFields)), nextCursor: z.string().nullable() })
  .openapi("WebhookDeliveryList");
export const DeliveryDetailSchema = z
  .object({ success: z.literal(true), ...DeliveryFields, payload: z.unknown(), attempts: z.array(AttemptSchema) })
  .openapi("WebhookDelivery");

export const WebhookIdParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: "id", in: "path" } }) });
export const DeliveryIdParam = z.object({ deliveryId: z.string().min(1).max(100).openapi({ param: { name: "deliveryId", in: "path" } }) });
export const DeliveryListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ param: { name: "limit", in: "query" } }),
  cursor: z.string().max(100).optional().openapi({ param: { name: "cursor", in: "query" }, description: "nextCursor of the previous page" }),
});

// ---- views -------------------------------------------------------------------------------------

export function webhookView(row: WebhookConfigRow) {
  return {
    id: row.id, companyId: row.companyId, url: row.url, name: row.name, description: row.description, events: row.events,
    headers: maskHeaders(row.headers), isActive: row.isActive, maxRetries: row.maxRetries, timeoutMs: row.timeoutMs,
    consecutiveFailures: row.consecutiveFailures, circuitOpenedAt: row.circuitOpenedAt, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export function deliveryView(row: DeliveryRow) {
  return {
    deliveryId: row.id, webhookId: row.webhookId, event: row.event, status: row.status, attemptCount: row.attemptCount,
    maxAttempts: row.maxAttempts, nextAttemptAt: row.nextAttemptAt, lastStatusCode: row.lastStatusCode, requestId: row.runId,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export function attemptView(row: AttemptRow) {
  return { attemptNumber: row.attemptNumber, attemptedAt: row.attemptedAt, statusCode: row.statusCode, durationMs: row.durationMs, error: row.error };
}
