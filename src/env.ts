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
  ENRICH_BATCH_TIMEOUT_S?: string;
  /** Local development only (read only when WEBHOOK_ALLOW_LOCALHOST is "true"): share of source calls failed on purpose. */
  SOURCE_FAULT_RATE?: string;
  WEBHOOK_RETRY_SCHEDULE_S?: string;
  WEBHOOK_ALLOW_LOCALHOST?: string;
  WEBHOOK_DNS_RESOLVER_URL?: string;
  RATE_LIMIT_PER_MINUTE?: string;
  RATE_LIMIT_PER_HOUR?: string;
  SSE_MAX_STREAMS_PER_KEY?: string;
  SOURCES?: string;
  /** People Data Labs (secret): enables the `pdl` source and Person Enrichment in POST /sourcing/enrich. */
  PDL_API_KEY?: string;
  PDL_BASE_URL?: string;
  PDL_SEARCH_SIZE?: string;
  PDL_MIN_LIKELIHOOD?: string;
  RECONCILE_AFTER_S?: string;
  RETENTION_DAYS_RUNS?: string;
  RETENTION_DAYS_WEBHOOK_DELIVERIES?: string;
  RETENTION_DAYS_IDEMPOTENCY?: string;
  /** Workers AI, for LLM_PROVIDER=workers-ai; absent under `wrangler dev --local` and in tests (it has no local simulation). */
  AI?: Ai;
  LLM_PROVIDER?: string;
  LLM_BASE_URL?: string;
  LLM_MODEL?: string;
  /** Secret: the OpenAI-compatible or Anthropic API key. */
  LLM_API_KEY?: string;
  LLM_TIMEOUT_MS?: string;
  LLM_RERANK_TOP_N?: string;
  LLM_MAX_TOKENS_PER_RUN?: string;
}
