// What one attempt's result means for its delivery and for its webhook. Pure: the dispatcher
// records the attempt, asks this, and writes the answer in the same batch.
import { classifyAttempt, nextRetryDelayMs } from "./retry-schedule";

/** One POST to the receiver, as recorded in the attempt log. */
export type AttemptResult = {
  /** The receiver's HTTP status; null when none arrived (timeout, network error, blocked URL). */
  statusCode: number | null;
  durationMs: number;
  /** Why the attempt failed, for the log; null on a 2xx. */
  error: string | null;
  /** Seconds the receiver asked us to wait (Retry-After), already parsed; null when absent. */
  retryAfterS: number | null;
};

/**
 * The webhook's circuit breaker counts failed *deliveries*, not attempts: a delivery counts once,
 * when its retries are exhausted. Counting attempts would open the circuit after three deliveries
 * of an endpoint that was down for an afternoon; the contract's "20 consecutive failed deliveries"
 * means endpoints that have been failing for a long time.
 */
export type WebhookEffect = "reset_failures" | "count_failed_delivery" | "disable" | "none";

export type AttemptDecision = {
  deliveryStatus: "delivered" | "pending" | "failed";
  /** Epoch milliseconds of the next attempt; null unless pending. */
  nextAttemptAtMs: number | null;
  webhookEffect: WebhookEffect;
};

export type AttemptContext = {
  /** 1-based number of the attempt just made. */
  attemptNumber: number;
  /** The attempt number after which the delivery gives up (1 + maxRetries). */
  maxAttempts: number;
  schedule: readonly number[];
  nowMs: number;
  /** A test ping probes the endpoint: it never moves the breaker nor disables the webhook. */
  isProbe: boolean;
  random?: () => number;
};

export function decideAfterAttempt(result: AttemptResult, ctx: AttemptContext): AttemptDecision {
  // A status line decides (a 410 carries an error text too); without one the attempt failed.
  const outcome = classifyAttempt(result.statusCode !== null ? { status: result.statusCode } : { error: result.error ?? "no response" });
  const effect = (e: WebhookEffect): WebhookEffect => (ctx.isProbe ? "none" : e);
  if (outcome === "delivered") return { deliveryStatus: "delivered", nextAttemptAtMs: null, webhookEffect: effect("reset_failures") };
  if (outcome === "gone") return { deliveryStatus: "failed", nextAttemptAtMs: null, webhookEffect: effect("disable") };
  const delayMs = nextRetryDelayMs({
    failedAttempts: ctx.attemptNumber,
    maxRetries: ctx.maxAttempts - 1,
    schedule: ctx.schedule,
    retryAfterS: result.retryAfterS,
    random: ctx.random,
  });
  if (delayMs === null) return { deliveryStatus: "failed", nextAttemptAtMs: null, webhookEffect: effect("count_failed_delivery") };
  return { deliveryStatus: "pending", nextAttemptAtMs: ctx.nowMs + delayMs, webhookEffect: "none" };
}

/**
 * Looks at a due delivery that may find its webhook's secrets unopenable (SECRETS_ENCRYPTION_KEY
 * rotated away, a sealed value altered or moved) before it fails: the first look and one per step of
 * the retry schedule, 8 with the contract's. So an operator who deployed the wrong key has as long
 * to put the right one back as a receiver has to come back up (about 27.6 h), longer than the 24 h
 * a secret rotation overlaps; a key still missing after that is not coming back by itself.
 */
export function secretFailureLimit(schedule: readonly number[]): number {
  return 1 + schedule.length;
}

export type SecretFailureDecision = { deliveryStatus: "pending" | "failed"; nextAttemptAtMs: number | null };

/**
 * A delivery whose webhook's secrets cannot be opened is not attempted: nothing can be signed. It is
 * no attempt either — the receiver did nothing wrong, so neither the delivery's retry budget nor the
 * webhook's breaker moves. It backs off on the retry schedule, so it stops being due (and stops
 * holding a place at the head of the sweep), and fails at secretFailureLimit.
 */
export function decideAfterSecretFailure(ctx: {
  /** Consecutive looks that found the secrets unopenable, this one included (1-based). */
  secretFailures: number;
  schedule: readonly number[];
  nowMs: number;
  random?: () => number;
}): SecretFailureDecision {
  const delayMs = nextRetryDelayMs({
    failedAttempts: ctx.secretFailures,
    maxRetries: secretFailureLimit(ctx.schedule) - 1,
    schedule: ctx.schedule,
    random: ctx.random,
  });
  return delayMs === null ? { deliveryStatus: "failed", nextAttemptAtMs: null } : { deliveryStatus: "pending", nextAttemptAtMs: ctx.nowMs + delayMs };
}
