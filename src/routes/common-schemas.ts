import { z } from "@hono/zod-openapi";

export const ErrorSchema = z
  .object({
    success: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }),
    timestamp: z.string(),
  })
  .openapi("Error");

/** The error responses a route can give, for the OpenAPI document. */
export function errorResponses(...statuses: (400 | 401 | 402 | 403 | 404 | 409 | 413 | 422 | 429)[]) {
  const descriptions: Record<number, string> = {
    400: "VALIDATION_ERROR",
    401: "INVALID_API_KEY",
    402: "INSUFFICIENT_CREDITS",
    403: "INSUFFICIENT_PERMISSIONS or WEBHOOK_OWNERSHIP_MISMATCH",
    404: "REQUEST_NOT_FOUND, WEBHOOK_NOT_FOUND or RESOURCE_NOT_FOUND",
    409: "RUN_IN_PROGRESS or IDEMPOTENCY_IN_FLIGHT",
    413: "PAYLOAD_TOO_LARGE",
    422: "WEBHOOK_NOT_SUBSCRIBED or IDEMPOTENCY_KEY_REUSED",
    429: "RATE_LIMIT_EXCEEDED",
  };
  return Object.fromEntries(
    [...new Set([401, 429, ...statuses])].map((s) => [s, { description: descriptions[s], content: { "application/json": { schema: ErrorSchema } } }]),
  );
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
