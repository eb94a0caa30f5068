// The per-key cap on open event streams, as the SSE route uses it: take a slot before streaming
// (429 when the key holds them all), renew it while streaming, give it back when the stream ends.
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { readConfig } from "../config";
import { ApiError } from "../errors";
import { limiterOf } from "./middleware";

// A slot lapses this long (ms) after its last renewal: how long a stream killed without closing
// keeps its slot. Renewed every STREAM_SLOT_RENEW_MS, so a live stream misses two renewals first.
const STREAM_SLOT_TTL_MS = 60_000;
export const STREAM_SLOT_RENEW_MS = 20_000;

export type StreamSlot = {
  /** Extend the slot; false when it lapsed and another stream has it (the stream should end). */
  renew(): Promise<boolean>;
  /** Give it back; safe to call more than once. */
  release(): Promise<void>;
};

/** Take one of the key's stream slots, or refuse with the contract's 429 RATE_LIMIT_EXCEEDED. */
export async function claimStreamSlot(c: Context<AppEnv>): Promise<StreamSlot> {
  const limiter = limiterOf(c);
  const maxStreams = readConfig(c.env).maxStreamsPerKey;
  const lease = { leaseId: crypto.randomUUID(), maxStreams, ttlMs: STREAM_SLOT_TTL_MS };
  const { granted, retryAfterS } = await limiter.openStream(lease);
  if (!granted) {
    throw new ApiError(
      "RATE_LIMIT_EXCEEDED",
      `This API key already has ${maxStreams} event streams open; close one or retry in ${retryAfterS} s`,
      { retryAfter: retryAfterS, maxConcurrentStreams: maxStreams },
      { "Retry-After": String(retryAfterS) },
    );
  }
  let released = false;
  return {
    renew: () => limiter.renewStream(lease),
    release: async () => {
      if (released) return;
      released = true;
      await limiter.closeStream(lease.leaseId);
    },
  };
}
