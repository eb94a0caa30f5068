import type { Env } from "./env";

/** The one config reader: vars arrive as strings; this turns them into typed settings with defaults. */
export type Config = {
  publicBaseUrl: string | null;
  enrichBatchSize: number; // profiles per queue message
  runDeadlineMs: number;
  webhookRetryScheduleS: string | undefined;
  webhookAllowLocalhost: boolean;
  defaultRateLimits: { perMinute: number; perHour: number };
  sources: string[];
  /** Base64 AES-256 key for secrets at rest; null stores them unencrypted (warned once per isolate). */
  secretsEncryptionKey: string | null;
};

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function readConfig(env: Env): Config {
  return {
    publicBaseUrl: env.PUBLIC_BASE_URL?.trim() ? env.PUBLIC_BASE_URL.trim().replace(/\/+$/, "") : null,
    enrichBatchSize: Math.min(positiveInt(env.ENRICH_BATCH_SIZE, 10), 100),
    runDeadlineMs: positiveInt(env.RUN_DEADLINE_S, 300) * 1000,
    webhookRetryScheduleS: env.WEBHOOK_RETRY_SCHEDULE_S,
    webhookAllowLocalhost: env.WEBHOOK_ALLOW_LOCALHOST === "true",
    defaultRateLimits: {
      perMinute: positiveInt(env.RATE_LIMIT_PER_MINUTE, 60),
      perHour: positiveInt(env.RATE_LIMIT_PER_HOUR, 2000),
    },
    secretsEncryptionKey: env.SECRETS_ENCRYPTION_KEY?.trim() || null,
    sources: (env.SOURCES ?? "talent_pool").split(",").map((s) => s.trim()).filter(Boolean),
  };
}
