// Webhook delivery: create a delivery once, then attempt it whenever it is due. Callers (the run
// Durable Object's alarm, the test and redeliver routes, a sweeper) hold only delivery ids; every
// decision is persisted in D1 before or with its side effect, so calls can repeat safely.
import { isoFromMs, nowMs as clockNowMs } from "../clock";
import { readConfig } from "../config";
import { SecretBoxError } from "../crypto/secret-box";
import type { DeliveryStatus, WebhookEvent } from "../db/schema";
import type { Env } from "../env";
import { newId } from "../ids";
import { type AttemptResult, decideAfterAttempt, decideAfterSecretFailure, secretFailureLimit } from "./attempt-outcome";
import { findWebhookConfig, findWebhookSubscription, type WebhookConfigRow, webhookEffectStatement } from "./config-store";
import { outgoingHeaders } from "./custom-headers";
import {
  claimAttempt, type DeliveryRow, dueDeliveryIds, findDelivery, insertDelivery, markSkipped, recordAttemptStatements, recordSecretFailure,
  reopenForRedelivery,
} from "./delivery-store";
import { deliveryPayload } from "./events";
import { postWebhook } from "./post-webhook";
import { parseRetrySchedule } from "./retry-schedule";
import { signingSecretsAt } from "./rotation";
import { webhookHeaders } from "./signing";
import { checkWebhookTarget } from "./url-guard";

/**
 * A claimed attempt holds its delivery this long past its own timeout (ms): a duplicate alarm in
 * that window finds nothing due, and a worker that died mid-send releases the delivery after it.
 * The host lookup before the send (at most DNS_TIMEOUT_MS) fits in it.
 */
const ATTEMPT_LEASE_MARGIN_MS = 30_000;

export type AttemptSummary = { number: number; statusCode: number | null; durationMs: number; error: string | null };

export type AttemptReport = {
  status: "delivered" | "retry" | "failed" | "skipped";
  /** Epoch ms when the delivery is next due (status "retry"), else null: the caller's next alarm. */
  nextAttemptAt: number | null;
  /** Present only when this call made (and logged) an attempt. */
  attempt?: AttemptSummary;
};

export type NewDeliveryInput = {
  companyId: string;
  webhookId: string;
  event: WebhookEvent;
  data: unknown;
  runId?: string | null;
  /** Give the same id on a retry of the caller's step, and the delivery is created once. */
  deliveryId?: string;
  /** Epoch ms of creation, for tests; the clock otherwise. */
  nowMs?: number;
};

/**
 * How an attempt reads the time. Each moment is read when it is used — the claim (and its lease),
 * the signature, the outcome — so a slow lookup, a slow receiver or a long sweep before it never
 * leaves a stale one. `nowMs` pins every reading of one attempt, for tests that drive retries.
 */
export type AttemptOptions = { nowMs?: number; random?: () => number };

/**
 * Create a pending delivery, due now. Its body (with `timestamp` and `deliveryId` inside) is fixed
 * here. Nothing is created when the webhook does not exist for that company or does not subscribe
 * to the event; `status` is then "skipped" and attemptDelivery on the id reports "skipped" too.
 * A PING is a synchronous probe: one attempt, no retries.
 */
export async function createDelivery(
  db: D1Database,
  input: NewDeliveryInput,
): Promise<{ deliveryId: string; created: boolean; status: DeliveryStatus }> {
  const deliveryId = input.deliveryId ?? newId.delivery();
  const existing = await findDelivery(db, deliveryId);
  if (existing) return { deliveryId, created: false, status: existing.status };
  const webhook = await findWebhookSubscription(db, input.companyId, input.webhookId);
  if (!webhook || !webhook.events.includes(input.event)) return { deliveryId, created: false, status: "skipped" };
  const nowIso = isoFromMs(input.nowMs ?? clockNowMs());
  const created = await insertDelivery(db, {
    id: deliveryId,
    companyId: input.companyId,
    webhookId: input.webhookId,
    event: input.event,
    payload: deliveryPayload(input.event, deliveryId, nowIso, input.data),
    maxAttempts: input.event === "PING" ? 1 : 1 + webhook.maxRetries,
    runId: input.runId ?? null,
    nowIso,
  });
  return { deliveryId, created, status: "pending" };
}

/**
 * Make the delivery's next attempt if it is due, and never throw for an endpoint failure. A call
 * that is not due, or that lost the claim to a duplicate, sends nothing and reports the current state.
 */
export async function attemptDelivery(env: Env, deliveryId: string, opts: AttemptOptions = {}): Promise<AttemptReport> {
  const db = env.DB;
  const pinnedMs = opts.nowMs;
  const clock = pinnedMs === undefined ? clockNowMs : () => pinnedMs;
  const delivery = await findDelivery(db, deliveryId);
  if (!delivery) return { status: "skipped", nextAttemptAt: null };
  if (!isDue(delivery, isoFromMs(clock()))) return reportOf(delivery);

  const opened = await openDeliveryWebhook(env, delivery);
  if (!opened.ok) return backOffUnopenableSecret(env, delivery, opened.reason, clock, opts.random);
  const webhook = opened.webhook;
  if (!webhook || !webhook.isActive) {
    // Deleted, disabled (410) or circuit open: nothing is sent until the tenant acts; a redelivery recovers it.
    await markSkipped(db, deliveryId, isoFromMs(clock()));
    return { status: "skipped", nextAttemptAt: null };
  }

  const attemptNumber = delivery.attemptCount + 1;
  const claimedAtMs = clock();
  const claimed = await claimAttempt(db, {
    id: deliveryId,
    seenCount: delivery.attemptCount,
    nowIso: isoFromMs(claimedAtMs),
    leaseUntilIso: isoFromMs(claimedAtMs + webhook.timeoutMs + ATTEMPT_LEASE_MARGIN_MS),
  });
  if (!claimed) {
    const current = await findDelivery(db, deliveryId);
    return current ? reportOf(current) : { status: "skipped", nextAttemptAt: null };
  }

  const { attemptedAtMs, result } = await sendAttempt(env, webhook, delivery, clock);
  // The next attempt counts from when this one ended, not from when it began (a timeout can be 30 s).
  const decidedAtMs = clock();
  const decision = decideAfterAttempt(result, {
    attemptNumber,
    maxAttempts: delivery.maxAttempts,
    schedule: parseRetrySchedule(readConfig(env).webhookRetryScheduleS),
    nowMs: decidedAtMs,
    isProbe: delivery.event === "PING",
    random: opts.random,
  });
  const nextAttemptAtIso = decision.nextAttemptAtMs === null ? null : isoFromMs(decision.nextAttemptAtMs);
  const effect = webhookEffectStatement(db, webhook.id, decision.webhookEffect, isoFromMs(decidedAtMs));
  await db.batch([
    ...recordAttemptStatements(db, {
      deliveryId, attemptNumber, attemptedAtIso: isoFromMs(attemptedAtMs), statusCode: result.statusCode, durationMs: result.durationMs,
      error: result.error, deliveryStatus: decision.deliveryStatus, nextAttemptAtIso,
    }),
    ...(effect ? [effect] : []),
  ]);
  return {
    status: decision.deliveryStatus === "pending" ? "retry" : decision.deliveryStatus,
    nextAttemptAt: decision.nextAttemptAtMs,
    attempt: { number: attemptNumber, statusCode: result.statusCode, durationMs: result.durationMs, error: result.error },
  };
}

export type TestPingResult = { success: boolean; deliveryId: string; httpStatus: number | null; durationMs: number; message: string };

/** POST /webhooks/{id}/test: a PING delivery attempted now, once. The caller checks the subscription. */
export async function sendTestPing(env: Env, webhook: WebhookConfigRow, opts: { nowMs?: number } = {}): Promise<TestPingResult> {
  const data = { webhookId: webhook.id, message: "Test event from Scoutflare" };
  const { deliveryId } = await createDelivery(env.DB, { companyId: webhook.companyId, webhookId: webhook.id, event: "PING", data, nowMs: opts.nowMs });
  const report = await attemptDelivery(env, deliveryId, { nowMs: opts.nowMs });
  const attempt = report.attempt;
  if (!attempt) {
    return { success: false, deliveryId, httpStatus: null, durationMs: 0, message: "The webhook is inactive; reset its circuit to send to it again" };
  }
  const success = report.status === "delivered";
  const message = success ? `Delivered: the endpoint answered ${attempt.statusCode} in ${attempt.durationMs} ms` : `Not delivered: ${attempt.error}`;
  return { success, deliveryId, httpStatus: attempt.statusCode, durationMs: attempt.durationMs, message };
}

/**
 * POST /webhooks/deliveries/{id}/redeliver: the same delivery (same id, same bytes, so receivers can
 * deduplicate) attempted again now. A finished delivery gets exactly one more attempt; a pending
 * one keeps its retry budget and is brought forward. Null when the company has no such delivery.
 */
export async function redeliver(env: Env, companyId: string, deliveryId: string, opts: { nowMs?: number } = {}): Promise<AttemptReport | null> {
  const reopened = await reopenForRedelivery(env.DB, companyId, deliveryId, isoFromMs(opts.nowMs ?? clockNowMs()));
  if (!reopened) return null;
  return attemptDelivery(env, deliveryId, { nowMs: opts.nowMs });
}

/**
 * Attempt every due delivery, up to `limit` (each is up to three subrequests: two lookups and the
 * POST): for a cron or a sweeping alarm. The clock picks what is due; each attempt reads it again,
 * since those behind a slow receiver start minutes later than the sweep did.
 */
export async function attemptDueDeliveries(env: Env, opts: { limit?: number; random?: () => number } = {}): Promise<AttemptReport[]> {
  const ids = await dueDeliveryIds(env.DB, isoFromMs(clockNowMs()), opts.limit ?? 50);
  const reports: AttemptReport[] = [];
  for (const id of ids) {
    try {
      reports.push(await attemptDelivery(env, id, { random: opts.random }));
    } catch (err) {
      // One broken delivery (D1 failing on it) must not stall the sweep for the rest.
      console.error(JSON.stringify({ level: "error", msg: "delivery sweep attempt failed", deliveryId: id, error: String(err) }));
    }
  }
  return reports;
}

// ---- glue --------------------------------------------------------------------------------------

function isDue(d: DeliveryRow, nowIso: string): boolean {
  return d.status === "pending" && d.nextAttemptAt !== null && d.nextAttemptAt <= nowIso;
}

function reportOf(d: DeliveryRow): AttemptReport {
  if (d.status === "pending") return { status: "retry", nextAttemptAt: d.nextAttemptAt === null ? null : Date.parse(d.nextAttemptAt) };
  return { status: d.status, nextAttemptAt: null };
}

type OpenedWebhook = { ok: true; webhook: WebhookConfigRow | undefined } | { ok: false; reason: string };

/** The delivery's webhook, secrets opened. A secret that will not open is a value here, not a throw. */
async function openDeliveryWebhook(env: Env, delivery: DeliveryRow): Promise<OpenedWebhook> {
  try {
    return { ok: true, webhook: await findWebhookConfig(env, delivery.companyId, delivery.webhookId) };
  } catch (err) {
    if (err instanceof SecretBoxError) return { ok: false, reason: err.message };
    throw err;
  }
}

/**
 * Nothing can be signed, so nothing is sent: the delivery is pushed back on the retry schedule in
 * D1 (it stops being due, so it no longer holds a place at the head of the sweep) and fails after
 * secretFailureLimit looks. Logged for the operator: the cause is our key, not the receiver.
 */
async function backOffUnopenableSecret(env: Env, delivery: DeliveryRow, reason: string, clock: () => number, random?: () => number): Promise<AttemptReport> {
  const schedule = parseRetrySchedule(readConfig(env).webhookRetryScheduleS);
  const secretFailures = delivery.secretFailures + 1;
  const lookedAtMs = clock();
  const decision = decideAfterSecretFailure({ secretFailures, schedule, nowMs: lookedAtMs, random });
  console.error(JSON.stringify({
    level: "error", msg: "webhook secrets cannot be opened: delivery not sent", deliveryId: delivery.id, webhookId: delivery.webhookId,
    secretFailures, limit: secretFailureLimit(schedule), deliveryStatus: decision.deliveryStatus, error: reason,
  }));
  const recorded = await recordSecretFailure(env.DB, {
    id: delivery.id,
    seenSecretFailures: delivery.secretFailures,
    nowIso: isoFromMs(lookedAtMs),
    status: decision.deliveryStatus,
    nextAttemptAtIso: decision.nextAttemptAtMs === null ? null : isoFromMs(decision.nextAttemptAtMs),
  });
  if (!recorded) {
    const current = await findDelivery(env.DB, delivery.id);
    return current ? reportOf(current) : { status: "skipped", nextAttemptAt: null };
  }
  return { status: decision.deliveryStatus === "pending" ? "retry" : "failed", nextAttemptAt: decision.nextAttemptAtMs };
}

/**
 * Re-check the URL and resolve its host (a row may have been edited, a name may point elsewhere
 * since it was validated), sign, and POST. A refused or unresolvable URL is a failed attempt.
 */
async function sendAttempt(env: Env, webhook: WebhookConfigRow, delivery: DeliveryRow, clock: () => number): Promise<{ attemptedAtMs: number; result: AttemptResult }> {
  const config = readConfig(env);
  const guard = await checkWebhookTarget(webhook.url, { allowLocalhost: config.webhookAllowLocalhost, resolverUrl: config.webhookDnsResolverUrl });
  // Read after the lookup: receivers check webhook-timestamp against their own clock (Standard Webhooks: 5 min).
  const attemptedAtMs = clock();
  if (!guard.ok) {
    return { attemptedAtMs, result: { statusCode: null, durationMs: 0, error: `not sent: URL refused at send time (${guard.reason})`, retryAfterS: null } };
  }
  const signed = await webhookHeaders({
    id: delivery.id,
    timestamp: Math.floor(attemptedAtMs / 1000),
    body: delivery.payload,
    secrets: signingSecretsAt(webhook, attemptedAtMs),
  });
  const result = await postWebhook({
    url: guard.url.href, body: delivery.payload, headers: outgoingHeaders(webhook.headers, signed), timeoutMs: webhook.timeoutMs, nowMs: attemptedAtMs,
  });
  return { attemptedAtMs, result };
}
