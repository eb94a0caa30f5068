-- The id a create under an Idempotency-Key gives what it creates (a run's requestId), chosen when the
-- key is first claimed. A request that takes over a stale claim for the same body inherits it, so a
-- first request that committed (or is slow and still about to) and its retry write under one id: the
-- primary key of the run lets only one of them create it, and the other answers with that run.
-- NULL on records written before this column: a takeover of one of those chooses a fresh id.
ALTER TABLE idempotency_records ADD COLUMN reserved_id TEXT;
