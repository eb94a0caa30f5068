// The sourcing run as an explicit state machine. Pure: `transition` takes a state and an event and
// returns the next state; it ignores events that do not apply, which is what makes a redelivered
// queue message or a repeated alarm harmless. The Durable Object persists the result before acting.

export const STAGES = ["accepted", "icp", "searching", "enriching", "ranking", "completed", "failed"] as const;
export type Stage = (typeof STAGES)[number];
export const TERMINAL: ReadonlySet<Stage> = new Set(["completed", "failed"]);

export type RunErrorCode = "SOURCE_UNAVAILABLE" | "RUN_DEADLINE_EXCEEDED" | "ENRICHMENT_FAILED" | "INTERNAL_ERROR";

export type RunState = {
  runId: string;
  companyId: string;
  round: number; // 1-based; PATCH starts the next round
  stage: Stage;
  deadlineAt: number; // ms epoch; the run finalizes or fails at this time
  foundCount: number; // profiles found by the search, all rounds
  batchesTotal: number; // of the current round
  batchesDone: number[]; // batch indices (0-based) reported in the current round
  scoredCount: number; // profiles scored, all rounds
  // scoredCount when the current round began: whether a round scored anything is its own question
  // (scoredCount - scoredBeforeRound). Absent from states stored before it: 0, the rule of then.
  scoredBeforeRound: number;
  batchesEnqueued: boolean; // the current round's batches were handed to the queue
  outcomeRecorded: boolean; // the terminal outcome (results, billing, status) is written to D1
  // The recorded outcome's webhook is still to be scheduled. Recording comes first, so a webhook that
  // cannot be scheduled never reopens the outcome. Absent from older states: nothing owed.
  notifyOwed: boolean;
  errorCode: RunErrorCode | null;
  errorMessage: string | null;
  // Searches of the current round that found no source answering: the round retries its search
  // (at `searchRetryAt`, ms epoch) before it fails. Absent from older states: 0 and null.
  searchFailures: number;
  searchRetryAt: number | null;
  // Lost batches. Queues deliver at least once, but a message can still be lost before that (the
  // local runtime keeps its queue in memory, so a restart drops it): a round that hears of no batch
  // for `batchWaitMs` sends the batches still outstanding again at `resendAt` (ms epoch), and waits
  // twice as long after each re-send, so a queue that is only slow is not flooded with copies.
  // Absent from older states: no re-send, the deadline alone ends the wait (the rule of then).
  resendAt: number | null;
  batchWaitMs: number; // ms
  batchResends: number; // re-sends of the current round
};

export type RunEvent =
  | { type: "started"; nowMs: number; deadlineMs: number }
  | { type: "icp_derived" }
  | { type: "search_finished"; found: number; batches: number }
  | { type: "search_failed"; code: RunErrorCode; message: string; nowMs: number }
  | { type: "batches_enqueued"; nowMs: number; batchTimeoutMs: number } // the outstanding batches were (re-)sent
  | { type: "batch_reported"; round: number; batch: number; scored: number; nowMs: number }
  | { type: "batches_overdue"; nowMs: number } // the alarm found `resendAt` passed
  | { type: "deadline_reached"; nowMs: number }
  | { type: "ranked" } // results, capture and status written to D1 in one batch
  | { type: "outcome_recorded" } // the failure written to D1
  // The round's terminal write found the round already ended in D1 and wrote nothing: that outcome
  // stands. `ours`: the run itself ended it (an earlier attempt whose reply was lost), so its webhook is owed.
  | { type: "outcome_found"; status: "completed" | "failed"; ours: boolean; errorCode: RunErrorCode | null; errorMessage: string | null }
  | { type: "notified" } // the outcome's webhook is scheduled (the outbox sends and retries it)
  | { type: "extended"; fromRound: number; nowMs: number; deadlineMs: number }
  | { type: "crashed"; message: string };

export function initialRunState(runId: string, companyId: string): RunState {
  return {
    runId, companyId, round: 1, stage: "accepted", deadlineAt: 0, foundCount: 0, batchesTotal: 0, batchesDone: [],
    scoredCount: 0, scoredBeforeRound: 0, batchesEnqueued: false, outcomeRecorded: false, notifyOwed: false, errorCode: null, errorMessage: null,
    searchFailures: 0, searchRetryAt: null, resendAt: null, batchWaitMs: 0, batchResends: 0,
  };
}

/**
 * Searches a round makes before "no source answered" is its outcome. Each search already retries
 * every source twice within seconds (sources/resilience.ts); these retries span an outage of seconds.
 */
export const SEARCH_ATTEMPTS = 3;

/** Wait before the next search after `failures` failed ones (ms): 2 s, then 6 s. */
export function searchRetryDelayMs(failures: number): number {
  return 2000 * 3 ** Math.max(0, failures - 1);
}

/** How long a round waits to hear of a batch before re-sending (ms): the timeout, doubled per re-send so far. */
export function batchWaitMs(batchTimeoutMs: number, resends: number): number {
  return batchTimeoutMs * 2 ** resends;
}

/** What a new search or a new round starts from: no failed searches, no batches out. */
const FRESH_ROUND = { searchFailures: 0, searchRetryAt: null, resendAt: null, batchWaitMs: 0, batchResends: 0 } as const;

/** Profiles scored in the current round. */
const scoredThisRound = (state: RunState): number => state.scoredCount - (state.scoredBeforeRound ?? 0);

/**
 * Whether a PATCH may start the round after `fromRound` (the round D1 shows ended). The object must
 * be done with its own round — ended, and its webhook scheduled — or the extension would drop it.
 * D1 may be ahead of the object (a round a request failed before the object heard of it), never behind.
 */
export function canExtend(state: RunState, fromRound: number): boolean {
  return TERMINAL.has(state.stage) && !state.notifyOwed && fromRound >= state.round;
}

function fail(state: RunState, code: RunErrorCode, message: string): RunState {
  return { ...state, stage: "failed", outcomeRecorded: false, errorCode: code, errorMessage: message };
}

/**
 * Whether the run still waits for this batch: a report of it would apply. A consumer asks before it
 * scores, so a copy (a redelivery, a re-send whose first copy arrived after all) costs no work.
 */
export function batchOutstanding(state: RunState, round: number, batch: number): boolean {
  return state.stage === "enriching" && round === state.round && batch >= 0 && batch < state.batchesTotal && !state.batchesDone.includes(batch);
}

export function transition(state: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case "started":
      return state.stage === "accepted" ? { ...state, stage: "icp", deadlineAt: event.nowMs + event.deadlineMs } : state;
    case "icp_derived":
      return state.stage === "icp" ? { ...state, stage: "searching", ...FRESH_ROUND } : state;
    case "search_finished":
      if (state.stage !== "searching") return state;
      // Nobody found is an answer, not a failure: the run completes with no candidates and bills nothing.
      if (event.batches === 0) return { ...state, stage: "ranking", batchesTotal: 0, batchesDone: [], ...FRESH_ROUND };
      return {
        ...state, stage: "enriching", foundCount: state.foundCount + event.found, batchesTotal: event.batches,
        batchesDone: [], batchesEnqueued: false, ...FRESH_ROUND,
      };
    case "batches_enqueued": {
      // Also after a re-send (batchesEnqueued was cleared by batches_overdue): the wait starts again, longer.
      if (state.stage !== "enriching" || state.batchesEnqueued) return state;
      const waitMs = batchWaitMs(event.batchTimeoutMs, state.batchResends ?? 0);
      return { ...state, batchesEnqueued: true, batchWaitMs: waitMs, resendAt: event.nowMs + waitMs };
    }
    case "batches_overdue": {
      const resendAt = state.resendAt ?? null;
      const overdue = state.stage === "enriching" && state.batchesEnqueued && resendAt !== null && event.nowMs >= resendAt
        && event.nowMs < state.deadlineAt && state.batchesDone.length < state.batchesTotal;
      // Not enqueued again: the enqueue step is due, and sends the batches still outstanding.
      return overdue ? { ...state, batchesEnqueued: false, resendAt: null, batchResends: (state.batchResends ?? 0) + 1 } : state;
    }
    case "search_failed": {
      if (state.stage !== "searching") return state;
      const failures = (state.searchFailures ?? 0) + 1;
      if (failures >= SEARCH_ATTEMPTS) return fail(state, event.code, event.message);
      return { ...state, searchFailures: failures, searchRetryAt: event.nowMs + searchRetryDelayMs(failures) };
    }
    case "batch_reported": {
      if (!batchOutstanding(state, event.round, event.batch)) return state;
      const batchesDone = [...state.batchesDone, event.batch];
      const next = { ...state, batchesDone, scoredCount: state.scoredCount + event.scored };
      // A batch heard of: the queue is delivering this round, so the re-send waits from now.
      if (batchesDone.length < state.batchesTotal) {
        const resendAt = state.resendAt ?? null;
        return resendAt === null ? next : { ...next, resendAt: Math.max(resendAt, event.nowMs + (state.batchWaitMs ?? 0)) };
      }
      return scoredThisRound(next) > 0 ? { ...next, stage: "ranking" } : fail(next, "ENRICHMENT_FAILED", "Every profile failed enrichment");
    }
    case "deadline_reached":
      if (TERMINAL.has(state.stage) || state.stage === "ranking" || event.nowMs < state.deadlineAt) return state;
      // Finalize with what is scored rather than throw away finished work; fail only with nothing.
      return scoredThisRound(state) > 0
        ? { ...state, stage: "ranking" }
        : fail(state, "RUN_DEADLINE_EXCEEDED", "The run could not finish before its deadline");
    case "ranked":
      return state.stage === "ranking" ? { ...state, stage: "completed", outcomeRecorded: true, notifyOwed: true } : state;
    case "outcome_recorded":
      return state.stage === "failed" && !state.outcomeRecorded ? { ...state, outcomeRecorded: true, notifyOwed: true } : state;
    case "outcome_found": {
      const writing = state.stage === "ranking" || (state.stage === "failed" && !state.outcomeRecorded);
      if (!writing) return state;
      const completed = event.status === "completed";
      return {
        ...state, stage: event.status, outcomeRecorded: true, notifyOwed: event.ours,
        errorCode: completed ? null : event.errorCode, errorMessage: completed ? null : event.errorMessage,
      };
    }
    case "notified":
      return TERMINAL.has(state.stage) && state.notifyOwed ? { ...state, notifyOwed: false } : state;
    case "extended":
      if (!canExtend(state, event.fromRound)) return state;
      return {
        ...state, round: event.fromRound + 1, stage: "icp", deadlineAt: event.nowMs + event.deadlineMs, batchesTotal: 0, batchesDone: [],
        scoredBeforeRound: state.scoredCount, batchesEnqueued: false, outcomeRecorded: false, notifyOwed: false, errorCode: null, errorMessage: null,
        ...FRESH_ROUND,
      };
    case "crashed":
      // A recorded outcome is never overridden. If what keeps failing is scheduling its webhook, the
      // run gives up on the webhook (the outcome is in D1 for polling) rather than retry forever.
      if (TERMINAL.has(state.stage)) return state.notifyOwed ? { ...state, notifyOwed: false } : state;
      return fail(state, "INTERNAL_ERROR", event.message);
  }
}

/**
 * When the alarm should next fire: now for stages that do work; a failed search's retry time; while
 * waiting on batches, the deadline or the re-send of lost ones, whichever is first.
 */
export function nextAlarmAt(state: RunState, nowMs: number): number | null {
  switch (state.stage) {
    case "accepted":
      return null; // nothing to do until `started` (start() applies it at once)
    case "icp":
    case "ranking":
      return nowMs;
    case "searching":
      return state.searchRetryAt ?? nowMs;
    case "enriching":
      if (!state.batchesEnqueued) return nowMs;
      return state.resendAt == null ? state.deadlineAt : Math.min(state.deadlineAt, state.resendAt);
    case "failed":
      return state.outcomeRecorded && !state.notifyOwed ? null : nowMs;
    case "completed":
      return state.notifyOwed ? nowMs : null;
  }
}
