// The circuit breakers' state in D1 (source_health), shared by every run and isolate.
import type { BreakerState } from "./resilience";

export async function readBreaker(db: D1Database, key: string): Promise<BreakerState> {
  const row = await db
    .prepare(`SELECT consecutive_failures AS consecutiveFailures, opened_until AS openedUntil FROM source_health WHERE source = ?1`)
    .bind(key)
    .first<BreakerState>();
  return row ?? { consecutiveFailures: 0, openedUntil: null };
}

export async function writeBreaker(db: D1Database, key: string, s: BreakerState): Promise<void> {
  await db
    .prepare(
      `INSERT INTO source_health (source, consecutive_failures, opened_until) VALUES (?1, ?2, ?3)
       ON CONFLICT (source) DO UPDATE SET consecutive_failures = ?2, opened_until = ?3`,
    )
    .bind(key, s.consecutiveFailures, s.openedUntil)
    .run();
}
