import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import { decideRequest, staleAfter, type RateLimitDecision, type RateLimits, type WindowState } from "./windows";

/** Storage key of the one WindowState this object keeps. */
const STATE_KEY = "windows";

/**
 * One object per API key (`idFromName(keyId)`), so every isolate counting that key talks to the
 * same single-threaded counter: the limits are exact, not per-isolate estimates.
 *
 * Invariant: while state is stored, the alarm is set to `staleAfter(state)`; the alarm then wipes
 * the storage, so a key that has gone quiet costs nothing.
 */
export class RateLimiter extends DurableObject<Env> {
  /** In-memory copy of the stored state; `loaded` distinguishes "not read yet" from "none". */
  private state: WindowState | undefined;
  private loaded = false;

  /**
   * Count one request against `limits`. The read, the decision and the write below are all
   * synchronous (SQLite-backed KV), so no other call can interleave between them.
   */
  async consume(limits: RateLimits): Promise<RateLimitDecision> {
    const previous = this.current();
    const { decision, next } = decideRequest(previous, limits, Date.now());
    if (!sameState(previous, next)) {
      this.state = next;
      this.ctx.storage.kv.put(STATE_KEY, next);
    }
    // A new hour window moves the moment the state goes stale; keep the alarm on it.
    const cleanupAt = staleAfter(next);
    if (previous === undefined || staleAfter(previous) !== cleanupAt) {
      await this.ctx.storage.setAlarm(cleanupAt);
    }
    return decision;
  }

  /** The key's quota as it stands, without counting a request (for responses refused before the limit). */
  async peek(limits: RateLimits): Promise<RateLimitDecision> {
    return decideRequest(this.current(), limits, Date.now(), { count: false }).decision;
  }

  /**
   * Delete the state once both windows are over. Idempotent: with nothing stored it does nothing;
   * delivered early (at-least-once delivery, or a request that opened a new window in between) it
   * only re-arms itself.
   */
  override async alarm(): Promise<void> {
    const state = this.current();
    if (state === undefined) return;
    if (Date.now() < staleAfter(state)) {
      await this.ctx.storage.setAlarm(staleAfter(state));
      return;
    }
    this.state = undefined;
    await this.ctx.storage.deleteAll();
  }

  private current(): WindowState | undefined {
    if (!this.loaded) {
      this.state = this.ctx.storage.kv.get<WindowState>(STATE_KEY);
      this.loaded = true;
    }
    return this.state;
  }
}

function sameState(a: WindowState | undefined, b: WindowState): boolean {
  return (
    a !== undefined &&
    a.minuteStart === b.minuteStart &&
    a.minuteCount === b.minuteCount &&
    a.hourStart === b.hourStart &&
    a.hourCount === b.hourCount
  );
}
