import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import { acquireLease, leasesLapseAt, releaseLease, renewLease, type LeaseRequest, type StreamLeases } from "./stream-leases";
import { decideRequest, staleAfter, type RateLimitDecision, type RateLimits, type WindowState } from "./windows";

/** Storage key of the one WindowState this object keeps. */
const STATE_KEY = "windows";
/** Storage key of the key's open event-stream leases (stream-leases.ts). */
const STREAMS_KEY = "streams";

/**
 * One object per API key (`idFromName(keyId)`), so every isolate counting that key talks to the
 * same single-threaded counter: the limits are exact, not per-isolate estimates.
 *
 * Invariant: while state is stored, an alarm is set; when it fires it wipes the storage once both
 * windows are over and every stream lease has lapsed (re-arming itself until then), so a key that
 * has gone quiet costs nothing. Requests set it to `staleAfter(state)`; leases outlive that rarely.
 */
export class RateLimiter extends DurableObject<Env> {
  /** In-memory copy of the stored state; `loaded` distinguishes "not read yet" from "none". */
  private state: WindowState | undefined;
  private loaded = false;
  /** In-memory copy of the stored stream leases, loaded like `state`. */
  private streams: StreamLeases | undefined;
  private streamsLoaded = false;

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
   * Delete the state once both windows are over and every stream lease has lapsed. Idempotent: with
   * nothing stored it does nothing; delivered early (at-least-once delivery, a request that opened a
   * new window in between, or a lease still live) it only re-arms itself.
   */
  override async alarm(): Promise<void> {
    const state = this.current();
    const streams = this.currentStreams();
    if (state === undefined && streams === undefined) return;
    const forgetAt = Math.max(state ? staleAfter(state) : 0, (streams && leasesLapseAt(streams)) ?? 0);
    if (Date.now() < forgetAt) {
      await this.ctx.storage.setAlarm(forgetAt);
      return;
    }
    this.state = undefined;
    this.streams = undefined;
    await this.ctx.storage.deleteAll();
  }

  // ---- concurrent event streams of this key (stream-leases.ts) -----------------------------
  // Read, decide and write are synchronous here too, so concurrent opens cannot exceed the cap.

  /** Take one of the key's `maxStreams` stream slots for `ttlMs`, or learn when one may free. */
  async openStream(r: Omit<LeaseRequest, "nowMs">): Promise<{ granted: boolean; retryAfterS: number }> {
    const { granted, next, retryAfterS } = acquireLease(this.currentStreams() ?? {}, { ...r, nowMs: Date.now() });
    this.putStreams(next);
    // Leases must be forgotten too; a request's alarm (staleAfter) is usually later and then stands.
    if (granted && (await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + r.ttlMs);
    return { granted, retryAfterS };
  }

  /** Keep a stream's slot for another `ttlMs`; false when it lapsed and the slots are taken. */
  async renewStream(r: Omit<LeaseRequest, "nowMs">): Promise<boolean> {
    const { held, next } = renewLease(this.currentStreams() ?? {}, { ...r, nowMs: Date.now() });
    this.putStreams(next);
    return held;
  }

  /** Give a stream's slot back (it ended or its client went away). */
  async closeStream(leaseId: string): Promise<void> {
    this.putStreams(releaseLease(this.currentStreams() ?? {}, leaseId, Date.now()));
  }

  private currentStreams(): StreamLeases | undefined {
    if (!this.streamsLoaded) {
      this.streams = this.ctx.storage.kv.get<StreamLeases>(STREAMS_KEY);
      this.streamsLoaded = true;
    }
    return this.streams;
  }

  private putStreams(next: StreamLeases): void {
    this.streams = next;
    this.ctx.storage.kv.put(STREAMS_KEY, next);
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
