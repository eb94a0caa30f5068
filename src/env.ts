import type { SourcingRun } from "./runs/sourcing-run";
import type { RateLimiter } from "./ratelimit/rate-limiter";
import type { EnrichmentJob } from "./enrichment/enrichment-job";
import type { EnrichBatchMessage } from "./queue/messages";

/** Bindings and vars as wrangler.toml and secrets declare them. Vars arrive as strings. */
export interface Env {
  DB: D1Database;
  SOURCING_RUN: DurableObjectNamespace<SourcingRun>;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  ENRICHMENT_JOB: DurableObjectNamespace<EnrichmentJob>;
  ENRICH_QUEUE: Queue<EnrichBatchMessage>;
  ADMIN_TOKEN?: string;
  /** Base64 of 32 bytes (`openssl rand -base64 32`): seals webhook secrets at rest. */
  SECRETS_ENCRYPTION_KEY?: string;
  PUBLIC_BASE_URL?: string;
  ENRICH_BATCH_SIZE?: string;
  RUN_DEADLINE_S?: string;
  WEBHOOK_RETRY_SCHEDULE_S?: string;
  WEBHOOK_ALLOW_LOCALHOST?: string;
  WEBHOOK_DNS_RESOLVER_URL?: string;
  RATE_LIMIT_PER_MINUTE?: string;
  RATE_LIMIT_PER_HOUR?: string;
  SOURCES?: string;
}
