-- Webhook delivery log, after Svix: endpoint (webhook_configs) → message + its delivery state
-- (webhook_deliveries) → append-only attempt log (webhook_attempts).

-- One event for one webhook. `payload` is the exact JSON body, fixed at creation so every attempt
-- sends the same bytes; `id` (msg_<uuid>) is also the `webhook-id` header on every attempt.
-- `webhook_id` has no foreign key: the log outlives a deleted webhook config.
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id),
  webhook_id TEXT NOT NULL,
  event TEXT NOT NULL CHECK (event IN ('SOURCING_COMPLETED', 'SOURCING_FAILED', 'ENRICH_COMPLETED', 'ENRICH_FAILED', 'PING')),
  payload TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
  -- Attempt numbers claimed so far (1-based); raised BEFORE each send so a duplicated alarm cannot send twice.
  attempt_count INTEGER NOT NULL DEFAULT 0,
  -- The attempt number after which the delivery gives up: 1 + the webhook's maxRetries at creation;
  -- a manual redelivery grants one more.
  max_attempts INTEGER NOT NULL,
  -- When the next attempt is due (ISO text, compares in time order); null unless pending.
  next_attempt_at TEXT,
  last_status_code INTEGER,
  run_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- GET /webhooks/{id}/deliveries: one webhook's deliveries, newest first.
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries(webhook_id, created_at);
-- dueDeliveryIds(): the sweep for pending deliveries whose next attempt is due.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';

-- Every attempt of a delivery, never rewritten. The primary key lets each attempt number be used
-- once, and serves GET /webhooks/deliveries/{deliveryId} reading a delivery's attempts in order.
CREATE TABLE webhook_attempts (
  delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id),
  attempt_number INTEGER NOT NULL,
  attempted_at TEXT NOT NULL,
  status_code INTEGER,
  duration_ms INTEGER NOT NULL,
  error TEXT,
  PRIMARY KEY (delivery_id, attempt_number)
);
CREATE TRIGGER webhook_attempts_no_update BEFORE UPDATE ON webhook_attempts BEGIN
  SELECT RAISE(ABORT, 'webhook_attempts is append-only');
END;
CREATE TRIGGER webhook_attempts_no_delete BEFORE DELETE ON webhook_attempts BEGIN
  SELECT RAISE(ABORT, 'webhook_attempts is append-only');
END;
