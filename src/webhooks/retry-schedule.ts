// When a webhook delivery is retried, and when an endpoint is given up on. Pure decisions over
// data: the delivery code records each attempt, then asks these functions what happens next.

/** Seconds to wait after each failed attempt (contract: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). */
export const DEFAULT_RETRY_SCHEDULE_S: readonly number[] = [5, 300, 1800, 7200, 18000, 36000, 36000];

/** A receiver's Retry-After is honoured up to a day; beyond that it would stall the delivery. */
export const MAX_RETRY_AFTER_S = 24 * 60 * 60;

/**
 * Each delay is spread uniformly over ±10 % of its step, so deliveries that failed together
 * (an endpoint outage) do not all come back in the same second.
 */
export const RETRY_JITTER_RATIO = 0.1;

/** Consecutive failed deliveries after which the endpoint's circuit opens (contract: 20). */
export const CIRCUIT_BREAKER_THRESHOLD = 20;

export const ATTEMPT_OUTCOMES = ["delivered", "failed", "gone"] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/**
 * Reads `WEBHOOK_RETRY_SCHEDULE_S`: comma-separated whole seconds ("5,300,1800"). Unset, empty or
 * any malformed step gives the contract default as a whole: a half-applied schedule would be a
 * worse surprise than the default.
 */
export function parseRetrySchedule(raw: string | undefined): number[] {
  if (raw === undefined || raw.trim() === "") return [...DEFAULT_RETRY_SCHEDULE_S];
  const steps = raw.split(",").map((step) => step.trim());
  if (!steps.every((step) => /^\d{1,9}$/.test(step))) return [...DEFAULT_RETRY_SCHEDULE_S];
  return steps.map(Number);
}

/**
 * A receiver's `Retry-After` (RFC 9110 §10.2.3) as seconds from `now`: delay-seconds or an
 * HTTP-date, capped at MAX_RETRY_AFTER_S. A date in the past is 0; anything else is null.
 */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value), MAX_RETRY_AFTER_S);
  const at = parseHttpDate(value, now);
  if (at === null) return null;
  const seconds = Math.ceil((at - now.getTime()) / 1000);
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_S);
}

/**
 * 2xx is delivered, 410 Gone means the receiver wants no more (the webhook is disabled), and
 * everything else — 3xx included, since redirects are not followed — is a failure to retry.
 * An error (network, timeout) fails the attempt even if a status line had arrived.
 */
export function classifyAttempt(attempt: { status?: number; error?: string }): AttemptOutcome {
  if (attempt.error !== undefined || attempt.status === undefined) return "failed";
  if (attempt.status >= 200 && attempt.status <= 299) return "delivered";
  if (attempt.status === 410) return "gone";
  return "failed";
}

export type RetryInput = {
  /** Attempts made so far, all failed; 1-based (1 after the first attempt failed). */
  failedAttempts: number;
  /** Retries allowed after the first attempt, so 1 + maxRetries attempts in all. */
  maxRetries: number;
  /** Seconds per step; a retry past its end reuses the last step. */
  schedule: readonly number[];
  /** The receiver's Retry-After in seconds, a lower bound on the delay; null when absent. */
  retryAfterS?: number | null;
  /** Uniform [0, 1) source for the jitter; injectable so tests can pin it. */
  random?: () => number;
};

/** Milliseconds until the next attempt, or null when the retries are exhausted. */
export function nextRetryDelayMs({
  failedAttempts,
  maxRetries,
  schedule,
  retryAfterS = null,
  random = Math.random,
}: RetryInput): number | null {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) {
    throw new RangeError("failedAttempts is a 1-based count of attempts made");
  }
  if (failedAttempts > maxRetries) return null;
  const steps = schedule.length > 0 ? schedule : DEFAULT_RETRY_SCHEDULE_S;
  const stepS = steps[Math.min(failedAttempts - 1, steps.length - 1)];
  const jitter = 1 + (random() * 2 - 1) * RETRY_JITTER_RATIO;
  const delayMs = Math.round(stepS * 1000 * jitter);
  return retryAfterS === null ? delayMs : Math.max(delayMs, retryAfterS * 1000);
}

export function shouldOpenCircuit(consecutiveFailures: number): boolean {
  return consecutiveFailures >= CIRCUIT_BREAKER_THRESHOLD;
}

// ---- HTTP-date ---------------------------------------------------------------------------------

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// The three forms RFC 9110 §5.6.7 obliges a recipient to accept. Parsed by hand because
// Date.parse is lenient enough to read a date into arbitrary text ("retry 1" is year 2001 in V8).
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const RFC850_DATE = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const ASCTIME_DATE = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/** Milliseconds since the epoch of an HTTP-date, or null. `now` resolves RFC 850 two-digit years. */
function parseHttpDate(text: string, now: Date): number | null {
  let match = IMF_FIXDATE.exec(text);
  if (match) return utc(match[3], match[2], match[1], match[4], match[5], match[6]);
  match = ASCTIME_DATE.exec(text);
  if (match) return utc(match[6], match[1], match[2], match[3], match[4], match[5]);
  match = RFC850_DATE.exec(text);
  if (match) {
    // A two-digit year more than 50 years ahead is the previous century (RFC 9110 §5.6.7).
    let year = 2000 + Number(match[3]);
    if (year > now.getUTCFullYear() + 50) year -= 100;
    return utc(String(year), match[2], match[1], match[4], match[5], match[6]);
  }
  return null;
}

function utc(year: string, month: string, day: string, hour: string, minute: string, second: string) {
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  const parts = [year, day, hour, minute, second].map((part) => Number(part.trim()));
  const [y, d, h, min, s] = parts;
  if (monthIndex < 0 || h > 23 || min > 59 || s > 60) return null;
  const ms = Date.UTC(y, monthIndex, d, h, min, s);
  // Date.UTC rolls 31 Feb into March; a date that does not round-trip was not a real date.
  return new Date(ms).getUTCDate() === d ? ms : null;
}
