// Usage for invoicing and dashboards: what was captured, per cost key, in a period. Reserves and
// releases are not usage — only a capture is money actually spent.
import { COST_KEYS, type CostKey } from "../db/schema";

/** A half-open period [start, end), both ISO 8601 UTC with milliseconds like the ledger's created_at. */
export type UsagePeriod = { start: string; end: string };

export const DEFAULT_USAGE_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The period a usage query covers: `end` defaults to now and `start` to 30 days before `end`. A
 * date without a time means midnight UTC at the start of that day. Returns null when start is not
 * before end, which the route reports as a 400.
 */
export function resolveUsagePeriod(query: { start?: string; end?: string }, nowMs: number): UsagePeriod | null {
  const startMs = query.start === undefined ? undefined : Date.parse(query.start);
  const endMs = query.end === undefined ? undefined : Date.parse(query.end);
  const end = endMs ?? nowMs;
  const start = startMs ?? end - DEFAULT_USAGE_DAYS * DAY_MS;
  if (!Number.isFinite(start) || !Number.isFinite(end) || start >= end) return null;
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

export type CostKeyUsage = { costKey: CostKey; events: number; creditsUsed: number };
export type Usage = { totalCreditsUsed: number; breakdownByCostKey: CostKeyUsage[] };

/**
 * Captured credits per cost key in `period`. Every cost key is listed, zeros included, so clients
 * need not know which ones a company has used. `events` counts captures that charged something
 * (amount > 0): a run that delivered nothing settles with a zero capture, and counting it would
 * report a billable event that cost nothing.
 */
export async function readUsage(db: D1Database, companyId: string, period: UsagePeriod): Promise<Usage> {
  // Served by credit_ledger_usage (company_id, entry_type, created_at).
  const { results } = await db
    .prepare(
      `SELECT cost_key AS costKey, SUM(amount > 0) AS events, SUM(amount) AS creditsUsed
       FROM credit_ledger
       WHERE company_id = ?1 AND entry_type = 'capture' AND created_at >= ?2 AND created_at < ?3
       GROUP BY cost_key`,
    )
    .bind(companyId, period.start, period.end)
    .all<{ costKey: CostKey; events: number; creditsUsed: number }>();
  return summarizeUsage(results);
}

/** Fill in every cost key (in the contract's order) and total the credits. */
export function summarizeUsage(rows: readonly { costKey: CostKey; events: number; creditsUsed: number }[]): Usage {
  const breakdownByCostKey = COST_KEYS.map((costKey) => {
    const row = rows.find((r) => r.costKey === costKey);
    return { costKey, events: row?.events ?? 0, creditsUsed: row?.creditsUsed ?? 0 };
  });
  return { totalCreditsUsed: breakdownByCostKey.reduce((sum, k) => sum + k.creditsUsed, 0), breakdownByCostKey };
}
