// A Durable Object's webhook outbox: the deliveries it owes and when each is next due. The object's
// alarm attempts what is due; the attempt number itself is claimed in D1 by attemptDelivery, so an
// alarm that fires twice cannot send twice.
import type { Env } from "../env";
import { attemptDelivery, createDelivery } from "./dispatcher";
import type { WebhookEvent } from "./events";

type OutboxEntry = { deliveryId: string; dueAt: number }; // dueAt: ms epoch
const KEY = "outbox";
// After a system failure (D1, an unreadable secret) the entry is looked at again this much later (ms);
// an endpoint failure is not this: it is a value, scheduled by the retry schedule.
const SYSTEM_FAILURE_BACKOFF_MS = 60_000;

export class DeliveryOutbox {
  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly env: Env,
  ) {}

  private async entries(): Promise<Record<string, OutboxEntry>> {
    return (await this.storage.get<Record<string, OutboxEntry>>(KEY)) ?? {};
  }

  /**
   * Owe one delivery per `key` (e.g. "round:2"). Its id is stored before the delivery is created, so
   * a replayed step reuses it and D1 ends up with one delivery, not two.
   */
  async schedule(key: string, d: { companyId: string; webhookId: string; event: WebhookEvent; data: unknown; runId: string }): Promise<void> {
    const entries = await this.entries();
    const entry = entries[key] ?? { deliveryId: `msg_${crypto.randomUUID()}`, dueAt: Date.now() };
    if (!entries[key]) await this.storage.put(KEY, { ...entries, [key]: entry });
    const { created, status } = await createDelivery(this.env.DB, { ...d, deliveryId: entry.deliveryId });
    // The webhook is gone or no longer subscribed: nothing is owed.
    if (!created && status === "skipped") await this.settle(key);
  }

  /** The earliest time a delivery is due, or null when nothing is owed. */
  async nextDueAt(): Promise<number | null> {
    const due = Object.values(await this.entries()).map((e) => e.dueAt);
    return due.length ? Math.min(...due) : null;
  }

  /** Attempt every due delivery; keep the ones to retry with their new due time, drop the finished. */
  async attemptDue(nowMs = Date.now()): Promise<void> {
    const entries = await this.entries();
    for (const [key, entry] of Object.entries(entries)) {
      if (entry.dueAt > nowMs) continue;
      let nextAt: number | null;
      try {
        nextAt = (await attemptDelivery(this.env, entry.deliveryId, { nowMs })).nextAttemptAt;
      } catch (err) {
        console.error(JSON.stringify({ level: "error", msg: "delivery attempt failed", deliveryId: entry.deliveryId, error: String(err) }));
        nextAt = nowMs + SYSTEM_FAILURE_BACKOFF_MS;
      }
      if (nextAt === null) await this.settle(key);
      else await this.storage.put(KEY, { ...(await this.entries()), [key]: { ...entry, dueAt: nextAt } });
    }
  }

  private async settle(key: string): Promise<void> {
    const { [key]: _done, ...rest } = await this.entries();
    await this.storage.put(KEY, rest);
  }
}
