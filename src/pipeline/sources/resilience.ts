// Calling a source: a timeout per attempt, bounded retries, and a circuit breaker shared through D1.
export const SOURCE_TIMEOUT_MS = 15_000;
export const SOURCE_RETRIES = 2; // attempts = 1 + retries
export const BREAKER_THRESHOLD = 3; // consecutive failed calls (after retries) that open the breaker
export const BREAKER_COOLDOWN_MS = 60_000;

export class SourceTimeoutError extends Error {
  constructor(source: string, ms: number) {
    super(`${source} did not answer within ${ms} ms`);
  }
}

/** Run `call` with an abortable deadline; a late answer is discarded, never half-used. */
export async function withTimeout<T>(source: string, ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new SourceTimeoutError(source, ms));
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), timeout]);
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}

/**
 * What a failed call may say about trying again (a vendor's error carries it): `retryable: false` when
 * no retry can help (out of credits, a bad key, a rejected query); `retryAfterMs` when the vendor said
 * when to come back (Retry-After). Errors without a hint are retried on the backoff.
 */
export type RetryHint = { readonly retryable?: boolean; readonly retryAfterMs?: number };

/**
 * The longest Retry-After a call waits out inside one search. A longer one is not slept through (the
 * run's alarm step would hang on it): the call fails now and the breaker keeps every run off the
 * source until then (breakerAfter's holdOffMs).
 */
export const MAX_RETRY_AFTER_MS = 5_000;

export const defaultBackoffMs = (n: number) => 200 * 2 ** n;

function hintOf(err: unknown): RetryHint {
  return typeof err === "object" && err !== null ? (err as RetryHint) : {};
}

/** When the source asked not to be called again before a time: ms from now, else undefined. */
export function retryAfterOf(err: unknown): number | undefined {
  const after = hintOf(err).retryAfterMs;
  return typeof after === "number" && Number.isFinite(after) && after > 0 ? after : undefined;
}

/** How long to wait before retry `n` (0-based) after `err`, or null to stop retrying now. */
export function retryDelayMs(err: unknown, n: number, backoffMs = defaultBackoffMs): number | null {
  if (hintOf(err).retryable === false) return null;
  const after = retryAfterOf(err);
  if (after === undefined) return backoffMs(n);
  return after <= MAX_RETRY_AFTER_MS ? Math.max(after, backoffMs(n)) : null;
}

export async function withRetries<T>(retries: number, attempt: () => Promise<T>, backoffMs = defaultBackoffMs): Promise<T> {
  let lastError: unknown;
  for (let n = 0; n <= retries; n++) {
    try {
      return await attempt();
    } catch (err) {
      lastError = err;
      const delay = n < retries ? retryDelayMs(err, n, backoffMs) : null;
      if (delay === null) break;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
  throw lastError;
}

export type BreakerState = { consecutiveFailures: number; openedUntil: number | null };

/** Pure breaker rules: closed → open after THRESHOLD failures; half-open after the cooldown lets one call through. */
export function breakerAllows(state: BreakerState, nowMs: number): boolean {
  return state.openedUntil === null || nowMs >= state.openedUntil;
}

/**
 * `holdOffMs`: the failed source asked to be left alone this long (a Retry-After longer than a call
 * waits out, or out of credits): the breaker opens at least that long, whatever the failure count,
 * because every run calling it meanwhile would only be refused too.
 */
export function breakerAfter(state: BreakerState, succeeded: boolean, nowMs: number, holdOffMs?: number): BreakerState {
  if (succeeded) return { consecutiveFailures: 0, openedUntil: null };
  const consecutiveFailures = state.consecutiveFailures + 1;
  const byCount = consecutiveFailures >= BREAKER_THRESHOLD ? nowMs + BREAKER_COOLDOWN_MS : state.openedUntil;
  const held = holdOffMs !== undefined && holdOffMs > 0 ? nowMs + holdOffMs : null;
  return { consecutiveFailures, openedUntil: held !== null && (byCount === null || held > byCount) ? held : byCount };
}
