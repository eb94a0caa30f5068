// What to do with a request D1 shows still `processing` long after its last progress (pure). Every
// request ends itself in time when nothing goes wrong: a sourcing run by its deadline, an enrichment
// by its own budget and deadline, a preview within its request. One that has not is stuck: its
// object lost its alarm (re-arm it), or nothing holds its round any more (fail it, which releases its
// credits). Failing is always safe to race: the terminal write applies only while the round is still
// processing (run-store recordFailure), so a reconciler and the object, or two overlapping crons,
// end a round once and release its reservation once.
import type { RunEnder, RunKind } from "../db/schema";

export type StuckRow = {
  kind: RunKind;
  round: number; // the round D1 shows processing (1-based)
  idleMs: number; // since the row's last progress (updated_at)
};

/** What the request's object said when asked about it. Previews have no object: "none". */
export type Holder =
  | { kind: "none" } // the object holds nothing: the request never reached it
  | { kind: "unreachable" } // the object could not be asked
  | { kind: "held"; round: number; ended: boolean }; // ended: the object has ended (and recorded) that round

export type ReconcilePolicy = {
  stuckAfterMs: number; // idle this long: stuck
  giveUpAfterMs: number; // idle this long although re-armed: failed
};

/**
 * `rearm`: poke the object so its alarm runs again. `fail`: end the round failed and release its
 * credits, as `endedBy` — "run" when the object holds the round (it adopts the failure as its own
 * when it next runs, and owes its webhook), "admission" when no object ever had the round: the
 * request that admitted it never answered 202, so nobody is owed a webhook. `thenRearm`: poke the
 * object after failing, so that it learns of the failure.
 */
export type Verdict =
  | { action: "wait"; why: string }
  | { action: "rearm"; why: string }
  | { action: "fail"; endedBy: RunEnder; thenRearm: boolean; why: string };

export function decideStuck(row: StuckRow, holder: Holder, policy: ReconcilePolicy): Verdict {
  if (row.idleMs < policy.stuckAfterMs) return { action: "wait", why: "not stuck yet" };
  const givenUp = row.idleMs >= policy.giveUpAfterMs;
  // A preview runs inside its request, which answers only once it has ended: one still processing
  // lost its request (a client disconnect, a dead isolate). Nothing else will ever end it.
  if (row.kind === "preview") return { action: "fail", endedBy: "admission", thenRearm: false, why: "a preview outlived its request" };
  switch (holder.kind) {
    case "none":
      return { action: "fail", endedBy: "admission", thenRearm: false, why: "no object holds the request" };
    case "unreachable":
      // It may hold the round and be fine once reachable again; failed only when that takes too long.
      return givenUp
        ? { action: "fail", endedBy: "run", thenRearm: false, why: "the object stayed unreachable" }
        : { action: "wait", why: "the object is unreachable" };
    case "held":
      // D1 reopened the round (PATCH) but the round never reached the object: it is still on an
      // earlier one, and will never end this one.
      if (holder.round < row.round) return { action: "fail", endedBy: "admission", thenRearm: false, why: "the round never reached its object" };
      // The object ended the round yet D1 shows it processing: nothing more will come from the
      // object; the failure is written (a no-op if the round did end in D1 after all).
      if (holder.round === row.round && holder.ended) return { action: "fail", endedBy: "run", thenRearm: false, why: "the object ended the round without D1" };
      return givenUp
        ? { action: "fail", endedBy: "run", thenRearm: true, why: "the round stayed stuck although re-armed" }
        : { action: "rearm", why: "the object holds the round but is idle" };
  }
}
