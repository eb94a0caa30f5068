// The event stream's polling decisions (pure): where the next view comes from, and how long to wait.
import { describe, expect, it } from "vitest";
import { nextPollDelayMs, nextRead, POLL_MAX_MS, POLL_MIN_MS, type RunProgress, type RunView } from "../../src/routes/sourcing-events-poll";

const previous: RunView = {
  id: "req_1", status: "processing", stage: "enriching", round: 1, batchesTotal: 4, batchesDone: 1,
  foundCount: 40, scoredCount: 10, completedAt: null, errorCode: null, errorMessage: null,
};
const progress = (p: Partial<RunProgress>): RunProgress => ({
  runId: "req_1", round: 1, stage: "enriching", ended: false, foundCount: 40, scoredCount: 10, batchesTotal: 4, batchesDone: 1, ...p,
});

describe("nextRead", () => {
  it("a run in flight is read from its object, as the read model would show it", () => {
    expect(nextRead(progress({ batchesDone: 2, scoredCount: 20 }), previous)).toEqual({
      from: "object", view: { ...previous, batchesDone: 2, scoredCount: 20 },
    });
  });

  it.each([
    ["the object knows no run (never started, or not reachable)", null, "d1"],
    ["the outcome is recorded: read it as D1 has it (completedAt, error)", progress({ stage: "completed", ended: true }), "d1"],
    ["a failure recorded", progress({ stage: "failed", ended: true }), "d1"],
    ["the outcome is being written: nothing new yet", progress({ stage: "failed", ended: false }), "unchanged"],
    ["the object is behind a round D1 reopened", progress({ round: 0 }), "unchanged"],
  ] as const)("%s → %s", (_case, p, from) => {
    expect(nextRead(p, previous).from).toBe(from);
  });
});

describe("nextPollDelayMs", () => {
  it.each([
    [POLL_MIN_MS, { changed: true, readD1: false }, POLL_MIN_MS],
    [POLL_MAX_MS, { changed: true, readD1: false }, POLL_MIN_MS], // a change: back to the shortest wait
    [POLL_MIN_MS, { changed: false, readD1: false }, 2 * POLL_MIN_MS], // nothing new: the wait doubles
    [4_000, { changed: false, readD1: false }, POLL_MAX_MS], // … up to the cap
    [POLL_MAX_MS, { changed: false, readD1: false }, POLL_MAX_MS],
    [POLL_MIN_MS, { changed: true, readD1: true }, POLL_MAX_MS], // D1, the fallback, is asked at the slowest pace
  ])("after %i ms, %o → %i ms", (previousMs, poll, expected) => {
    expect(nextPollDelayMs(previousMs, poll)).toBe(expected);
  });

  it("an idle 15-minute stream asks its object at most a few hundred times", () => {
    let delayMs = POLL_MIN_MS;
    let polls = 0;
    for (let t = 0; t < 15 * 60_000; t += delayMs) {
      delayMs = nextPollDelayMs(delayMs, { changed: false, readD1: false });
      polls++;
    }
    expect(polls).toBeLessThanOrEqual(15 * 60_000 / POLL_MAX_MS + 5);
  });
});
