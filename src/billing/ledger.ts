// The credit ledger in D1. Entries are append-only; every one carries its own idempotency key, so
// a replayed step (a queue message or alarm arriving twice) inserts nothing the second time.
// Reservations follow a two-phase shape: reserve → settle (capture part, release the rest), once.
import type { CostKey } from "../db/schema";
import { nowIso } from "../clock";

export type Balance = { balance: number; reserved: number; available: number };

export async function readBalance(db: D1Database, companyId: string): Promise<Balance> {
  const row = await db
    .prepare(
      `SELECT COALESCE(SUM(balance_delta), 0) AS balance, COALESCE(SUM(reserved_delta), 0) AS reserved
       FROM credit_ledger WHERE company_id = ?1`,
    )
    .bind(companyId)
    .first<{ balance: number; reserved: number }>();
  const balance = row?.balance ?? 0;
  const reserved = row?.reserved ?? 0;
  return { balance, reserved, available: balance - reserved };
}

export function topUpStatement(
  db: D1Database,
  entry: { companyId: string; amount: number; idempotencyKey: string; reason: string | null },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO credit_ledger (company_id, entry_type, amount, balance_delta, reserved_delta, idempotency_key, reason, created_at)
       VALUES (?1, 'topup', ?2, ?2, 0, ?3, ?4, ?5)
       ON CONFLICT (company_id, idempotency_key) DO NOTHING`,
    )
    .bind(entry.companyId, entry.amount, entry.idempotencyKey, entry.reason, nowIso());
}

export type Reservation = {
  companyId: string;
  reservationId: string;
  amount: number;
  costKey: CostKey;
  // Prepaid companies may only reserve what is available; postpaid usage is recorded for invoicing.
  enforceAvailable: boolean;
};

/**
 * Reserve credits in one conditional statement: the availability check and the insert are a single
 * SQLite statement, so concurrent reservations serialize inside D1 and can never overdraw.
 * Inserts nothing when the balance is short or the reservation already exists.
 */
export function reserveStatement(db: D1Database, r: Reservation): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO credit_ledger (company_id, entry_type, amount, balance_delta, reserved_delta, reservation_id, cost_key, idempotency_key, created_at)
       SELECT ?1, 'reserve', ?2, 0, ?2, ?3, ?4, 'reserve:' || ?3, ?5
       WHERE ?6 = 0 OR (SELECT COALESCE(SUM(balance_delta - reserved_delta), 0) FROM credit_ledger WHERE company_id = ?1) >= ?2
       ON CONFLICT DO NOTHING`,
    )
    .bind(r.companyId, r.amount, r.reservationId, r.costKey, nowIso(), r.enforceAvailable ? 1 : 0);
}

/** True when the reservation exists (for statements that must only apply after a successful reserve). */
export const RESERVATION_EXISTS_SQL = `EXISTS (SELECT 1 FROM credit_ledger WHERE reservation_id = ? AND entry_type = 'reserve')`;

/**
 * A condition a settle must meet as well: the caller's state that makes this settle the right one
 * (e.g. "the run is still processing this round"), so a caller whose write lost a race settles
 * nothing. `sql(n)` renders it with its parameters numbered from ?n, after the settle's own.
 */
export type SettleCondition = { sql: (firstParam: number) => string; params: readonly unknown[] };

/**
 * An amount to capture that only the batch itself knows: a scalar SQL expression over what earlier
 * statements of the same batch wrote (e.g. the result rows a completion actually inserted), rendered
 * like a SettleCondition. A number known up front is the other way to say how much to capture.
 */
export type SettleAmount = { sql: (firstParam: number) => string; params: readonly unknown[] };

/**
 * Resolve a reservation exactly once: capture `captured` credits (never more than reserved) and
 * release the rest. Both statements are conditional on the reserve (and on `onlyIf`) and unique per
 * reservation, so replaying a settle changes nothing. Returns statements for the caller's batch
 * (one transaction).
 */
export function settleStatements(
  db: D1Database,
  s: { companyId: string; reservationId: string; captured: number | SettleAmount },
  onlyIf?: SettleCondition,
): D1PreparedStatement[] {
  const at = nowIso();
  const also = (firstParam: number) => (onlyIf ? `AND ${onlyIf.sql(firstParam)}` : "");
  const alsoParams = onlyIf?.params ?? [];
  // A computed amount is numbered after the condition's parameters (?3 then goes unused).
  const computed = typeof s.captured === "number" ? null : s.captured;
  const amount = computed ? `MAX(0, (${computed.sql(5 + alsoParams.length)}))` : "?3";
  const capture = db
    .prepare(
      `INSERT INTO credit_ledger (company_id, entry_type, amount, balance_delta, reserved_delta, reservation_id, cost_key, idempotency_key, created_at)
       SELECT r.company_id, 'capture', MIN(${amount}, r.amount), -MIN(${amount}, r.amount), -MIN(${amount}, r.amount), r.reservation_id, r.cost_key, 'capture:' || r.reservation_id, ?4
       FROM credit_ledger r
       WHERE r.company_id = ?1 AND r.reservation_id = ?2 AND r.entry_type = 'reserve' ${also(5)}
       ON CONFLICT DO NOTHING`,
    )
    .bind(s.companyId, s.reservationId, typeof s.captured === "number" ? Math.max(0, Math.floor(s.captured)) : 0, at, ...alsoParams, ...(computed?.params ?? []));
  // The release is computed from what was actually captured, so the two always sum to the reserve.
  const release = db
    .prepare(
      `INSERT INTO credit_ledger (company_id, entry_type, amount, balance_delta, reserved_delta, reservation_id, cost_key, idempotency_key, created_at)
       SELECT r.company_id, 'release', r.amount - COALESCE(c.amount, 0), 0, -(r.amount - COALESCE(c.amount, 0)), r.reservation_id, r.cost_key, 'release:' || r.reservation_id, ?3
       FROM credit_ledger r
       LEFT JOIN credit_ledger c ON c.reservation_id = r.reservation_id AND c.entry_type = 'capture'
       WHERE r.company_id = ?1 AND r.reservation_id = ?2 AND r.entry_type = 'reserve' ${also(4)}
       ON CONFLICT DO NOTHING`,
    )
    .bind(s.companyId, s.reservationId, at, ...alsoParams);
  return [capture, release];
}

export async function settleReservation(
  db: D1Database,
  s: { companyId: string; reservationId: string; captured: number },
): Promise<void> {
  await db.batch(settleStatements(db, s));
}

/** Credits captured from one reservation (0 while unresolved or when nothing was captured). */
export async function capturedCredits(db: D1Database, reservationId: string): Promise<number> {
  const row = await db
    .prepare(`SELECT amount FROM credit_ledger WHERE reservation_id = ?1 AND entry_type = 'capture'`)
    .bind(reservationId)
    .first<{ amount: number }>();
  return row?.amount ?? 0;
}
