import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { nowIso } from "./clock";

/** The closed set of error codes the contract names, each with its one HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  INVALID_API_KEY: 401,
  INSUFFICIENT_CREDITS: 402,
  INSUFFICIENT_PERMISSIONS: 403,
  WEBHOOK_OWNERSHIP_MISMATCH: 403,
  REQUEST_NOT_FOUND: 404,
  WEBHOOK_NOT_FOUND: 404,
  RESOURCE_NOT_FOUND: 404,
  RUN_IN_PROGRESS: 409,
  IDEMPOTENCY_IN_FLIGHT: 409,
  PAYLOAD_TOO_LARGE: 413,
  WEBHOOK_NOT_SUBSCRIBED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
} as const satisfies Record<string, ContentfulStatusCode>;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends HTTPException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(ERROR_STATUS[code], { message });
  }
}

export type IssueLike = { path: readonly PropertyKey[]; message: string };

export function validationError(issues: readonly IssueLike[], message = "Request validation failed"): ApiError {
  return new ApiError("VALIDATION_ERROR", message, {
    issues: issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  });
}

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return { success: false as const, error: { code, message, details: details ?? {} }, timestamp: nowIso() };
}

/** The one error renderer: every failure becomes the contract's envelope; nothing internal leaks. */
export function renderError(err: Error, c: Context): Response {
  const apiError = toApiError(err);
  if (apiError.code === "INTERNAL_ERROR") {
    console.error(JSON.stringify({ level: "error", requestId: c.get("requestId"), error: String(err), stack: err.stack }));
  }
  const res = c.json(errorBody(apiError.code, apiError.message, apiError.details), ERROR_STATUS[apiError.code]);
  for (const [name, value] of Object.entries(apiError.headers ?? {})) res.headers.set(name, value);
  return res;
}

function toApiError(err: Error): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    // Hono's own failures (malformed JSON, body limit) arrive as plain HTTPExceptions.
    if (err.status === 400) return validationError([{ path: [], message: err.message || "Malformed request" }], "Malformed request body");
    if (err.status === 415) return validationError([{ path: [], message: "Content-Type must be application/json" }], "Unsupported content type");
    if (err.status === 413) return new ApiError("PAYLOAD_TOO_LARGE", "Request body is too large");
    if (err.status === 401) return new ApiError("INVALID_API_KEY", "Missing or invalid API key");
  }
  return new ApiError("INTERNAL_ERROR", "An unexpected error occurred. Quote the X-Request-Id when reporting it.");
}
