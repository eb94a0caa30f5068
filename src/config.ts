import type { Env } from "./env";

/** The one config reader: vars arrive as strings; this turns them into typed settings with defaults. */
export type Config = {
  publicBaseUrl: string | null;
  enrichBatchSize: number; // profiles per queue message
  runDeadlineMs: number;
  /** A round that hears of none of its batches for this long (ms) sends the outstanding ones again. */
  enrichBatchTimeoutMs: number;
  webhookRetryScheduleS: string | undefined;
  webhookAllowLocalhost: boolean;
  /** DNS-over-HTTPS JSON endpoint the URL guard resolves webhook hosts with (https only). */
  webhookDnsResolverUrl: string;
  defaultRateLimits: { perMinute: number; perHour: number };
  /** Event streams (GET /sourcing/{id}/events) one API key may hold open at once; more get 429. */
  maxStreamsPerKey: number;
  sources: string[];
  /** People Data Labs, when PDL_API_KEY is set and PDL_BASE_URL is allowed; null: not configured. */
  pdl: PdlConfig | null;
  /** Base64 AES-256 key for secrets at rest; null stores them unencrypted (warned once per isolate). */
  secretsEncryptionKey: string | null;
  /**
   * Share (0–1) of source calls made to fail on purpose, for the soak benchmark. Read only in local
   * development (WEBHOOK_ALLOW_LOCALHOST, which is off in production): 0 everywhere else.
   */
  sourceFaultRate: number;
  /**
   * A request still processing this long (ms) after its last progress is stuck: the reconciler pokes
   * its object, and fails it (releasing its credits) once it has been stuck twice this long.
   */
  reconcileAfterMs: number;
  /** Days each kind of record is kept (src/maintenance/retention-policy.ts); 0 keeps it forever. */
  retentionDays: RetentionDays;
  /** The language model behind the ICP agent and the re-ranking (README "Language models"). */
  llm: LlmConfig;
};

export const LLM_PROVIDERS = ["none", "openai", "anthropic", "workers-ai"] as const;
export type LlmProviderName = (typeof LLM_PROVIDERS)[number];

export type LlmConfig = {
  provider: LlmProviderName;
  /** Chat-completions (openai) or Messages (anthropic) base URL without the endpoint; null when LLM_BASE_URL is refused. */
  baseUrl: string | null;
  model: string;
  apiKey: string | null;
  timeoutMs: number; // per model call
  /** Candidates (of those past the gates) the model re-ranks after scoring; 0 = off, at most MAX_RERANK_TOP_N. */
  rerankTopN: number;
  /** Tokens (input + output, as the vendor counts them) one run may spend across all its rounds. */
  maxTokensPerRun: number;
};

export const MAX_RERANK_TOP_N = 50;
/** Models asked for when LLM_MODEL is unset: small, cheap and able to follow a JSON schema. */
const DEFAULT_MODELS: Record<Exclude<LlmProviderName, "none">, string> = {
  openai: "gpt-4.1-mini",
  anthropic: "claude-haiku-4-5",
  "workers-ai": "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
};
const DEFAULT_BASE_URLS: Record<"openai" | "anthropic", string> = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com/v1",
};

export type PdlConfig = {
  apiKey: string;
  baseUrl: string; // no trailing slash
  /** Records one search buys at most (PDL's `size`, 1–100); a run's search depth bounds it too. */
  searchSize: number;
  /** Person Enrichment's `min_likelihood` (1–10): a weaker match is not bought, and adds no emails. */
  minLikelihood: number;
};

export type RetentionDays = {
  runs: number; // after a request ended: its row (with the stored request), results and run object storage
  webhookDeliveries: number; // after a delivery finished: it and its attempt log
  idempotency: number; // after an idempotency record expired (it stops replaying at expiry)
};

/** A probability from a var: a number in [0, 1], else 0. */
function rate(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1) : 0;
}

/**
 * Where model calls go: https anywhere; plain http only to this machine (a local llama.cpp, Ollama or
 * vLLM server) and only in local development, since the API key and the candidates' profiles travel
 * in the request. Null when the setting is refused: the rules agent answers then (logged per call),
 * rather than the key going to some other address than the one configured.
 */
function llmBaseUrl(raw: string | undefined, fallback: string, localDev: boolean): string | null {
  const value = raw?.trim().replace(/\/+$/, "");
  if (!value) return fallback;
  try {
    const url = new URL(value);
    const allowed = url.protocol === "https:" || (url.protocol === "http:" && localDev && LOOPBACK_HOSTS.has(url.hostname));
    return allowed && !url.username && !url.password ? value : null;
  } catch {
    return null;
  }
}

function readLlmConfig(env: Env, localDev: boolean): LlmConfig {
  const named = (env.LLM_PROVIDER ?? "none").trim().toLowerCase();
  const provider = (LLM_PROVIDERS as readonly string[]).includes(named) ? (named as LlmProviderName) : "none";
  return {
    provider,
    baseUrl: llmBaseUrl(env.LLM_BASE_URL, provider === "anthropic" ? DEFAULT_BASE_URLS.anthropic : DEFAULT_BASE_URLS.openai, localDev),
    model: env.LLM_MODEL?.trim() || (provider === "none" ? "" : DEFAULT_MODELS[provider]),
    apiKey: env.LLM_API_KEY?.trim() || null,
    timeoutMs: positiveInt(env.LLM_TIMEOUT_MS, 20_000),
    rerankTopN: Math.min(nonNegativeInt(env.LLM_RERANK_TOP_N, 0), MAX_RERANK_TOP_N),
    maxTokensPerRun: positiveInt(env.LLM_MAX_TOKENS_PER_RUN, 100_000),
  };
}

/** Cloudflare's public resolver: reachable from every Worker, and it serves the JSON API the guard reads. */
const DEFAULT_DNS_RESOLVER_URL = "https://cloudflare-dns.com/dns-query";

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function nonNegativeInt(raw: string | undefined, fallback: number): number {
  const n = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/**
 * Never at or under the run deadline: a run ends itself by its deadline (finalizing or failing), so
 * only one still processing past it (plus a minute for its last steps) can be stuck.
 */
function reconcileAfterMs(env: Env): number {
  const deadlineS = positiveInt(env.RUN_DEADLINE_S, 300);
  return Math.max(positiveInt(env.RECONCILE_AFTER_S, 600), deadlineS + 60) * 1000;
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

const DEFAULT_PDL_BASE_URL = "https://api.peopledatalabs.com";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * PDL_BASE_URL as a base URL, or null when not allowed: https anywhere; plain http only to a loopback
 * host and only in local development (WEBHOOK_ALLOW_LOCALHOST, off in production), so the API key is
 * never sent in clear over a network and a stub server on 127.0.0.1 can stand in for PDL.
 */
function pdlBaseUrl(raw: string | undefined, localDevelopment: boolean): string | null {
  const value = raw?.trim() || DEFAULT_PDL_BASE_URL;
  try {
    const url = new URL(value);
    const allowed = url.protocol === "https:" || (url.protocol === "http:" && localDevelopment && LOOPBACK_HOSTS.has(url.hostname));
    return allowed && !url.username && !url.password ? value.replace(/\/+$/, "") : null;
  } catch {
    return null;
  }
}

function pdlConfig(env: Env): PdlConfig | null {
  const apiKey = env.PDL_API_KEY?.trim();
  const baseUrl = pdlBaseUrl(env.PDL_BASE_URL, env.WEBHOOK_ALLOW_LOCALHOST === "true");
  if (!apiKey || !baseUrl) return null;
  return {
    apiKey,
    baseUrl,
    searchSize: Math.min(positiveInt(env.PDL_SEARCH_SIZE, 20), 100),
    minLikelihood: Math.min(positiveInt(env.PDL_MIN_LIKELIHOOD, 6), 10),
  };
}

export function readConfig(env: Env): Config {
  return {
    publicBaseUrl: env.PUBLIC_BASE_URL?.trim() ? env.PUBLIC_BASE_URL.trim().replace(/\/+$/, "") : null,
    enrichBatchSize: Math.min(positiveInt(env.ENRICH_BATCH_SIZE, 10), 100),
    runDeadlineMs: positiveInt(env.RUN_DEADLINE_S, 300) * 1000,
    enrichBatchTimeoutMs: positiveInt(env.ENRICH_BATCH_TIMEOUT_S, 60) * 1000,
    webhookRetryScheduleS: env.WEBHOOK_RETRY_SCHEDULE_S,
    webhookAllowLocalhost: env.WEBHOOK_ALLOW_LOCALHOST === "true",
    webhookDnsResolverUrl: httpsUrl(env.WEBHOOK_DNS_RESOLVER_URL) ?? DEFAULT_DNS_RESOLVER_URL,
    defaultRateLimits: {
      perMinute: positiveInt(env.RATE_LIMIT_PER_MINUTE, 60),
      perHour: positiveInt(env.RATE_LIMIT_PER_HOUR, 2000),
    },
    maxStreamsPerKey: positiveInt(env.SSE_MAX_STREAMS_PER_KEY, 10),
    secretsEncryptionKey: env.SECRETS_ENCRYPTION_KEY?.trim() || null,
    sourceFaultRate: env.WEBHOOK_ALLOW_LOCALHOST === "true" ? rate(env.SOURCE_FAULT_RATE) : 0,
    reconcileAfterMs: reconcileAfterMs(env),
    retentionDays: {
      runs: nonNegativeInt(env.RETENTION_DAYS_RUNS, 90),
      webhookDeliveries: nonNegativeInt(env.RETENTION_DAYS_WEBHOOK_DELIVERIES, 30),
      idempotency: nonNegativeInt(env.RETENTION_DAYS_IDEMPOTENCY, 1),
    },
    llm: readLlmConfig(env, env.WEBHOOK_ALLOW_LOCALHOST === "true"),
    sources: (env.SOURCES ?? "talent_pool").split(",").map((s) => s.trim()).filter(Boolean),
    pdl: pdlConfig(env),
  };
}
