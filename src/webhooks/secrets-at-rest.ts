// Which webhook_configs fields are secrets, and how they cross the D1 boundary: sealed on every
// write, opened on every read (src/crypto/secret-box.ts), so everything above config-store works
// with plaintext in memory. Without a key they are stored as given, with one warning per isolate.
import { openSecret, sealSecret } from "../crypto/secret-box";
import type { WebhookHeader } from "../db/schema";

export type WebhookSecretFields = {
  signingSecret?: string;
  previousSigningSecret?: string | null;
  headers?: WebhookHeader[];
};

/** Where a value lives, bound into its ciphertext: a sealed value moved elsewhere fails to open. */
export function webhookSecretContext(webhookId: string, field: "signing_secret" | "previous_signing_secret" | `header:${string}`): string {
  return `webhook:${webhookId}:${field}`;
}

/** The fields as they are to be stored: sealed with `key`, or as given when no key is configured. */
export function sealWebhookSecrets<T extends WebhookSecretFields>(key: string | null, webhookId: string, fields: T): Promise<T> {
  if (key === null) {
    warnUnencryptedOnce();
    return Promise.resolve(fields);
  }
  return mapSecrets(webhookId, fields, (value, context) => sealSecret(key, value, context));
}

/** The fields as read from D1, opened (plaintext from before encryption passes through). */
export function openWebhookSecrets<T extends WebhookSecretFields>(key: string | null, webhookId: string, fields: T): Promise<T> {
  return mapSecrets(webhookId, fields, (value, context) => openSecret(key, value, context));
}

async function mapSecrets<T extends WebhookSecretFields>(webhookId: string, fields: T, transform: (value: string, context: string) => Promise<string>): Promise<T> {
  const { signingSecret, previousSigningSecret, headers } = fields;
  return {
    ...fields,
    ...(signingSecret !== undefined && { signingSecret: await transform(signingSecret, webhookSecretContext(webhookId, "signing_secret")) }),
    ...(typeof previousSigningSecret === "string" && {
      previousSigningSecret: await transform(previousSigningSecret, webhookSecretContext(webhookId, "previous_signing_secret")),
    }),
    ...(headers !== undefined && {
      // Header names are case-insensitive (duplicates are refused that way), so the context is too.
      headers: await Promise.all(headers.map(async (h) => ({ ...h, value: await transform(h.value, webhookSecretContext(webhookId, `header:${h.name.toLowerCase()}`)) }))),
    }),
  };
}

let warnedUnencrypted = false;

function warnUnencryptedOnce(): void {
  if (warnedUnencrypted) return;
  warnedUnencrypted = true;
  console.warn(JSON.stringify({
    level: "warn",
    msg: "SECRETS_ENCRYPTION_KEY is not configured: webhook signing secrets and custom header values are stored unencrypted",
  }));
}
