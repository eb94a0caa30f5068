// Webhook delivery: create a delivery once, then attempt it whenever it is due. Callers (the run
// Durable Object's alarm, the test and redeliver routes, a sweeper) hold only delivery ids; every
// decision is persisted in D1 before or with its side effect, so calls can repeat safely.
import { isoFromMs } from "../clock";
import { readConfig } from "../config";
import type { DeliveryStatus, WebhookEvent } from "../db/schema";
import type { Env } from "../env";
import { newId } from "../ids";
import { type AttemptResult, decideAfterAttempt } from "./attempt-outcome";
import { findWebhookConfig, findWebhookSubscription, type WebhookConfigRow, webhookEffectStatement } from "./config-store";
import { outgoingHeaders } from "./custom-headers";
import {
  claimAttempt, type DeliveryRow, dueDeliveryIds, findDelivery, insertDelivery, markSkipped, recordAttemptStatements, reopenForRedelivery,
} from "./delivery-store";
import { deliveryPayload } from "./events";
import { postWebhook } from "./post-webhook";
import { parseRetrySchedule } from "./retry-schedule";
import { signingSecretsAt } from "./rotation";
import { webhookHeaders } from "./signing";
import { checkWebhookUrl } from "./url-guard";

/**
 * A claimed attempt holds its delivery this long past its own timeout (ms): a duplicate alarm in
 * that window finds nothing due, and a worker that died mid-send releases the delivery after it.
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
  nowMs?: number;
};

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
  const nowIso = isoFromMs(input.nowMs ?? Date.now());
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
export async function attemptDelivery(env: Env, deliveryId: string, opts: { nowMs?: number; random?: () => number } = {}): Promise<AttemptReport> {
  const db = env.DB;
  const nowMs = opts.nowMs ?? Date.now();
  const nowIso = isoFromMs(nowMs);
  const delivery = await findDelivery(db, deliveryId);
  if (!delivery) return { status: "skipped", nextAttemptAt: null };
  if (!isDue(delivery, nowIso)) return reportOf(delivery);

  const webhook = await findWebhookConfig(env, delivery.companyId, delivery.webhookId);
  if (!webhook || !webhook.isActive) {
    // Deleted, disabled (410) or circuit open: nothing is sent until the tenant acts; a redelivery recovers it.
    await markSkipped(db, deliveryId, nowIso);
    return { status: "skipped", nextAttemptAt: null };
  }

  const attemptNumber = delivery.attemptCount + 1;
  const claimed = await claimAttempt(db, {
    id: deliveryId,
    seenCount: delivery.attemptCount,
    nowIso,
    leaseUntilIso: isoFromMs(nowMs + webhook.timeoutMs + ATTEMPT_LEASE_MARGIN_MS),
  });
  if (!claimed) {
    const current = await findDelivery(db, deliveryId);
    return current ? reportOf(current) : { status: "skipped", nextAttemptAt: null };
  }

  const result = await sendAttempt(env, webhook, delivery, nowMs);
  const decision = decideAfterAttempt(result, {
    attemptNumber,
    maxAttempts: delivery.maxAttempts,
    schedule: parseRetrySchedule(readConfig(env).webhookRetryScheduleS),
    nowMs,
    isProbe: delivery.event === "PING",
    random: opts.random,
  });
  const nextAttemptAtIso = decision.nextAttemptAtMs === null ? null : isoFromMs(decision.nextAttemptAtMs);
  const effect = webhookEffectStatement(db, webhook.id, decision.webhookEffect, nowIso);
  await db.batch([
    ...recordAttemptStatements(db, {
      deliveryId, attemptNumber, attemptedAtIso: nowIso, statusCode: result.statusCode, durationMs: result.durationMs,
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
  const nowMs = opts.nowMs ?? Date.now();
  const data = { webhookId: webhook.id, message: "Test event from Scoutflare" };
  const { deliveryId } = await createDelivery(env.DB, { companyId: webhook.companyId, webhookId: webhook.id, event: "PING", data, nowMs });
  const report = await attemptDelivery(env, deliveryId, { nowMs });
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
  const nowMs = opts.nowMs ?? Date.now();
  const reopened = await reopenForRedelivery(env.DB, companyId, deliveryId, isoFromMs(nowMs));
  if (!reopened) return null;
  return attemptDelivery(env, deliveryId, { nowMs });
}

/** Attempt every due delivery, up to `limit` (each is one subrequest): for a cron or a sweeping alarm. */
export async function attemptDueDeliveries(env: Env, opts: { nowMs?: number; limit?: number } = {}): Promise<AttemptReport[]> {
  const nowMs = opts.nowMs ?? Date.now();
  const ids = await dueDeliveryIds(env.DB, isoFromMs(nowMs), opts.limit ?? 50);
  const reports: AttemptReport[] = [];
  for (const id of ids) {
    try {
      reports.push(await attemptDelivery(env, id, { nowMs }));
    } catch (err) {
      // One broken delivery (e.g. a secret that no longer opens) must not stall the sweep for the rest.
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

/** Re-check the URL (a row may have been edited since it was validated), sign, and POST. */
async function sendAttempt(env: Env, webhook: WebhookConfigRow, delivery: DeliveryRow, nowMs: number): Promise<AttemptResult> {
  const guard = checkWebhookUrl(webhook.url, { allowLocalhost: readConfig(env).webhookAllowLocalhost });
  if (!guard.ok) return { statusCode: null, durationMs: 0, error: `not sent: URL refused at send time (${guard.reason})`, retryAfterS: null };
  const signed = await webhookHeaders({
    id: delivery.id,
    timestamp: Math.floor(nowMs / 1000),
    body: delivery.payload,
    secrets: signingSecretsAt(webhook, nowMs),
  });
  return postWebhook({ url: guard.url.href, body: delivery.payload, headers: outgoingHeaders(webhook.headers, signed), timeoutMs: webhook.timeoutMs, nowMs });
}
