// A run's language-model spend in D1 (migration 0009), for GET /sourcing/{id}. The run's object holds
// the running total (its storage, with the ICP or the reviews it paid for) and writes it here whole.
import type { LlmUsage } from "../pipeline/llm/run-usage";

/**
 * Unconditional on the run's status: tokens spent are spent, whoever ended the round meanwhile. A
 * purged run has no row, and the write then changes nothing.
 */
export async function recordLlmUsage(db: D1Database, runId: string, usage: LlmUsage): Promise<void> {
  await db.prepare(`UPDATE sourcing_runs SET llm_usage = ?2 WHERE id = ?1`).bind(runId, JSON.stringify(usage)).run();
}
