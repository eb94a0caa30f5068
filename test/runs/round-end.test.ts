// Whose outcome stands when a run's terminal write found its round already ended (and wrote nothing).
import { describe, expect, it } from "vitest";
import { outcomeFound, type RoundStanding } from "../../src/runs/round-end";

const run = (patch: Partial<RoundStanding>): RoundStanding => ({
  status: "failed", round: 1, endedBy: "run", errorCode: null, errorMessage: null, foundCount: 0, scoredCount: 0, ...patch,
});
const superseded = { status: "failed", ours: false, errorCode: "INTERNAL_ERROR" };

describe("outcomeFound", () => {
  it.each([
    ["our own completion, committed unseen", run({ status: "completed" }), 1, { status: "completed", ours: true, errorCode: null }],
    ["our own failure, committed unseen", run({ errorCode: "SOURCE_UNAVAILABLE", errorMessage: "down" }), 1, { status: "failed", ours: true, errorCode: "SOURCE_UNAVAILABLE", errorMessage: "down" }],
    ["failed by a request that could not hand the round over", run({ endedBy: "admission", errorCode: "INTERNAL_ERROR", errorMessage: "The run could not be started" }), 1, { status: "failed", ours: false, errorCode: "INTERNAL_ERROR", errorMessage: "The run could not be started" }],
    ["ended before ended_by existed: the run's own", run({ status: "completed", endedBy: null }), 1, { status: "completed", ours: true }],
    ["the run has moved on to a later round", run({ status: "processing", round: 3, endedBy: null }), 2, superseded],
    ["a later round has ended", run({ status: "completed", round: 3 }), 2, superseded],
    ["no such run", null, 1, superseded],
  ] as const)("%s", (_name, standing, round, expected) => {
    expect(outcomeFound(standing, round)).toMatchObject(expected);
  });
});
