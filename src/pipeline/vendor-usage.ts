// What each request cost at the people-data vendors (migration 0008 vendor_usage): calls made and
// records bought, so an operator can read a run's vendor cost next to its credits.
import { nowIso } from "../clock";

export type VendorOperation = "search" | "enrich";

/** One call's worth: `records` is what the vendor billed for it (0 for a failed call or a no-match). */
export type VendorCall = { runId: string; companyId: string; vendor: string; operation: VendorOperation; ok: boolean; records: number };

export type VendorUsage = { vendor: string; operation: VendorOperation; calls: number; failedCalls: number; records: number };

/**
 * Add one call to its request's counters: one statement, so concurrent calls of one request (the
 * enrichment of ten profiles at once) add up instead of overwriting each other. Never throws: the
 * count is bookkeeping, and a search or an enrichment that succeeded must not fail for it.
 */
export async function recordVendorCall(db: D1Database, c: VendorCall): Promise<void> {
  try {
    await db
      .prepare(
        `INSERT INTO vendor_usage (run_id, company_id, vendor, operation, calls, failed_calls, records, updated_at)
         VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7)
         ON CONFLICT (run_id, vendor, operation) DO UPDATE SET calls = calls + 1, failed_calls = failed_calls + ?5,
           records = records + ?6, updated_at = ?7`,
      )
      .bind(c.runId, c.companyId, c.vendor, c.operation, c.ok ? 0 : 1, Math.max(0, Math.floor(c.records)), nowIso())
      .run();
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "vendor usage not recorded", runId: c.runId, vendor: c.vendor, operation: c.operation, records: c.records, error: String(err) }));
  }
}

/** A request's vendor usage, one entry per vendor and operation (empty when it used none). */
export async function vendorUsageOf(db: D1Database, companyId: string, runId: string): Promise<VendorUsage[]> {
  const { results } = await db
    .prepare(
      `SELECT vendor, operation, calls, failed_calls AS failedCalls, records FROM vendor_usage
       WHERE run_id = ?1 AND company_id = ?2 ORDER BY vendor, operation`,
    )
    .bind(runId, companyId)
    .all<VendorUsage>();
  return results;
}
