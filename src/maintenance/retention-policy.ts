// How long each kind of record is kept, as the instants before which the daily pass purges it (pure).
// Retention is counted from when a record stopped changing: a request from when it ended, a webhook
// delivery from its last attempt or change, an idempotency record from its expiry. Ledger entries
// are money and are never purged.
import type { RetentionDays } from "../config";

const DAY_MS = 24 * 60 * 60 * 1000;

/** ISO instants; null: that kind is kept forever (its retention is 0 days). */
export type RetentionCutoffs = {
  runsEndedBefore: string | null;
  deliveriesFinishedBefore: string | null;
  idempotencyExpiredBefore: string | null;
};

const before = (nowMs: number, days: number): string | null => (days > 0 ? new Date(nowMs - days * DAY_MS).toISOString() : null);

export function retentionCutoffs(nowMs: number, days: RetentionDays): RetentionCutoffs {
  return {
    runsEndedBefore: before(nowMs, days.runs),
    deliveriesFinishedBefore: before(nowMs, days.webhookDeliveries),
    idempotencyExpiredBefore: before(nowMs, days.idempotency),
  };
}

/** The UTC day ('YYYY-MM-DD') an instant falls on: the daily pass runs to completion once per such day. */
export const utcDay = (nowMs: number): string => new Date(nowMs).toISOString().slice(0, 10);

/** One bounded chunk of a purge: rows deleted, and whether the purge found nothing more to do. */
export type PurgeStep = { deleted: number; drained: boolean };

export const NOTHING_TO_PURGE: PurgeStep = { deleted: 0, drained: true };

/**
 * Run a purge's chunks until it is drained or `maxChunks` have run (the invocation's bound). The
 * result is drained only if the last chunk was: otherwise the pass continues in a later invocation.
 */
export async function purgeInChunks(maxChunks: number, chunk: () => Promise<PurgeStep>): Promise<PurgeStep> {
  let deleted = 0;
  for (let i = 0; i < maxChunks; i++) {
    const step = await chunk();
    deleted += step.deleted;
    if (step.drained) return { deleted, drained: true };
  }
  return { deleted, drained: false };
}
