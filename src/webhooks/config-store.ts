import { and, desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { readConfig } from "../config";
import { webhookConfigs } from "../db/schema";
import type { Env } from "../env";
import { ApiError } from "../errors";
import type { WebhookEffect } from "./attempt-outcome";
import { CIRCUIT_BREAKER_THRESHOLD } from "./retry-schedule";
import { openWebhookSecrets, sealWebhookSecrets } from "./secrets-at-rest";

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

// ---- Webhook configs: CRUD for the API, reads for the dispatcher ------------------------------
// Functions that read or write the secret fields take `env` for the encryption key: rows go in
// sealed and come out opened, so a WebhookConfigRow in memory always holds plaintext.

export type WebhookConfigRow = typeof webhookConfigs.$inferSelect;

export type NewWebhookConfig = Pick<WebhookConfigRow, "companyId" | "url" | "name" | "description" | "events" | "headers" | "maxRetries" | "timeoutMs">;

const secretsKey = (env: Env): string | null => readConfig(env).secretsEncryptionKey;

const openRow = (env: Env, row: WebhookConfigRow): Promise<WebhookConfigRow> => openWebhookSecrets(secretsKey(env), row.id, row);

async function openRowIfAny(env: Env, row: WebhookConfigRow | undefined): Promise<WebhookConfigRow | undefined> {
  return row ? openRow(env, row) : undefined;
}

/** The new config, as given (plaintext); D1 holds its secrets sealed. */
export async function createWebhookConfig(env: Env, input: NewWebhookConfig & { id: string; signingSecret: string; nowIso: string }): Promise<WebhookConfigRow> {
  const { nowIso, ...fields } = input;
  const row: WebhookConfigRow = {
    ...fields,
    previousSigningSecret: null,
    previousSecretExpiresAt: null,
    isActive: true,
    consecutiveFailures: 0,
    circuitOpenedAt: null,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  await drizzle(env.DB).insert(webhookConfigs).values(await sealWebhookSecrets(secretsKey(env), row.id, row));
  return row;
}

/** Newest first (index webhook_configs_by_company). */
export async function listWebhookConfigs(env: Env, companyId: string): Promise<WebhookConfigRow[]> {
  const rows = await drizzle(env.DB)
    .select()
    .from(webhookConfigs)
    .where(eq(webhookConfigs.companyId, companyId))
    .orderBy(desc(webhookConfigs.createdAt), desc(webhookConfigs.id))
    .all();
  return Promise.all(rows.map((row) => openRow(env, row)));
}

/** A config as its company sees it; another company's id is not found. */
export async function findWebhookConfig(env: Env, companyId: string, id: string): Promise<WebhookConfigRow | undefined> {
  const row = await drizzle(env.DB)
    .select()
    .from(webhookConfigs)
    .where(and(eq(webhookConfigs.id, id), eq(webhookConfigs.companyId, companyId)))
    .get();
  return openRowIfAny(env, row);
}

/** What creating a delivery needs to know of its webhook (no secrets, so no key). */
export function findWebhookSubscription(db: D1Database, companyId: string, id: string): Promise<{ events: string[]; maxRetries: number } | undefined> {
  return drizzle(db)
    .select({ events: webhookConfigs.events, maxRetries: webhookConfigs.maxRetries })
    .from(webhookConfigs)
    .where(and(eq(webhookConfigs.id, id), eq(webhookConfigs.companyId, companyId)))
    .get();
}

export type WebhookConfigChanges = Partial<Pick<WebhookConfigRow, "url" | "name" | "description" | "events" | "headers" | "maxRetries" | "timeoutMs" | "isActive">>;

export async function updateWebhookConfig(
  env: Env,
  companyId: string,
  id: string,
  changes: WebhookConfigChanges & Partial<Pick<WebhookConfigRow, "signingSecret" | "previousSigningSecret" | "previousSecretExpiresAt">>,
  nowIso: string,
): Promise<WebhookConfigRow | undefined> {
  const row = await drizzle(env.DB)
    .update(webhookConfigs)
    .set({ ...(await sealWebhookSecrets(secretsKey(env), id, changes)), updatedAt: nowIso })
    .where(and(eq(webhookConfigs.id, id), eq(webhookConfigs.companyId, companyId)))
    .returning()
    .get();
  return openRowIfAny(env, row);
}

export async function deleteWebhookConfig(db: D1Database, companyId: string, id: string): Promise<boolean> {
  const result = await db.prepare(`DELETE FROM webhook_configs WHERE id = ?1 AND company_id = ?2`).bind(id, companyId).run();
  return result.meta.changes === 1;
}

/** Close the circuit: the webhook is active again with a clean failure count. */
export async function resetCircuit(env: Env, companyId: string, id: string, nowIso: string): Promise<WebhookConfigRow | undefined> {
  const row = await drizzle(env.DB)
    .update(webhookConfigs)
    .set({ consecutiveFailures: 0, circuitOpenedAt: null, isActive: true, updatedAt: nowIso })
    .where(and(eq(webhookConfigs.id, id), eq(webhookConfigs.companyId, companyId)))
    .returning()
    .get();
  return openRowIfAny(env, row);
}

/**
 * How a finished attempt moves the webhook's breaker, as one statement so concurrent deliveries
 * cannot lose a count. The circuit opens (inactive, circuitOpenedAt set once) when the count
 * reaches CIRCUIT_BREAKER_THRESHOLD; 410 Gone disables the webhook without opening the circuit.
 */
export function webhookEffectStatement(db: D1Database, webhookId: string, effect: WebhookEffect, nowIso: string): D1PreparedStatement | null {
  switch (effect) {
    case "none":
      return null;
    case "reset_failures":
      return db.prepare(`UPDATE webhook_configs SET consecutive_failures = 0 WHERE id = ?1 AND consecutive_failures <> 0`).bind(webhookId);
    case "disable":
      return db.prepare(`UPDATE webhook_configs SET is_active = 0, updated_at = ?2 WHERE id = ?1`).bind(webhookId, nowIso);
    case "count_failed_delivery":
      return db
        .prepare(
          `UPDATE webhook_configs SET
             consecutive_failures = consecutive_failures + 1,
             is_active = CASE WHEN consecutive_failures + 1 >= ?3 THEN 0 ELSE is_active END,
             circuit_opened_at = CASE WHEN consecutive_failures + 1 >= ?3 THEN COALESCE(circuit_opened_at, ?2) ELSE circuit_opened_at END,
             updated_at = ?2
           WHERE id = ?1`,
        )
        .bind(webhookId, nowIso, CIRCUIT_BREAKER_THRESHOLD);
  }
}
