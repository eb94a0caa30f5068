// What the reconciler does with a request stuck in processing, row by row (pure).
import { describe, expect, it } from "vitest";
import { decideStuck, type Holder, type StuckRow, type Verdict } from "../../src/maintenance/stuck-runs";

const MIN = 60_000;
const policy = { stuckAfterMs: 10 * MIN, giveUpAfterMs: 20 * MIN };
const row = (kind: StuckRow["kind"], idleMin: number, round = 1): StuckRow => ({ kind, round, idleMs: idleMin * MIN });
const held = (round: number, ended = false): Holder => ({ kind: "held", round, ended });
const none: Holder = { kind: "none" };
const unreachable: Holder = { kind: "unreachable" };

describe("decideStuck", () => {
  const cases: [string, StuckRow, Holder, Partial<Verdict> & { action: Verdict["action"] }][] = [
    ["idle under the threshold → left alone, whatever holds it", row("sourcing", 9), none, { action: "wait" }],
    ["a preview under the threshold → left alone (it may still be running in its request)", row("preview", 9), none, { action: "wait" }],
    ["a preview past the threshold lost its request → failed, nobody owed a webhook", row("preview", 10), none, { action: "fail", endedBy: "admission", thenRearm: false }],
    ["a run whose object holds nothing (start never reached it) → failed as the admission", row("sourcing", 11), none, { action: "fail", endedBy: "admission", thenRearm: false }],
    ["an enrichment whose object holds nothing → failed as the admission", row("enrich", 11), none, { action: "fail", endedBy: "admission" }],
    ["the object holds the round and is idle (a lost alarm) → re-armed", row("sourcing", 11), held(1), { action: "rearm" }],
    ["an enrichment job holding its request, idle → re-armed", row("enrich", 11), held(1), { action: "rearm" }],
    ["still idle at twice the threshold although re-armed → failed as the run, then poked to adopt it", row("sourcing", 20), held(1), { action: "fail", endedBy: "run", thenRearm: true }],
    ["PATCH reopened round 2 in D1, the object is still on round 1 (extend lost) → round 2 failed", row("sourcing", 11, 2), held(1, true), { action: "fail", endedBy: "admission", thenRearm: false }],
    ["PATCH reopened round 2, the object on round 1 not yet ended → round 2 failed all the same", row("sourcing", 11, 2), held(1, false), { action: "fail", endedBy: "admission" }],
    ["the object ended the round but D1 still shows it processing → failed (a no-op if D1 did end it)", row("enrich", 11), held(1, true), { action: "fail", endedBy: "run", thenRearm: false }],
    ["the object could not be asked → waits (it may be fine once reachable)", row("sourcing", 15), unreachable, { action: "wait" }],
    ["the object stayed unreachable to twice the threshold → failed as the run", row("sourcing", 20), unreachable, { action: "fail", endedBy: "run", thenRearm: false }],
    ["the object is ahead of D1 (not expected) → re-armed like any idle holder", row("sourcing", 11, 1), held(2), { action: "rearm" }],
  ];
  it.each(cases)("%s", (_name, stuck, holder, expected) => {
    expect(decideStuck(stuck, holder, policy)).toMatchObject(expected);
  });

  it("every verdict says why", () => {
    for (const [, stuck, holder] of cases) expect(decideStuck(stuck, holder, policy).why).toMatch(/\w/);
  });
});
