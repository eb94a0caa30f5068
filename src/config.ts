import type { Env } from "./env";

/** The one config reader: vars arrive as strings; this turns them into typed settings with defaults. */
export type Config = {
  publicBaseUrl: string | null;
  enrichBatchSize: number; // profiles per queue message
  runDeadlineMs: number;
  webhookRetryScheduleS: string | undefined;
  webhookAllowLocalhost: boolean;
  /** DNS-over-HTTPS JSON endpoint the URL guard resolves webhook hosts with (https only). */
  webhookDnsResolverUrl: string;
  defaultRateLimits: { perMinute: number; perHour: number };
  sources: string[];
  /** Base64 AES-256 key for secrets at rest; null stores them unencrypted (warned once per isolate). */
  secretsEncryptionKey: string | null;
};

/** Cloudflare's public resolver: reachable from every Worker, and it serves the JSON API the guard reads. */
const DEFAULT_DNS_RESOLVER_URL = "https://cloudflare-dns.com/dns-query";

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * The setting as an https URL, or null when unset or anything else: answers over plain http could be
 * forged on the way, and they decide which addresses webhooks may reach.
 */
function httpsUrl(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  try {
    return new URL(value).protocol === "https:" ? value : null;
  } catch {
    return null;
  }
}

export function readConfig(env: Env): Config {
  return {
    publicBaseUrl: env.PUBLIC_BASE_URL?.trim() ? env.PUBLIC_BASE_URL.trim().replace(/\/+$/, "") : null,
    enrichBatchSize: Math.min(positiveInt(env.ENRICH_BATCH_SIZE, 10), 100),
    runDeadlineMs: positiveInt(env.RUN_DEADLINE_S, 300) * 1000,
    webhookRetryScheduleS: env.WEBHOOK_RETRY_SCHEDULE_S,
    webhookAllowLocalhost: env.WEBHOOK_ALLOW_LOCALHOST === "true",
    webhookDnsResolverUrl: httpsUrl(env.WEBHOOK_DNS_RESOLVER_URL) ?? DEFAULT_DNS_RESOLVER_URL,
    defaultRateLimits: {
      perMinute: positiveInt(env.RATE_LIMIT_PER_MINUTE, 60),
      perHour: positiveInt(env.RATE_LIMIT_PER_HOUR, 2000),
    },
    secretsEncryptionKey: env.SECRETS_ENCRYPTION_KEY?.trim() || null,
    sources: (env.SOURCES ?? "talent_pool").split(",").map((s) => s.trim()).filter(Boolean),
  };
}
