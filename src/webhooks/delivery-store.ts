// D1 access for deliveries and their attempt log. Knows nothing of HTTP; every state change is one
// conditional statement (or one batch), because D1 has no interactive transactions.
import { and, asc, desc, eq, lt, or } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { nowIso as clockNowIso } from "../clock";
import { type DeliveryStatus, webhookAttempts, webhookDeliveries, type WebhookEvent } from "../db/schema";

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;

export type NewDelivery = {
  id: string;
  companyId: string;
  webhookId: string;
  event: WebhookEvent;
  payload: string;
  maxAttempts: number;
  runId: string | null;
  nowIso: string;
};

/** Insert a pending delivery due now. A second call with the same id changes nothing. */
export async function insertDelivery(db: D1Database, d: NewDelivery): Promise<boolean> {
  const result = await db
    .prepare(
      `INSERT INTO webhook_deliveries (id, company_id, webhook_id, event, payload, status, attempt_count, max_attempts, next_attempt_at, run_id, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, 'pending', 0, ?6, ?7, ?8, ?7, ?7)
       ON CONFLICT (id) DO NOTHING`,
    )
    .bind(d.id, d.companyId, d.webhookId, d.event, d.payload, d.maxAttempts, d.nowIso, d.runId)
    .run();
  return result.meta.changes === 1;
}

/** Any company's delivery: for the dispatcher, which is handed ids it created itself. */
export function findDelivery(db: D1Database, id: string): Promise<DeliveryRow | undefined> {
  return drizzle(db).select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get();
}

/** A delivery as a tenant may see it: another company's id is simply not found. */
export function findCompanyDelivery(db: D1Database, companyId: string, id: string): Promise<DeliveryRow | undefined> {
  return drizzle(db)
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.companyId, companyId)))
    .get();
}

/** Newest first; `before` (the last row of the previous page) pages backwards. */
export function listWebhookDeliveries(
  db: D1Database,
  q: { companyId: string; webhookId: string; limit: number; before?: { createdAt: string; id: string } },
): Promise<DeliveryRow[]> {
  return drizzle(db)
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.webhookId, q.webhookId),
        eq(webhookDeliveries.companyId, q.companyId),
        q.before
          ? or(
              lt(webhookDeliveries.createdAt, q.before.createdAt),
              and(eq(webhookDeliveries.createdAt, q.before.createdAt), lt(webhookDeliveries.id, q.before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(q.limit)
    .all();
}

export function listAttempts(db: D1Database, deliveryId: string): Promise<AttemptRow[]> {
  return drizzle(db).select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(asc(webhookAttempts.attemptNumber)).all();
}

/**
 * Take attempt number `seenCount + 1`, persisted before anything is sent. It succeeds only if no one
 * else took it (attempt_count still `seenCount`), the delivery is pending and due. The next attempt
 * time moves to `leaseUntilIso`, so a duplicate alarm arriving while this attempt is in flight finds
 * nothing due; if this worker dies mid-send, the delivery becomes due again when the lease ends.
 */
export async function claimAttempt(
  db: D1Database,
  c: { id: string; seenCount: number; nowIso: string; leaseUntilIso: string },
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE webhook_deliveries SET attempt_count = attempt_count + 1, next_attempt_at = ?4, secret_failures = 0, updated_at = ?3
       WHERE id = ?1 AND attempt_count = ?2 AND status = 'pending' AND next_attempt_at <= ?3`,
    )
    .bind(c.id, c.seenCount, c.nowIso, c.leaseUntilIso)
    .run();
  return result.meta.changes === 1;
}

/**
 * A look at a due delivery that found its webhook's secrets unopenable: it moves to `next` (pushed
 * back, or failed) and counts the look. Conditional on the count seen and on still being due, so two
 * sweeps looking at once count once; the attempt count is untouched, since nothing was sent.
 */
export async function recordSecretFailure(
  db: D1Database,
  f: { id: string; seenSecretFailures: number; nowIso: string; status: "pending" | "failed"; nextAttemptAtIso: string | null },
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE webhook_deliveries SET secret_failures = secret_failures + 1, status = ?4, next_attempt_at = ?5, updated_at = ?3
       WHERE id = ?1 AND secret_failures = ?2 AND status = 'pending' AND next_attempt_at <= ?3`,
    )
    .bind(f.id, f.seenSecretFailures, f.nowIso, f.status, f.nextAttemptAtIso)
    .run();
  return result.meta.changes === 1;
}

/** A pending delivery whose webhook is gone, inactive or circuit-open: nothing is sent. */
export async function markSkipped(db: D1Database, id: string, nowIso: string): Promise<void> {
  await db
    .prepare(`UPDATE webhook_deliveries SET status = 'skipped', next_attempt_at = NULL, updated_at = ?2 WHERE id = ?1 AND status = 'pending'`)
    .bind(id, nowIso)
    .run();
}

export type RecordedAttempt = {
  deliveryId: string;
  attemptNumber: number;
  attemptedAtIso: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  deliveryStatus: Exclude<DeliveryStatus, "skipped">;
  nextAttemptAtIso: string | null;
};

/**
 * The attempt row and the delivery's new state. The update applies only while the delivery is
 * still on this attempt number, so a redelivery that overtook a slow attempt is not undone.
 */
export function recordAttemptStatements(db: D1Database, a: RecordedAttempt): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO webhook_attempts (delivery_id, attempt_number, attempted_at, status_code, duration_ms, error)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
      )
      .bind(a.deliveryId, a.attemptNumber, a.attemptedAtIso, a.statusCode, a.durationMs, a.error),
    db
      .prepare(
        `UPDATE webhook_deliveries SET status = ?3, next_attempt_at = ?4, last_status_code = ?5, updated_at = ?6
         WHERE id = ?1 AND attempt_count = ?2`,
      )
      .bind(a.deliveryId, a.attemptNumber, a.deliveryStatus, a.nextAttemptAtIso, a.statusCode, clockNowIso()),
  ];
}

/**
 * A manual redelivery. A pending delivery has its next attempt brought forward to now, keeping its
 * retry budget. A finished one (delivered, failed, skipped) becomes pending for exactly one more
 * attempt: nothing drives retries after a manual call, so granting more would strand it pending.
 */
export async function reopenForRedelivery(db: D1Database, companyId: string, id: string, nowIso: string): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE webhook_deliveries SET
         max_attempts = CASE WHEN status = 'pending' THEN max_attempts ELSE attempt_count + 1 END,
         status = 'pending', next_attempt_at = ?3, updated_at = ?3
       WHERE id = ?1 AND company_id = ?2`,
    )
    .bind(id, companyId, nowIso)
    .run();
  return result.meta.changes === 1;
}

/** Pending deliveries whose next attempt is due, oldest due first: for a sweeper (cron or alarm). */
export async function dueDeliveryIds(db: D1Database, nowIso: string, limit = 100): Promise<string[]> {
  const { results } = await db
    .prepare(`SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?2`)
    .bind(nowIso, limit)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}
