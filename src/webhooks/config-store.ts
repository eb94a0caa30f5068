import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { webhookConfigs } from "../db/schema";
import { ApiError } from "../errors";

export const SOURCING_EVENTS = ["SOURCING_COMPLETED", "SOURCING_FAILED"] as const;
export const ENRICH_EVENTS = ["ENRICH_COMPLETED", "ENRICH_FAILED"] as const;

/**
 * The webhook a run will notify: it must exist (404), belong to the caller's company (403) and
 * subscribe to at least one of the events the endpoint emits (422) — checked in that order.
 */
export async function resolveRunWebhook(
  db: D1Database,
  companyId: string,
  webhookId: string,
  emits: readonly string[],
): Promise<{ id: string }> {
  const webhook = await drizzle(db)
    .select({ id: webhookConfigs.id, companyId: webhookConfigs.companyId, events: webhookConfigs.events })
    .from(webhookConfigs)
    .where(eq(webhookConfigs.id, webhookId))
    .get();
  if (!webhook) throw new ApiError("WEBHOOK_NOT_FOUND", "Webhook configuration not found", { webhookId });
  if (webhook.companyId !== companyId) {
    throw new ApiError("WEBHOOK_OWNERSHIP_MISMATCH", "The webhook belongs to another company", { webhookId });
  }
  if (!webhook.events.some((e) => emits.includes(e))) {
    throw new ApiError("WEBHOOK_NOT_SUBSCRIBED", `The webhook subscribes to none of ${emits.join(", ")}`, {
      webhookId,
      requiredEvents: emits,
      subscribedEvents: webhook.events,
    });
  }
  return { id: webhook.id };
}
