// People Data Labs over plain fetch (no SDK: the Worker bundle stays lean): Person Search and Person
// Enrichment, v5. Every failure is a PdlError that says whether a retry can help and when
// (resilience.ts RetryHint), so the shared retries and circuit breaker treat PDL like any source.
// Shapes: https://docs.peopledatalabs.com/docs/reference-person-search-api,
// …/reference-person-enrichment-api, …/errors, …/usage-limits.
import { z } from "zod";
import { nowMs } from "../../../clock";
import type { PdlConfig } from "../../../config";
import { BREAKER_COOLDOWN_MS, type RetryHint } from "../resilience";

export class PdlError extends Error implements RetryHint {
  constructor(
    readonly status: number | null, // null: no HTTP answer to speak of (network, malformed body)
    readonly type: string, // PDL's error.type ("rate_limit_error", "payment_required", …) or ours
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "PdlError";
  }
}

/** PDL's error body: `{ status, error: { type, message } }` (docs: Errors & Status Codes). */
const PdlErrorBody = z.object({ error: z.object({ type: z.string().optional(), message: z.string().optional() }).optional() });

/**
 * When to call again, in ms from `nowMs`: Retry-After (seconds or an HTTP date, RFC 9110 §10.2.3),
 * else PDL's `x-ratelimit-reset` (the UTC time its fixed rate-limit window resets). Undefined when
 * neither says anything usable.
 */
export function retryAfterMsOf(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - nowMs);
  }
  const reset = headers.get("x-ratelimit-reset")?.trim();
  const at = reset ? Date.parse(reset) : NaN;
  return Number.isFinite(at) && at > nowMs ? at - nowMs : undefined;
}

/**
 * A non-2xx answer as an error (404 is not one: it means "no match" and is handled by each call).
 * 402 (out of credits) and the other 4xx cannot be helped by a retry; out of credits also holds the
 * breaker open for its cooldown, as every run would be refused the same way. 429 and 5xx are retried,
 * after the Retry-After PDL sends.
 */
export function pdlFailure(status: number, headers: Headers, body: unknown, nowMs: number): PdlError {
  const parsed = PdlErrorBody.safeParse(body);
  const type = (parsed.success && parsed.data.error?.type) || `http_${status}`;
  const detail = parsed.success ? parsed.data.error?.message?.slice(0, 200) : undefined;
  const message = `pdl: ${status} ${type}${detail ? ` (${detail})` : ""}`;
  if (status === 402) return new PdlError(status, type, message, false, BREAKER_COOLDOWN_MS);
  if (status === 429 || status >= 500) return new PdlError(status, type, message, true, retryAfterMsOf(headers, nowMs));
  return new PdlError(status, type, message, false);
}

/** What PDL billed for a call: its `x-call-credits-spent` header, else the caller's count. */
function creditsSpent(headers: Headers, fallback: number): number {
  const n = Number(headers.get("x-call-credits-spent"));
  return headers.has("x-call-credits-spent") && Number.isInteger(n) && n >= 0 ? n : fallback;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    // A cut-off or garbled body is a transport fault, worth one more try.
    throw new PdlError(res.status, "malformed_response", `pdl: ${res.status} answered with a body that is not JSON`, true);
  }
}

async function call(cfg: PdlConfig, path: string, init: RequestInit, signal: AbortSignal): Promise<{ res: Response; body: unknown } | "not_found"> {
  let res: Response;
  try {
    res = await fetch(`${cfg.baseUrl}${path}`, {
      ...init,
      signal,
      headers: { ...init.headers, "X-Api-Key": cfg.apiKey, accept: "application/json" },
    });
  } catch (err) {
    if (signal.aborted) throw err; // the caller's timeout: its own error says so
    throw new PdlError(null, "network_error", `pdl: request failed (${err instanceof Error ? err.message : String(err)})`, true);
  }
  if (res.status === 404) {
    await res.body?.cancel();
    return "not_found";
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw pdlFailure(res.status, res.headers, body, nowMs());
  }
  return { res, body: await readJson(res) };
}

/** Person Search's answer (docs: Output Response - Person Search API); records are checked one by one. */
const SearchEnvelope = z.object({
  data: z.array(z.unknown()),
  total: z.number().optional(),
  scroll_token: z.string().nullish(),
});

export type PdlSearchBody = { query: Record<string, unknown>; size: number; titlecase?: boolean };
export type PdlSearchAnswer = { records: unknown[]; total: number; creditsSpent: number };

/** POST /v5/person/search. PDL answers 404 when nothing matches: no records, nothing billed. */
export async function searchPeople(cfg: PdlConfig, body: PdlSearchBody, signal: AbortSignal): Promise<PdlSearchAnswer> {
  const answer = await call(cfg, "/v5/person/search", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, signal);
  if (answer === "not_found") return { records: [], total: 0, creditsSpent: 0 };
  const parsed = SearchEnvelope.safeParse(answer.body);
  if (!parsed.success) throw new PdlError(answer.res.status, "unexpected_response", "pdl: search answer is not the documented shape", false);
  return { records: parsed.data.data, total: parsed.data.total ?? parsed.data.data.length, creditsSpent: creditsSpent(answer.res.headers, parsed.data.data.length) };
}

const EnrichEnvelope = z.object({ likelihood: z.number().optional(), data: z.unknown() });

export type PdlEnrichAnswer = { likelihood: number | null; record: unknown; creditsSpent: number } | null;

/** GET /v5/person/enrich; null when PDL has no match at `min_likelihood` (404, never billed). */
export async function enrichPerson(cfg: PdlConfig, params: URLSearchParams, signal: AbortSignal): Promise<PdlEnrichAnswer> {
  const answer = await call(cfg, `/v5/person/enrich?${params}`, { method: "GET" }, signal);
  if (answer === "not_found") return null;
  const parsed = EnrichEnvelope.safeParse(answer.body);
  if (!parsed.success || typeof parsed.data.data !== "object" || parsed.data.data === null) {
    throw new PdlError(answer.res.status, "unexpected_response", "pdl: enrichment answer is not the documented shape", false);
  }
  return { likelihood: parsed.data.likelihood ?? null, record: parsed.data.data, creditsSpent: creditsSpent(answer.res.headers, 1) };
}
