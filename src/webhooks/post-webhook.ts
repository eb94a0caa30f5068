// One HTTP POST to a receiver. An endpoint failure is a value, never a throw: the dispatcher logs
// every attempt, so a timeout or a refused connection must come back as data like a 500 does.
import type { AttemptResult } from "./attempt-outcome";
import { parseRetryAfter } from "./retry-schedule";

export type WebhookRequest = { url: string; body: string; headers: Headers; timeoutMs: number; nowMs: number };

/** Longest error text kept in the attempt log, in characters. */
const MAX_ERROR_LENGTH = 500;

export async function postWebhook(req: WebhookRequest): Promise<AttemptResult> {
  const started = Date.now();
  try {
    const res = await fetch(req.url, {
      method: "POST",
      headers: req.headers,
      body: req.body,
      // A redirect could lead past the URL guard (to a private address), so it is not followed;
      // the 3xx itself counts as a failure.
      redirect: "manual",
      signal: AbortSignal.timeout(req.timeoutMs),
    });
    const durationMs = Date.now() - started;
    // The receiver's body is not part of the log; release it without reading.
    await res.body?.cancel().catch(() => undefined);
    const ok = res.status >= 200 && res.status <= 299;
    return {
      statusCode: res.status,
      durationMs,
      error: ok ? null : httpError(res),
      retryAfterS: parseRetryAfter(res.headers.get("retry-after"), new Date(req.nowMs)),
    };
  } catch (err) {
    const durationMs = Date.now() - started;
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    const error = timedOut ? `timed out after ${req.timeoutMs} ms` : `request failed: ${err instanceof Error ? err.message : String(err)}`;
    return { statusCode: null, durationMs, error: error.slice(0, MAX_ERROR_LENGTH), retryAfterS: null };
  }
}

function httpError(res: Response): string {
  if (res.status >= 300 && res.status <= 399) return `HTTP ${res.status}: redirects are not followed`;
  if (res.status === 410) return "HTTP 410 Gone: the receiver asks for no more deliveries";
  return `HTTP ${res.status}`;
}
