-- Scoutflare schema v1. Plain SQL applied by `wrangler d1 migrations apply` and by the test setup.
-- Timestamps are ISO 8601 UTC text with milliseconds; JSON columns hold validated shapes.

-- Tenants.
CREATE TABLE companies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  billing_mode TEXT NOT NULL CHECK (billing_mode IN ('prepaid', 'postpaid')),
  created_at TEXT NOT NULL
);

-- API keys: only a SHA-256 of the key is stored; `prefix` identifies a key to humans.
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id),
  name TEXT,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  scopes TEXT NOT NULL,
  environment TEXT NOT NULL CHECK (environment IN ('live', 'test')),
  rate_limit_per_minute INTEGER,
  rate_limit_per_hour INTEGER,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
-- Authentication looks a key up by its hash on every request.
CREATE UNIQUE INDEX api_keys_by_hash ON api_keys(key_hash);
-- GET /admin/companies/{id} lists the company's keys.
CREATE INDEX api_keys_by_company ON api_keys(company_id);

-- Webhook endpoints. `headers` is JSON [{ name, value, isMasked }]; values never leave the API unmasked.
CREATE TABLE webhook_configs (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id),
  url TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  events TEXT NOT NULL,
  headers TEXT NOT NULL DEFAULT '[]',
  signing_secret TEXT NOT NULL,
  previous_signing_secret TEXT,
  previous_secret_expires_at TEXT,
  is_active INTEGER NOT NULL DEFAULT 1,
  max_retries INTEGER NOT NULL DEFAULT 7,
  timeout_ms INTEGER NOT NULL DEFAULT 15000,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  circuit_opened_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- GET /webhooks lists a company's configs, newest first.
CREATE INDEX webhook_configs_by_company ON webhook_configs(company_id, created_at);

-- Sourcing runs (and preview / enrich requests): the read model the run Durable Object keeps current.
CREATE TABLE sourcing_runs (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id),
  kind TEXT NOT NULL CHECK (kind IN ('sourcing', 'preview', 'enrich')),
  status TEXT NOT NULL CHECK (status IN ('processing', 'completed', 'failed')),
  stage TEXT NOT NULL,
  request TEXT NOT NULL,
  webhook_id TEXT,
  round INTEGER NOT NULL DEFAULT 1,
  icp TEXT,
  found_count INTEGER NOT NULL DEFAULT 0,
  scored_count INTEGER NOT NULL DEFAULT 0,
  batches_total INTEGER NOT NULL DEFAULT 0,
  batches_done INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error_message TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT
);

-- Delivered candidates of a run; one row per person per run, so a replayed finalize cannot duplicate.
CREATE TABLE run_results (
  run_id TEXT NOT NULL REFERENCES sourcing_runs(id),
  profile_id TEXT NOT NULL,
  company_id TEXT NOT NULL,
  round INTEGER NOT NULL,
  match_score INTEGER NOT NULL,
  candidate TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (run_id, profile_id)
);
-- GET /sourcing/{id}/results reads a run's candidates by score.
CREATE INDEX run_results_by_score ON run_results(run_id, match_score DESC);
-- DELETE /candidates/{id} erases a person from every stored result of the company.
CREATE INDEX run_results_by_profile ON run_results(company_id, profile_id);

-- The talent pool. `seq` is the stable rowid the FTS index points at (a TEXT primary key would let
-- VACUUM renumber rowids under the external-content index).
CREATE TABLE talent_profiles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  company_id TEXT NOT NULL REFERENCES companies(id),
  external_id TEXT,
  linkedin_url TEXT,
  primary_email TEXT,
  full_name TEXT NOT NULL,
  current_title TEXT,
  headline TEXT,
  skills_text TEXT NOT NULL DEFAULT '',
  body_text TEXT NOT NULL DEFAULT '',
  profile TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Import upserts match by externalId, then linkedinUrl, then first email (and `exclude` matches the last two).
CREATE UNIQUE INDEX talent_profiles_by_external_id ON talent_profiles(company_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX talent_profiles_by_linkedin ON talent_profiles(company_id, linkedin_url) WHERE linkedin_url IS NOT NULL;
CREATE INDEX talent_profiles_by_email ON talent_profiles(company_id, primary_email) WHERE primary_email IS NOT NULL;

-- Full-text search over the pool. `tenant` holds the company id as a token so a MATCH is scoped to one
-- company inside the index instead of filtering another tenant's hits afterwards.
CREATE VIRTUAL TABLE talent_profiles_fts USING fts5(
  tenant, full_name, current_title, headline, skills_text, body_text,
  content = 'talent_profiles', content_rowid = 'seq', tokenize = 'porter unicode61'
);
CREATE TRIGGER talent_profiles_fts_insert AFTER INSERT ON talent_profiles BEGIN
  INSERT INTO talent_profiles_fts(rowid, tenant, full_name, current_title, headline, skills_text, body_text)
  VALUES (new.seq, new.company_id, new.full_name, new.current_title, new.headline, new.skills_text, new.body_text);
END;
CREATE TRIGGER talent_profiles_fts_delete AFTER DELETE ON talent_profiles BEGIN
  INSERT INTO talent_profiles_fts(talent_profiles_fts, rowid, tenant, full_name, current_title, headline, skills_text, body_text)
  VALUES ('delete', old.seq, old.company_id, old.full_name, old.current_title, old.headline, old.skills_text, old.body_text);
END;
CREATE TRIGGER talent_profiles_fts_update AFTER UPDATE ON talent_profiles BEGIN
  INSERT INTO talent_profiles_fts(talent_profiles_fts, rowid, tenant, full_name, current_title, headline, skills_text, body_text)
  VALUES ('delete', old.seq, old.company_id, old.full_name, old.current_title, old.headline, old.skills_text, old.body_text);
  INSERT INTO talent_profiles_fts(rowid, tenant, full_name, current_title, headline, skills_text, body_text)
  VALUES (new.seq, new.company_id, new.full_name, new.current_title, new.headline, new.skills_text, new.body_text);
END;

-- The append-only credit ledger. Balances are sums: balance = Σ balance_delta, reserved = Σ reserved_delta.
--   topup (+n, 0) · reserve (0, +n) · capture (−n, −n) · release (0, −n)
CREATE TABLE credit_ledger (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id TEXT NOT NULL REFERENCES companies(id),
  entry_type TEXT NOT NULL CHECK (entry_type IN ('topup', 'reserve', 'capture', 'release')),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  balance_delta INTEGER NOT NULL,
  reserved_delta INTEGER NOT NULL,
  reservation_id TEXT,
  cost_key TEXT CHECK (cost_key IN ('sourcing', 'sourcing_preview', 'enrich')),
  idempotency_key TEXT NOT NULL,
  reason TEXT,
  created_at TEXT NOT NULL,
  CHECK ((entry_type = 'topup') = (reservation_id IS NULL))
);
-- Every entry applies once: a replayed step hits this and changes nothing.
CREATE UNIQUE INDEX credit_ledger_by_idempotency_key ON credit_ledger(company_id, idempotency_key);
-- Each reservation has one reserve and resolves once (at most one capture and one release).
CREATE UNIQUE INDEX credit_ledger_by_reservation ON credit_ledger(reservation_id, entry_type) WHERE reservation_id IS NOT NULL;
-- Balance derivation sums one company's deltas (covering index: no table reads).
CREATE INDEX credit_ledger_balance ON credit_ledger(company_id, balance_delta, reserved_delta);
-- GET /billing/usage sums a company's captures in a period.
CREATE INDEX credit_ledger_usage ON credit_ledger(company_id, entry_type, created_at);
CREATE TRIGGER credit_ledger_no_update BEFORE UPDATE ON credit_ledger BEGIN
  SELECT RAISE(ABORT, 'credit_ledger is append-only');
END;
CREATE TRIGGER credit_ledger_no_delete BEFORE DELETE ON credit_ledger BEGIN
  SELECT RAISE(ABORT, 'credit_ledger is append-only');
END;

-- Idempotency-Key records: the first response of a creating POST, replayed for 24 h.
CREATE TABLE idempotency_records (
  company_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('in_flight', 'completed')),
  response_status INTEGER,
  response_headers TEXT,
  response_body TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  PRIMARY KEY (company_id, idempotency_key)
);

-- Circuit breakers of candidate sources, shared by every run and isolate.
CREATE TABLE source_health (
  source TEXT PRIMARY KEY,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  opened_until INTEGER -- ms epoch; while in the future the source is skipped
);
