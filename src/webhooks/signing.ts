// Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
// "{id}.{timestamp}.{body}", keyed with the base64-decoded part of a `whsec_` secret. WebCrypto
// only, so it runs unchanged in workerd and in the receiver's own verifier tests.
import { fromBase64, toBase64 } from "../crypto/encoding";

const SECRET_PREFIX = "whsec_";
/** 256 bits, the HMAC-SHA256 output size; the spec asks for 24–64 bytes. */
const SECRET_BYTES = 32;
const SIGNATURE_VERSION = "v1";

export type WebhookToSign = {
  /** The delivery id: the same on every retry, so receivers can deduplicate. */
  id: string;
  /** Unix seconds of this attempt (not of the first one): receivers reject stale timestamps. */
  timestamp: number;
  /** The exact bytes sent, as a string: re-serialising JSON would change the signature. */
  body: string;
  /** `whsec_…` secrets, newest first; two during a rotation overlap. */
  secrets: readonly string[];
};

/** A new secret, `whsec_<base64 of 32 random bytes>`, shown to the tenant once. */
export function generateSigningSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
  return `${SECRET_PREFIX}${toBase64(bytes)}`;
}

/** `v1,<base64 signature>` per secret, space-separated in the order the secrets were given. */
export async function signWebhook({ id, timestamp, body, secrets }: WebhookToSign): Promise<string> {
  if (secrets.length === 0) throw new Error("signWebhook needs at least one secret");
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new Error("webhook timestamp must be whole unix seconds");
  }
  const signed = new TextEncoder().encode(`${id}.${timestamp}.${body}`);
  const signatures = await Promise.all(
    secrets.map(async (secret) => {
      const key = await importSigningKey(secret);
      const mac = await crypto.subtle.sign("HMAC", key, signed);
      return `${SIGNATURE_VERSION},${toBase64(new Uint8Array(mac))}`;
    }),
  );
  return signatures.join(" ");
}

/** Every header a delivery attempt carries for the receiver to verify it. */
export async function webhookHeaders(webhook: WebhookToSign): Promise<Record<string, string>> {
  return {
    "content-type": "application/json",
    "webhook-id": webhook.id,
    "webhook-timestamp": String(webhook.timestamp),
    "webhook-signature": await signWebhook(webhook),
  };
}

function importSigningKey(secret: string): Promise<CryptoKey> {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error("signing secret must start with whsec_");
  let keyBytes: Uint8Array;
  try {
    keyBytes = fromBase64(secret.slice(SECRET_PREFIX.length));
  } catch {
    throw new Error("signing secret is not valid base64");
  }
  if (keyBytes.length === 0) throw new Error("signing secret is empty");
  return crypto.subtle.importKey("raw", keyBytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}
