// A Durable Object's webhook outbox: the deliveries it owes and when each is next due. The object's
// alarm attempts what is due; the attempt number itself is claimed in D1 by attemptDelivery, so an
// alarm that fires twice cannot send twice.
import { nowMs } from "../clock";
import type { Env } from "../env";
import { newId } from "../ids";
import { attemptDelivery, createDelivery } from "./dispatcher";
import type { WebhookEvent } from "./events";

/**
 * One event owed under its key. `dueAt` (ms epoch) is when to attempt it next; null once settled.
 * A settled entry stays as a tombstone: the key's delivery id is the event's id for good, so a step
 * that runs again after its delivery settled (a retried step, an alarm interleaved with the step's
 * D1 write) finds the id it had, and never mints a second one — which would reach the receiver as
 * a second event it cannot deduplicate. One small entry per event the object ever owed.
 */
type OutboxEntry = { deliveryId: string; dueAt: number | null };
const KEY = "outbox";
// After a system failure (D1 down) the entry is looked at again this much later (ms); an endpoint
// failure or an unopenable secret is not this: each is a value, scheduled by the retry schedule.
const SYSTEM_FAILURE_BACKOFF_MS = 60_000;

export class DeliveryOutbox {
  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly env: Env,
  ) {}

  private async entries(): Promise<Record<string, OutboxEntry>> {
    return (await this.storage.get<Record<string, OutboxEntry>>(KEY)) ?? {};
  }

  /** Read-modify-write of one entry; the others are re-read, as an attempt may have moved them meanwhile. */
  private async put(key: string, entry: OutboxEntry): Promise<void> {
    await this.storage.put(KEY, { ...(await this.entries()), [key]: entry });
  }

  /**
   * Owe one delivery per `key` (e.g. "round:2"). Its id is stored before the delivery is created, so
   * a replayed step reuses it and D1 ends up with one delivery, not two. A key seen before keeps its
   * id, settled or not; the entry is live again only while D1 holds that delivery pending.
   */
  async schedule(key: string, d: { companyId: string; webhookId: string; event: WebhookEvent; data: unknown; runId: string }): Promise<void> {
    const known = (await this.entries())[key];
    const deliveryId = known?.deliveryId ?? newId.delivery();
    if (!known) await this.put(key, { deliveryId, dueAt: nowMs() });
    const { status } = await createDelivery(this.env.DB, { ...d, deliveryId });
    // Pending: owed, whether just created or created by an earlier run of this step that an alarm
    // settled too early (it found no row yet). Anything else — the webhook is gone or not subscribed,
    // or the delivery already finished — owes nothing more.
    const live = ((await this.entries())[key]?.dueAt ?? null) !== null;
    if (status === "pending" && !live) await this.put(key, { deliveryId, dueAt: nowMs() });
    if (status !== "pending" && live) await this.settle(key, deliveryId);
  }

  /** The earliest time a delivery is due, or null when nothing is owed. */
  async nextDueAt(): Promise<number | null> {
    const due = Object.values(await this.entries()).flatMap((e) => (e.dueAt === null ? [] : [e.dueAt]));
    return due.length ? Math.min(...due) : null;
  }

  /**
   * Attempt every due delivery; keep the ones to retry with their new due time, settle the finished.
   * The clock picks what is due; each attempt reads it again for its own signature and lease.
   */
  async attemptDue(): Promise<void> {
    const passStartedMs = nowMs();
    for (const [key, entry] of Object.entries(await this.entries())) {
      if (entry.dueAt === null || entry.dueAt > passStartedMs) continue;
      let nextAt: number | null;
      try {
        nextAt = (await attemptDelivery(this.env, entry.deliveryId)).nextAttemptAt;
      } catch (err) {
        console.error(JSON.stringify({ level: "error", msg: "delivery attempt failed", deliveryId: entry.deliveryId, error: String(err) }));
        nextAt = nowMs() + SYSTEM_FAILURE_BACKOFF_MS;
      }
      if (nextAt === null) await this.settle(key, entry.deliveryId);
      else await this.put(key, { deliveryId: entry.deliveryId, dueAt: nextAt });
    }
  }

  private async settle(key: string, deliveryId: string): Promise<void> {
    await this.put(key, { deliveryId, dueAt: null });
  }
}
