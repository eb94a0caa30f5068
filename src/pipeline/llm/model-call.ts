/**
 * What every model call is, whichever vendor answers it: a system and a user message, a JSON Schema
 * the answer must follow, and an output budget. The answer is the parsed JSON (not yet validated: the
 * caller owns the zod schema) or a failure as a value, with the tokens the vendor billed either way.
 */

/** A JSON Schema as the vendors take it (the subset OpenAI's strict mode accepts; see icp/agents/icp-answer.ts). */
export type JsonSchema = { [key: string]: unknown };

export type StructuredAsk = {
  system: string;
  user: string;
  /** Names the schema (OpenAI) or the tool (Anthropic): letters, digits, "_" and "-", ≤ 64 chars. */
  schemaName: string;
  schemaDescription: string;
  schema: JsonSchema;
  maxOutputTokens: number;
};

export type TokenUsage = { inputTokens: number; outputTokens: number };
export const NO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0 };

export type ModelFailure =
  | "not_configured" // no key, no binding, or a refused LLM_BASE_URL
  | "rate_limited" // 429 (Retry-After in retryAfterS)
  | "http_error" // any other non-2xx, or the request did not reach the vendor
  | "timeout" // no answer within LLM_TIMEOUT_MS
  | "malformed" // a body or an answer that is not the JSON asked for
  | "truncated" // the output budget ran out mid-answer
  | "refused" // the model declined (OpenAI `refusal`)
  | "invalid" // JSON, but outside the schema (the caller's zod check)
  | "over_budget"; // LLM_MAX_TOKENS_PER_RUN left no room for the call

export type ModelAnswer =
  | { ok: true; value: unknown; usage: TokenUsage }
  | { ok: false; failure: ModelFailure; detail: string; usage: TokenUsage; retryAfterS?: number };

export function failed(failure: ModelFailure, detail: string, usage: TokenUsage = NO_USAGE, retryAfterS?: number): ModelAnswer {
  return retryAfterS === undefined ? { ok: false, failure, detail, usage } : { ok: false, failure, detail, usage, retryAfterS };
}

/** A count from a vendor's usage object: a non-negative integer, else 0. */
export function tokenCount(raw: unknown): number {
  return typeof raw === "number" && Number.isFinite(raw) && raw > 0 ? Math.round(raw) : 0;
}

/**
 * The JSON a model wrote. Local models sometimes wrap it in a Markdown fence even under a schema;
 * the fence is dropped, nothing else is forgiven.
 */
export function parseModelJson(text: string): { ok: true; value: unknown } | { ok: false; detail: string } {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/u.exec(text);
  try {
    return { ok: true, value: JSON.parse(fenced ? fenced[1] : text) };
  } catch (err) {
    return { ok: false, detail: `answer is not JSON: ${String(err).slice(0, 200)}` };
  }
}

/**
 * Retry-After in seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or
 * unreadable. `nowMs` is the caller's clock.
 */
export function retryAfterSeconds(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const value = header.trim();
  if (/^\d+$/u.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
