/**
 * How many event streams (GET /sourcing/{id}/events) one API key may hold open at once, as leases.
 *
 * Why leases with an expiry rather than a counter: a stream that ends normally gives its slot back,
 * but one whose Worker is killed (a deploy, a crash, a lost client the runtime gives up on) never
 * does. A lease is renewed while its stream lives and lapses `ttlMs` after the last renewal, so a
 * dead stream holds its slot for at most that long.
 *
 * Pure: the caller supplies the clock (`nowMs`) and persists `next`.
 */

/** Lease id → the moment (ms epoch) it lapses unless renewed. */
export type StreamLeases = Readonly<Record<string, number>>;

export type LeaseRequest = { leaseId: string; maxStreams: number; ttlMs: number; nowMs: number };

/** The leases still live at `nowMs`; lapsed ones are forgotten. */
export function liveLeases(leases: StreamLeases, nowMs: number): StreamLeases {
  return Object.fromEntries(Object.entries(leases).filter(([, expiresAt]) => expiresAt > nowMs));
}

/**
 * Grant a lease if fewer than `maxStreams` are live; a lease already held is renewed (a retried
 * call must not take a second slot). Refused: `retryAfterS` is when the soonest live lease lapses
 * if its stream stops renewing it — the earliest a slot can free without a stream ending (≥ 1 s).
 */
export function acquireLease(leases: StreamLeases, r: LeaseRequest): { granted: boolean; next: StreamLeases; retryAfterS: number } {
  const live = liveLeases(leases, r.nowMs);
  if (r.leaseId in live || Object.keys(live).length < r.maxStreams) {
    return { granted: true, next: { ...live, [r.leaseId]: r.nowMs + r.ttlMs }, retryAfterS: 0 };
  }
  const soonest = Math.min(...Object.values(live));
  return { granted: false, next: live, retryAfterS: Math.max(1, Math.ceil((soonest - r.nowMs) / 1000)) };
}

/**
 * Extend a live lease. A lease that lapsed (its stream stalled past `ttlMs`) is granted again only
 * if there is room: its slot may have gone to another stream meanwhile.
 */
export function renewLease(leases: StreamLeases, r: LeaseRequest): { held: boolean; next: StreamLeases } {
  const { granted, next } = acquireLease(leases, r);
  return { held: granted, next };
}

/** Give a lease back; releasing one that is gone (lapsed, or released twice) changes nothing. */
export function releaseLease(leases: StreamLeases, leaseId: string, nowMs: number): StreamLeases {
  const { [leaseId]: _released, ...rest } = liveLeases(leases, nowMs);
  return rest;
}

/** When the last live lease lapses (ms epoch), or null with none: after it the leases say nothing. */
export function leasesLapseAt(leases: StreamLeases): number | null {
  const times = Object.values(leases);
  return times.length === 0 ? null : Math.max(...times);
}
