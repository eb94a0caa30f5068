-- Maintenance on the cron (src/maintenance/): the reconciler of requests stuck in `processing`, and the
-- daily pass of retention purges and full-text index merging. Ledger entries are never purged.

-- reconcileStuckRuns(): requests still processing, least recently progressed first.
CREATE INDEX sourcing_runs_processing ON sourcing_runs(updated_at) WHERE status = 'processing';
-- purgeEndedRuns(): ended requests by when they ended (a reopened run keeps an old completed_at, hence the status).
CREATE INDEX sourcing_runs_ended ON sourcing_runs(completed_at) WHERE status <> 'processing';
-- purgeExpiredIdempotencyRecords(): records by expiry.
CREATE INDEX idempotency_records_by_expiry ON idempotency_records(expires_at);
-- purgeFinishedDeliveries(): deliveries that are done (delivered, failed, skipped) by their last change.
CREATE INDEX webhook_deliveries_finished ON webhook_deliveries(updated_at) WHERE status <> 'pending';

-- Tasks done at most once a UTC day from the per-minute cron. `done_day` ('YYYY-MM-DD') is the day
-- the task last finished; `lease_until` (ISO) is held by the invocation working on it, so two
-- overlapping crons do not both work, and a pass cut short (its invocation died) is taken up again
-- once the lease runs out. A pass bigger than one invocation's bounds continues in the next minute's.
CREATE TABLE maintenance_tasks (
  name TEXT PRIMARY KEY,
  done_day TEXT,
  lease_until TEXT
);

-- Append-only logs that may lose rows past their retention, and the time before which they may:
-- the purge moves `purge_before` forward in the batch that deletes, and the log's delete guard
-- refuses any other delete. (A guard against accidents, not a security boundary: whoever can write
-- D1 can write this row.)
CREATE TABLE retention_cutoffs (
  log TEXT PRIMARY KEY,
  purge_before TEXT NOT NULL
);

-- The webhook attempt log stays append-only until its retention: deleting an attempt made at or
-- after the purge's cutoff (or any attempt, before a purge ever ran) is refused.
DROP TRIGGER webhook_attempts_no_delete;
CREATE TRIGGER webhook_attempts_no_delete BEFORE DELETE ON webhook_attempts
WHEN old.attempted_at >= COALESCE((SELECT purge_before FROM retention_cutoffs WHERE log = 'webhook_attempts'), '')
BEGIN
  SELECT RAISE(ABORT, 'webhook_attempts is append-only until its retention');
END;
