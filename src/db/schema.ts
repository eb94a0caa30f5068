// Drizzle mirror of migrations/*.sql (the SQL is the source of truth; indexes and triggers live there).
import { sql } from "drizzle-orm";
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const BILLING_MODES = ["prepaid", "postpaid"] as const;
export const RUN_KINDS = ["sourcing", "preview", "enrich"] as const;
export const RUN_STATUSES = ["processing", "completed", "failed"] as const;
/** Who ended a run's current round (migration 0003): the run itself, or a request that could not hand it over. */
export const RUN_ENDERS = ["run", "admission"] as const;
export const LEDGER_ENTRY_TYPES = ["topup", "reserve", "capture", "release"] as const;
export const COST_KEYS = ["sourcing", "sourcing_preview", "enrich"] as const;
export type BillingMode = (typeof BILLING_MODES)[number];
export type RunKind = (typeof RUN_KINDS)[number];
export type RunStatus = (typeof RUN_STATUSES)[number];
export type RunEnder = (typeof RUN_ENDERS)[number];
export type CostKey = (typeof COST_KEYS)[number];

export const companies = sqliteTable("companies", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  billingMode: text("billing_mode", { enum: BILLING_MODES }).notNull(),
  createdAt: text("created_at").notNull(),
});

export const apiKeys = sqliteTable("api_keys", {
  id: text("id").primaryKey(),
  companyId: text("company_id").notNull(),
  name: text("name"),
  prefix: text("prefix").notNull(),
  keyHash: text("key_hash").notNull(),
  scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
  environment: text("environment", { enum: ["live", "test"] }).notNull(),
  rateLimitPerMinute: integer("rate_limit_per_minute"),
  rateLimitPerHour: integer("rate_limit_per_hour"),
  createdAt: text("created_at").notNull(),
  expiresAt: text("expires_at"),
  revokedAt: text("revoked_at"),
});

export type WebhookHeader = { name: string; value: string; isMasked: boolean };

export const webhookConfigs = sqliteTable("webhook_configs", {
  id: text("id").primaryKey(),
  companyId: text("company_id").notNull(),
  url: text("url").notNull(),
  name: text("name").notNull(),
  description: text("description"),
  events: text("events", { mode: "json" }).$type<string[]>().notNull(),
  headers: text("headers", { mode: "json" }).$type<WebhookHeader[]>().notNull().default(sql`'[]'`),
  signingSecret: text("signing_secret").notNull(),
  previousSigningSecret: text("previous_signing_secret"),
  previousSecretExpiresAt: text("previous_secret_expires_at"),
  isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
  maxRetries: integer("max_retries").notNull().default(7),
  timeoutMs: integer("timeout_ms").notNull().default(15000),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  circuitOpenedAt: text("circuit_opened_at"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const sourcingRuns = sqliteTable("sourcing_runs", {
  id: text("id").primaryKey(),
  companyId: text("company_id").notNull(),
  kind: text("kind", { enum: RUN_KINDS }).notNull(),
  status: text("status", { enum: RUN_STATUSES }).notNull(),
  stage: text("stage").notNull(),
  request: text("request", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  webhookId: text("webhook_id"),
  round: integer("round").notNull().default(1),
  icp: text("icp", { mode: "json" }).$type<unknown>(),
  llmUsage: text("llm_usage", { mode: "json" }).$type<unknown>(), // migration 0009; src/pipeline/llm/run-usage.ts
  foundCount: integer("found_count").notNull().default(0),
  scoredCount: integer("scored_count").notNull().default(0),
  batchesTotal: integer("batches_total").notNull().default(0),
  batchesDone: integer("batches_done").notNull().default(0),
  errorCode: text("error_code"),
  errorMessage: text("error_message"),
  endedBy: text("ended_by", { enum: RUN_ENDERS }),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  completedAt: text("completed_at"),
});

export const runResults = sqliteTable(
  "run_results",
  {
    runId: text("run_id").notNull(),
    profileId: text("profile_id").notNull(),
    companyId: text("company_id").notNull(),
    round: integer("round").notNull(),
    matchScore: integer("match_score").notNull(),
    candidate: text("candidate", { mode: "json" }).$type<unknown>().notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.profileId] })],
);

export const talentProfiles = sqliteTable("talent_profiles", {
  seq: integer("seq").primaryKey(),
  id: text("id").notNull().unique(),
  companyId: text("company_id").notNull(),
  /** What an import matches the person by (store.ts identityKeyOf); unique per company. */
  identityKey: text("identity_key"),
  externalId: text("external_id"),
  linkedinUrl: text("linkedin_url"),
  primaryEmail: text("primary_email"),
  fullName: text("full_name").notNull(),
  currentTitle: text("current_title"),
  headline: text("headline"),
  skillsText: text("skills_text").notNull().default(""),
  bodyText: text("body_text").notNull().default(""),
  profile: text("profile", { mode: "json" }).$type<unknown>().notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  /** 'import' (the company's own record) or the vendor it was bought from, 'pdl' (migration 0008). */
  origin: text("origin").notNull().default("import"),
  originRef: text("origin_ref"), // the vendor's id for the person
});

export const creditLedger = sqliteTable("credit_ledger", {
  seq: integer("seq").primaryKey({ autoIncrement: true }),
  companyId: text("company_id").notNull(),
  entryType: text("entry_type", { enum: LEDGER_ENTRY_TYPES }).notNull(),
  amount: integer("amount").notNull(),
  balanceDelta: integer("balance_delta").notNull(),
  reservedDelta: integer("reserved_delta").notNull(),
  reservationId: text("reservation_id"),
  costKey: text("cost_key", { enum: COST_KEYS }),
  idempotencyKey: text("idempotency_key").notNull(),
  reason: text("reason"),
  createdAt: text("created_at").notNull(),
});

export const idempotencyRecords = sqliteTable(
  "idempotency_records",
  {
    companyId: text("company_id").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    requestHash: text("request_hash").notNull(),
    state: text("state", { enum: ["in_flight", "completed"] }).notNull(),
    responseStatus: integer("response_status"),
    responseHeaders: text("response_headers", { mode: "json" }).$type<Record<string, string>>(),
    responseBody: text("response_body"),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    // The id the create under this key writes what it creates with; inherited by a takeover of the same request.
    reservedId: text("reserved_id"),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.idempotencyKey] })],
);

export const WEBHOOK_EVENTS = ["SOURCING_COMPLETED", "SOURCING_FAILED", "ENRICH_COMPLETED", "ENRICH_FAILED", "PING"] as const;
export const DELIVERY_STATUSES = ["pending", "delivered", "failed", "skipped"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const webhookDeliveries = sqliteTable("webhook_deliveries", {
  id: text("id").primaryKey(),
  companyId: text("company_id").notNull(),
  webhookId: text("webhook_id").notNull(),
  event: text("event", { enum: WEBHOOK_EVENTS }).notNull(),
  payload: text("payload").notNull(),
  status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
  attemptCount: integer("attempt_count").notNull().default(0),
  maxAttempts: integer("max_attempts").notNull(),
  nextAttemptAt: text("next_attempt_at"),
  lastStatusCode: integer("last_status_code"),
  /** Consecutive looks that found the webhook's secrets unopenable (migration 0004); not attempts. */
  secretFailures: integer("secret_failures").notNull().default(0),
  runId: text("run_id"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    deliveryId: text("delivery_id").notNull(),
    attemptNumber: integer("attempt_number").notNull(),
    attemptedAt: text("attempted_at").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attemptNumber] })],
);

/** Tasks done at most once a UTC day from the per-minute cron (migration 0006, src/maintenance/daily-pass.ts). */
export const maintenanceTasks = sqliteTable("maintenance_tasks", {
  name: text("name").primaryKey(),
  doneDay: text("done_day"), // 'YYYY-MM-DD' (UTC) the task last finished
  leaseUntil: text("lease_until"), // ISO; held by the invocation working on it
});

/** Append-only logs that may lose rows older than `purgeBefore` (ISO), and only those (migration 0006). */
export const retentionCutoffs = sqliteTable("retention_cutoffs", {
  log: text("log").primaryKey(),
  purgeBefore: text("purge_before").notNull(),
});

/** Calls and records bought per request at each people-data vendor (migration 0008, src/pipeline/vendor-usage.ts). */
export const vendorUsage = sqliteTable(
  "vendor_usage",
  {
    runId: text("run_id").notNull(),
    companyId: text("company_id").notNull(),
    vendor: text("vendor").notNull(),
    operation: text("operation", { enum: ["search", "enrich"] }).notNull(),
    calls: integer("calls").notNull().default(0),
    failedCalls: integer("failed_calls").notNull().default(0),
    records: integer("records").notNull().default(0),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.vendor, t.operation] })],
);

/** Digests of people a company erased, never bought again from a vendor (migration 0008, talent-pool/vendor-suppressions.ts). */
export const vendorSuppressions = sqliteTable(
  "vendor_suppressions",
  {
    companyId: text("company_id").notNull(),
    digest: text("digest").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.digest] })],
);
