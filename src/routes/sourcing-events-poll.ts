// How the event stream follows a run, as decisions (pure). It asks the run's Durable Object, which
// answers from memory, and reads D1 only for what the object cannot say: the outcome as recorded
// (completedAt, the error) and runs the object does not know. D1 limits the queries one invocation
// may make, and a stream is one invocation for up to 15 minutes, so its reads must not grow with time.
import type { RunRow } from "../runs/run-store";
import type { SourcingRun } from "../runs/sourcing-run";
import { TERMINAL } from "../runs/state-machine";

/** What the stream's events are made of: the fields of the read model they show. */
export type RunView = Pick<
  RunRow,
  "id" | "status" | "stage" | "round" | "batchesTotal" | "batchesDone" | "foundCount" | "scoredCount" | "completedAt" | "errorCode" | "errorMessage"
>;

export type RunProgress = NonNullable<Awaited<ReturnType<SourcingRun["progress"]>>>;

export const POLL_MIN_MS = 500; // while the run changes: as often as the stream always polled
export const POLL_MAX_MS = 5_000; // while it does not, the wait doubles up to this
// D1 reads one stream may make after its first; spent, the stream ends and the client reconnects
// (a new invocation). At POLL_MAX_MS apart that is 100 s of a run its object does not know.
export const MAX_D1_READS_PER_STREAM = 20;

/** Where the next view of the run comes from, given what its object says (null: it knows no run). */
export type NextRead = { from: "object"; view: RunView } | { from: "d1" } | { from: "unchanged" };

export function nextRead(progress: RunProgress | null, previous: RunView): NextRead {
  // Never started (or not reachable): D1 is all there is. Ended: the outcome is read as D1 recorded it,
  // and D1 may also be a round ahead (a PATCH reopened the run before the object heard of it).
  if (progress === null || progress.ended) return { from: "d1" };
  // The outcome is being written to D1 right now, or the object is behind a round D1 has reopened: wait.
  if (TERMINAL.has(progress.stage) || progress.round < previous.round) return { from: "unchanged" };
  return {
    from: "object",
    view: {
      ...previous, status: "processing", stage: progress.stage, round: progress.round, batchesTotal: progress.batchesTotal,
      batchesDone: progress.batchesDone, foundCount: progress.foundCount, scoredCount: progress.scoredCount,
    },
  };
}

/**
 * The wait (ms) before the next poll: the shortest after a change, doubling while nothing changes,
 * and the longest after a D1 read, the fallback kept rare.
 */
export function nextPollDelayMs(previousMs: number, poll: { changed: boolean; readD1: boolean }): number {
  if (poll.readD1) return POLL_MAX_MS;
  return poll.changed ? POLL_MIN_MS : Math.min(POLL_MAX_MS, previousMs * 2);
}
