/**
 * Per-key rate-limit decisions over two fixed windows: the clock minute and the clock hour.
 *
 * Why fixed windows rather than sliding ones: every response promises `X-RateLimit-Reset-*`, the
 * moment the remaining count returns to the full limit. With windows aligned to the clock that
 * moment is exact (the next minute/hour boundary) and the same for every request in the window; a
 * sliding window has no single reset time to promise. The cost, up to twice the limit across a
 * boundary, is the usual and documented trade-off.
 *
 * Pure: the caller supplies the clock (`nowMs`) and persists `next`.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** Requests allowed per window. Non-negative integers; 0 blocks the key outright. */
export type RateLimits = { perMinute: number; perHour: number };

/** What one key has spent. Starts are ms since the epoch, aligned to the window size. */
export type WindowState = {
  minuteStart: number;
  minuteCount: number;
  hourStart: number;
  hourCount: number;
};

export type WindowQuota = {
  limit: number;
  remaining: number;
  /** Unix seconds at which this window ends and its count starts again from zero. */
  resetAt: number;
};

export type RateLimitDecision = {
  allowed: boolean;
  minute: WindowQuota;
  hour: WindowQuota;
  /** Seconds; 0 when allowed, otherwise until every blocking window has reset (at least 1). */
  retryAfterS: number;
};

/** Start (ms) of the window of `sizeMs` that contains `nowMs`; UTC minutes and hours. */
export function windowStart(nowMs: number, sizeMs: number): number {
  return nowMs - (nowMs % sizeMs);
}

/**
 * The window to count in now. A window only ever moves forward: if the clock steps back
 * behind a stored window, that window stays current, so a clock skew cannot refill a quota.
 */
function currentWindow(storedStart: number | undefined, storedCount: number, nowMs: number, sizeMs: number) {
  const start = windowStart(nowMs, sizeMs);
  if (storedStart !== undefined && storedStart >= start) return { start: storedStart, count: storedCount };
  return { start, count: 0 };
}

function quota(limit: number, count: number, startMs: number, sizeMs: number): WindowQuota {
  return { limit, remaining: Math.max(0, limit - count), resetAt: (startMs + sizeMs) / 1000 };
}

/** Whole seconds from `nowMs` until `resetAtS`, rounded up so a client that waits is never early. */
function secondsUntil(resetAtS: number, nowMs: number): number {
  return Math.max(1, Math.ceil((resetAtS * 1000 - nowMs) / 1000));
}

/**
 * Decide one request. It is allowed only if both windows have room; an allowed request counts in
 * both, a rejected one in neither, so a client that backs off is not pushed further back.
 */
export function decideRequest(
  state: WindowState | undefined,
  limits: RateLimits,
  nowMs: number,
  opts: { count: boolean } = { count: true }, // false: report the quota without spending from it
): { decision: RateLimitDecision; next: WindowState } {
  const minute = currentWindow(state?.minuteStart, state?.minuteCount ?? 0, nowMs, MINUTE_MS);
  const hour = currentWindow(state?.hourStart, state?.hourCount ?? 0, nowMs, HOUR_MS);

  const minuteFull = minute.count >= limits.perMinute;
  const hourFull = hour.count >= limits.perHour;
  const allowed = !minuteFull && !hourFull;
  const spent = allowed && opts.count ? 1 : 0;

  const next: WindowState = {
    minuteStart: minute.start,
    minuteCount: minute.count + spent,
    hourStart: hour.start,
    hourCount: hour.count + spent,
  };
  const minuteQuota = quota(limits.perMinute, next.minuteCount, next.minuteStart, MINUTE_MS);
  const hourQuota = quota(limits.perHour, next.hourCount, next.hourStart, HOUR_MS);

  // Both full: the request only succeeds once both have reset, i.e. at the later reset.
  let retryAfterS = 0;
  if (hourFull) retryAfterS = secondsUntil(hourQuota.resetAt, nowMs);
  if (minuteFull) retryAfterS = Math.max(retryAfterS, secondsUntil(minuteQuota.resetAt, nowMs));

  return {
    decision: { allowed, minute: minuteQuota, hour: hourQuota, retryAfterS },
    next,
  };
}

/** Ms epoch after which `state` says nothing any more (both windows over): safe to forget. */
export function staleAfter(state: WindowState): number {
  return Math.max(state.minuteStart + MINUTE_MS, state.hourStart + HOUR_MS);
}

/** The six `X-RateLimit-*` headers every response carries; Reset values are unix seconds. */
export function rateLimitHeaders(d: RateLimitDecision): Record<string, string> {
  return {
    "X-RateLimit-Limit-Minute": String(d.minute.limit),
    "X-RateLimit-Remaining-Minute": String(d.minute.remaining),
    "X-RateLimit-Reset-Minute": String(d.minute.resetAt),
    "X-RateLimit-Limit-Hour": String(d.hour.limit),
    "X-RateLimit-Remaining-Hour": String(d.hour.remaining),
    "X-RateLimit-Reset-Hour": String(d.hour.resetAt),
  };
}
