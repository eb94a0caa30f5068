// How a round's terminal write comes out, decided from what the write read back (pure). A round
// ends once: the terminal write that finds its run still processing the round applies, and any
// later one writes nothing. The later writer learns here whose outcome stands: its own (an earlier
// attempt that committed although its reply was lost) or another's (a request that failed the round
// because it could not hand it over to the run's object).
import type { RunEnder, RunStatus } from "../db/schema";

/** How the run stood in D1 right after a terminal write, read in the write's own batch. */
export type RoundStanding = {
  status: RunStatus;
  round: number; // 1-based
  endedBy: RunEnder | null; // null while processing, and for rounds ended before migration 0003
  errorCode: string | null;
  errorMessage: string | null;
  foundCount: number;
  scoredCount: number;
};

/** `applied`: this write ended the round. Otherwise it wrote nothing; `run` is null if there is no such run. */
export type TerminalWrite = { applied: boolean; run: RoundStanding | null };

export type OutcomeFound = { status: "completed" | "failed"; ours: boolean; errorCode: string | null; errorMessage: string | null };

const SUPERSEDED: OutcomeFound = {
  status: "failed", ours: false, errorCode: "INTERNAL_ERROR", errorMessage: "The round was ended by another request",
};

/**
 * The outcome that stands for `round` when a run's own terminal write did not apply. Only a round
 * ended by the run itself is its own: it owes that outcome's webhook; a round another writer ended
 * (or a run that has moved past it) is adopted as it is, with no webhook. A round ended before
 * `ended_by` existed counts as the run's own, which is who ended nearly all of them.
 */
export function outcomeFound(run: RoundStanding | null, round: number): OutcomeFound {
  if (!run || run.round !== round || run.status === "processing") return SUPERSEDED;
  return { status: run.status, ours: run.endedBy !== "admission", errorCode: run.errorCode, errorMessage: run.errorMessage };
}
