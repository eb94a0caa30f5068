-- Run guards: a round ends once. Every terminal write (results, capture and release, status) applies
-- only while its run is still processing that round, so a second writer — the run object finishing a
-- round the route already failed, a failure path after a completion that did commit — writes nothing.
-- The loser reads back who ended the round, to tell its own earlier (unseen) write from another's.

-- Who wrote the current round's terminal status: 'run' (the run itself: its Durable Object, or a
-- preview within its request) or 'admission' (a request that could not hand the round over to its
-- object, and failed it to release the credits). NULL while processing, and for rounds ended before
-- this column existed.
ALTER TABLE sourcing_runs ADD COLUMN ended_by TEXT CHECK (ended_by IN ('run', 'admission'));
