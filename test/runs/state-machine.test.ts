// The run's transition function, table by table: each event from each stage, and duplicates.
import { describe, expect, it } from "vitest";
import { initialRunState, nextAlarmAt, type RunEvent, type RunState, type Stage, transition } from "../../src/runs/state-machine";

const NOW = 1_000_000;
const at = (stage: Stage, patch: Partial<RunState> = {}): RunState => ({
  ...initialRunState("req_1", "co_1"), stage, deadlineAt: NOW + 300_000, ...patch,
});

describe("transition", () => {
  const cases: [string, RunState, RunEvent, Partial<RunState>][] = [
    ["started sets the deadline", at("accepted", { deadlineAt: 0 }), { type: "started", nowMs: NOW, deadlineMs: 5000 }, { stage: "icp", deadlineAt: NOW + 5000 }],
    ["icp derived → searching", at("icp"), { type: "icp_derived" }, { stage: "searching" }],
    ["search found → enriching", at("searching"), { type: "search_finished", found: 25, batches: 3 }, { stage: "enriching", foundCount: 25, batchesTotal: 3, batchesEnqueued: false }],
    ["search found nobody → ranking (completes empty)", at("searching"), { type: "search_finished", found: 0, batches: 0 }, { stage: "ranking", batchesTotal: 0 }],
    ["search failed once → searching again after a backoff", at("searching"), { type: "search_failed", code: "SOURCE_UNAVAILABLE", message: "x", nowMs: NOW }, { stage: "searching", searchFailures: 1, searchRetryAt: NOW + 2000 }],
    ["batches enqueued → waits the batch timeout for them", at("enriching", { batchesTotal: 2 }), { type: "batches_enqueued", nowMs: NOW, batchTimeoutMs: 60_000 }, { batchesEnqueued: true, batchWaitMs: 60_000, resendAt: NOW + 60_000 }],
    ["first of two batches", at("enriching", { batchesTotal: 2 }), { type: "batch_reported", round: 1, batch: 1, scored: 9, nowMs: NOW }, { stage: "enriching", batchesDone: [1], scoredCount: 9 }],
    ["last batch → ranking", at("enriching", { batchesTotal: 2, batchesDone: [0], scoredCount: 10 }), { type: "batch_reported", round: 1, batch: 1, scored: 7, nowMs: NOW }, { stage: "ranking", scoredCount: 17 }],
    ["last batch, nothing scored at all → failed", at("enriching", { batchesTotal: 1 }), { type: "batch_reported", round: 1, batch: 0, scored: 0, nowMs: NOW }, { stage: "failed", errorCode: "ENRICHMENT_FAILED" }],
    ["deadline with scored work → ranking", at("enriching", { batchesTotal: 3, scoredCount: 4 }), { type: "deadline_reached", nowMs: NOW + 300_000 }, { stage: "ranking" }],
    ["deadline with nothing scored → failed", at("enriching", { batchesTotal: 3 }), { type: "deadline_reached", nowMs: NOW + 300_000 }, { stage: "failed", errorCode: "RUN_DEADLINE_EXCEEDED" }],
    ["deadline while searching → failed", at("searching"), { type: "deadline_reached", nowMs: NOW + 400_000 }, { stage: "failed", errorCode: "RUN_DEADLINE_EXCEEDED" }],
    ["ranked → completed and recorded", at("ranking"), { type: "ranked" }, { stage: "completed", outcomeRecorded: true }],
    ["failure recorded", at("failed"), { type: "outcome_recorded" }, { outcomeRecorded: true }],
    ["extend a completed run → next round", at("completed", { outcomeRecorded: true, scoredCount: 20, batchesDone: [0, 1] }), { type: "extended", fromRound: 1, nowMs: NOW, deadlineMs: 1000 }, { stage: "icp", round: 2, scoredCount: 20, batchesDone: [], deadlineAt: NOW + 1000, outcomeRecorded: false }],
    ["extend a failed run → next round, error cleared", at("failed", { errorCode: "SOURCE_UNAVAILABLE", errorMessage: "x" }), { type: "extended", fromRound: 1, nowMs: NOW, deadlineMs: 1000 }, { stage: "icp", round: 2, errorCode: null, errorMessage: null }],
    ["crash → failed INTERNAL_ERROR", at("enriching"), { type: "crashed", message: "boom" }, { stage: "failed", errorCode: "INTERNAL_ERROR" }],
    // The outcome is recorded before its webhook is owed, and a webhook that cannot be scheduled never reopens it.
    ["ranked → the completion's webhook is owed", at("ranking"), { type: "ranked" }, { stage: "completed", outcomeRecorded: true, notifyOwed: true }],
    ["failure recorded → its webhook is owed", at("failed"), { type: "outcome_recorded" }, { outcomeRecorded: true, notifyOwed: true }],
    ["webhook scheduled", at("completed", { outcomeRecorded: true, notifyOwed: true }), { type: "notified" }, { stage: "completed", notifyOwed: false }],
    ["crash while the webhook cannot be scheduled: the outcome stands, the webhook is given up", at("completed", { outcomeRecorded: true, notifyOwed: true }), { type: "crashed", message: "boom" }, { stage: "completed", outcomeRecorded: true, notifyOwed: false, errorCode: null }],
    // A terminal write that found the round already ended adopts the outcome that stands.
    ["found failed by a request that could not start the round → failed, nothing owed", at("ranking", { scoredCount: 7 }), { type: "outcome_found", status: "failed", ours: false, errorCode: "INTERNAL_ERROR", errorMessage: "could not be started" }, { stage: "failed", outcomeRecorded: true, notifyOwed: false, errorCode: "INTERNAL_ERROR", errorMessage: "could not be started" }],
    ["found completed by our own earlier write → completed, its webhook owed", at("ranking"), { type: "outcome_found", status: "completed", ours: true, errorCode: null, errorMessage: null }, { stage: "completed", outcomeRecorded: true, notifyOwed: true }],
    ["an unrecorded failure finds our completion committed → completed, error cleared", at("failed", { errorCode: "INTERNAL_ERROR", errorMessage: "x" }), { type: "outcome_found", status: "completed", ours: true, errorCode: null, errorMessage: null }, { stage: "completed", outcomeRecorded: true, notifyOwed: true, errorCode: null, errorMessage: null }],
    // A round's own count decides whether it scored anything.
    ["round 2's last batch, nothing scored in round 2 → failed, whatever earlier rounds scored", at("enriching", { round: 2, batchesTotal: 1, scoredCount: 20, scoredBeforeRound: 20 }), { type: "batch_reported", round: 2, batch: 0, scored: 0, nowMs: NOW }, { stage: "failed", errorCode: "ENRICHMENT_FAILED", scoredCount: 20 }],
    ["round 2's deadline, nothing scored in round 2 → failed", at("enriching", { round: 2, batchesTotal: 3, scoredCount: 20, scoredBeforeRound: 20 }), { type: "deadline_reached", nowMs: NOW + 300_000 }, { stage: "failed", errorCode: "RUN_DEADLINE_EXCEEDED" }],
    ["round 2's last batch, something scored in round 2 → ranking", at("enriching", { round: 2, batchesTotal: 1, scoredCount: 20, scoredBeforeRound: 20 }), { type: "batch_reported", round: 2, batch: 0, scored: 3, nowMs: NOW }, { stage: "ranking", scoredCount: 23 }],
    ["a state stored before scoredBeforeRound is judged by scoredCount, as then", at("enriching", { round: 2, batchesTotal: 1, scoredCount: 5, scoredBeforeRound: undefined as unknown as number }), { type: "batch_reported", round: 2, batch: 0, scored: 0, nowMs: NOW }, { stage: "ranking" }],
    ["extend starts the round's count from the run's", at("completed", { outcomeRecorded: true, scoredCount: 20 }), { type: "extended", fromRound: 1, nowMs: NOW, deadlineMs: 1000 }, { round: 2, scoredCount: 20, scoredBeforeRound: 20 }],
    // A failed search is retried by the alarm before it is the round's outcome.
    ["search failed a second time → a longer backoff", at("searching", { searchFailures: 1, searchRetryAt: NOW }), { type: "search_failed", code: "SOURCE_UNAVAILABLE", message: "x", nowMs: NOW }, { stage: "searching", searchFailures: 2, searchRetryAt: NOW + 6000 }],
    ["search failed its last attempt → failed with its code", at("searching", { searchFailures: 2 }), { type: "search_failed", code: "SOURCE_UNAVAILABLE", message: "x", nowMs: NOW }, { stage: "failed", errorCode: "SOURCE_UNAVAILABLE", outcomeRecorded: false }],
    ["a search that answers after failures → the count starts over", at("searching", { searchFailures: 2, searchRetryAt: NOW }), { type: "search_finished", found: 5, batches: 1 }, { stage: "enriching", searchFailures: 0, searchRetryAt: null }],
    // Lost batches: re-sent after the batch timeout, the wait doubling per re-send.
    ["no batch heard of by resendAt → the outstanding batches are sent again", at("enriching", { batchesTotal: 3, batchesDone: [1], batchesEnqueued: true, resendAt: NOW, batchWaitMs: 60_000 }), { type: "batches_overdue", nowMs: NOW }, { stage: "enriching", batchesEnqueued: false, resendAt: null, batchResends: 1, batchesDone: [1] }],
    ["re-sent batches enqueued → waits twice as long", at("enriching", { batchesTotal: 3, batchResends: 1 }), { type: "batches_enqueued", nowMs: NOW, batchTimeoutMs: 60_000 }, { batchesEnqueued: true, batchWaitMs: 120_000, resendAt: NOW + 120_000 }],
    ["a batch heard of → the re-send waits from now", at("enriching", { batchesTotal: 3, batchesEnqueued: true, resendAt: NOW + 1000, batchWaitMs: 60_000 }), { type: "batch_reported", round: 1, batch: 0, scored: 4, nowMs: NOW + 500 }, { resendAt: NOW + 60_500, batchesDone: [0] }],
    ["the re-sent copy of a batch whose first copy came too → counted once", at("enriching", { batchesTotal: 2, batchesDone: [0], scoredCount: 4, batchResends: 1 }), { type: "batch_reported", round: 1, batch: 1, scored: 3, nowMs: NOW }, { stage: "ranking", scoredCount: 7 }],
    ["extend clears the last round's re-sends and search failures", at("completed", { outcomeRecorded: true, batchResends: 2, resendAt: NOW, searchFailures: 1 }), { type: "extended", fromRound: 1, nowMs: NOW, deadlineMs: 1000 }, { round: 2, batchResends: 0, resendAt: null, searchFailures: 0, searchRetryAt: null }],
    ["extend when D1 is a round ahead (a round a request failed unseen) → the round after D1's", at("completed", { outcomeRecorded: true }), { type: "extended", fromRound: 2, nowMs: NOW, deadlineMs: 1000 }, { stage: "icp", round: 3 }],
  ];
  it.each(cases)("%s", (_name, state, event, expected) => {
    expect(transition(state, event)).toMatchObject(expected);
  });

  // Events that do not apply leave the state untouched (the same object): this is what makes
  // redelivered messages and repeated alarms harmless.
  const ignored: [string, RunState, RunEvent][] = [
    ["started twice", at("icp"), { type: "started", nowMs: NOW, deadlineMs: 1 }],
    ["a batch already reported", at("enriching", { batchesTotal: 2, batchesDone: [0] }), { type: "batch_reported", round: 1, batch: 0, scored: 5, nowMs: NOW }],
    ["a batch of an earlier round", at("enriching", { round: 2, batchesTotal: 2 }), { type: "batch_reported", round: 1, batch: 0, scored: 5, nowMs: NOW }],
    ["a batch index out of range", at("enriching", { batchesTotal: 2 }), { type: "batch_reported", round: 1, batch: 2, scored: 5, nowMs: NOW }],
    ["a batch after completion", at("completed"), { type: "batch_reported", round: 1, batch: 0, scored: 5, nowMs: NOW }],
    ["a deadline not yet reached", at("enriching"), { type: "deadline_reached", nowMs: NOW }],
    ["a deadline after completion", at("completed"), { type: "deadline_reached", nowMs: NOW + 10_000_000 }],
    ["a deadline while ranking", at("ranking"), { type: "deadline_reached", nowMs: NOW + 10_000_000 }],
    ["ranked twice", at("completed"), { type: "ranked" }],
    ["extend while processing", at("enriching"), { type: "extended", fromRound: 1, nowMs: NOW, deadlineMs: 1 }],
    ["extend from a stale round", at("completed", { round: 2 }), { type: "extended", fromRound: 1, nowMs: NOW, deadlineMs: 1 }],
    ["search result after failure", at("failed"), { type: "search_finished", found: 3, batches: 1 }],
    ["crash after completion", at("completed"), { type: "crashed", message: "late" }],
    ["extend while the ended round's webhook is still owed", at("completed", { outcomeRecorded: true, notifyOwed: true }), { type: "extended", fromRound: 1, nowMs: NOW, deadlineMs: 1 }],
    ["an outcome found after the outcome was recorded", at("completed", { outcomeRecorded: true }), { type: "outcome_found", status: "failed", ours: false, errorCode: "INTERNAL_ERROR", errorMessage: "x" }],
    ["an outcome found while enriching", at("enriching"), { type: "outcome_found", status: "failed", ours: false, errorCode: "INTERNAL_ERROR", errorMessage: "x" }],
    ["a failure recorded twice", at("failed", { outcomeRecorded: true }), { type: "outcome_recorded" }],
    ["notified with nothing owed", at("completed", { outcomeRecorded: true }), { type: "notified" }],
    ["overdue before resendAt", at("enriching", { batchesTotal: 2, batchesEnqueued: true, resendAt: NOW + 1 }), { type: "batches_overdue", nowMs: NOW }],
    ["overdue once the deadline has passed (the deadline ends the wait)", at("enriching", { batchesTotal: 2, batchesEnqueued: true, resendAt: NOW }), { type: "batches_overdue", nowMs: NOW + 300_000 }],
    ["overdue in a state stored before re-sends (no resendAt)", at("enriching", { batchesTotal: 2, batchesEnqueued: true, resendAt: undefined as unknown as null }), { type: "batches_overdue", nowMs: NOW }],
    ["overdue while the batches are being sent", at("enriching", { batchesTotal: 2, batchesEnqueued: false, resendAt: NOW }), { type: "batches_overdue", nowMs: NOW }],
    ["overdue after ranking began", at("ranking", { resendAt: NOW }), { type: "batches_overdue", nowMs: NOW }],
    ["enqueued twice", at("enriching", { batchesTotal: 2, batchesEnqueued: true, resendAt: NOW + 5 }), { type: "batches_enqueued", nowMs: NOW, batchTimeoutMs: 1 }],
    ["a search failure after the search finished", at("enriching"), { type: "search_failed", code: "SOURCE_UNAVAILABLE", message: "x", nowMs: NOW }],
  ];
  it.each(ignored)("ignores %s", (_name, state, event) => {
    expect(transition(state, event)).toBe(state);
  });
});

describe("nextAlarmAt", () => {
  it.each([
    ["accepted (not started)", at("accepted"), null],
    ["icp", at("icp"), NOW],
    ["searching", at("searching"), NOW],
    ["enriching, batches not yet sent", at("enriching"), NOW],
    ["enriching, waiting on batches", at("enriching", { batchesEnqueued: true }), NOW + 300_000],
    ["enriching, waiting on batches: the re-send if it comes first", at("enriching", { batchesEnqueued: true, resendAt: NOW + 60_000 }), NOW + 60_000],
    ["enriching, waiting on batches: the deadline if it comes first", at("enriching", { batchesEnqueued: true, resendAt: NOW + 400_000 }), NOW + 300_000],
    ["enriching, a state stored before re-sends: the deadline", at("enriching", { batchesEnqueued: true, resendAt: undefined as unknown as null }), NOW + 300_000],
    ["searching after a failed search: its retry time", at("searching", { searchFailures: 1, searchRetryAt: NOW + 2000 }), NOW + 2000],
    ["searching, a state stored before search retries: now", at("searching", { searchRetryAt: undefined as unknown as null }), NOW],
    ["ranking", at("ranking"), NOW],
    ["failed, not yet recorded", at("failed"), NOW],
    ["failed and recorded", at("failed", { outcomeRecorded: true }), null],
    ["completed", at("completed", { outcomeRecorded: true }), null],
    ["completed, webhook owed", at("completed", { outcomeRecorded: true, notifyOwed: true }), NOW],
    ["failed and recorded, webhook owed", at("failed", { outcomeRecorded: true, notifyOwed: true }), NOW],
  ] as const)("%s", (_name, state, expected) => {
    expect(nextAlarmAt(state, NOW)).toBe(expected);
  });
});
