// Calling a source: a timeout per attempt, bounded retries, and a circuit breaker shared through D1.
export const SOURCE_TIMEOUT_MS = 15_000;
export const SOURCE_RETRIES = 2; // attempts = 1 + retries
export const BREAKER_THRESHOLD = 3; // consecutive failed calls (after retries) that open the breaker
export const BREAKER_COOLDOWN_MS = 60_000;

export class SourceTimeoutError extends Error {
  constructor(source: string, ms: number) {
    super(`${source} did not answer within ${ms} ms`);
  }
}

/** Run `call` with an abortable deadline; a late answer is discarded, never half-used. */
export async function withTimeout<T>(source: string, ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new SourceTimeoutError(source, ms));
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), timeout]);
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}

export async function withRetries<T>(retries: number, attempt: () => Promise<T>, backoffMs = (n: number) => 200 * 2 ** n): Promise<T> {
  let lastError: unknown;
  for (let n = 0; n <= retries; n++) {
    try {
      return await attempt();
    } catch (err) {
      lastError = err;
      if (n < retries) await new Promise((r) => setTimeout(r, backoffMs(n)));
    }
  }
  throw lastError;
}

export type BreakerState = { consecutiveFailures: number; openedUntil: number | null };

/** Pure breaker rules: closed → open after THRESHOLD failures; half-open after the cooldown lets one call through. */
export function breakerAllows(state: BreakerState, nowMs: number): boolean {
  return state.openedUntil === null || nowMs >= state.openedUntil;
}

export function breakerAfter(state: BreakerState, succeeded: boolean, nowMs: number): BreakerState {
  if (succeeded) return { consecutiveFailures: 0, openedUntil: null };
  const consecutiveFailures = state.consecutiveFailures + 1;
  return {
    consecutiveFailures,
    openedUntil: consecutiveFailures >= BREAKER_THRESHOLD ? nowMs + BREAKER_COOLDOWN_MS : state.openedUntil,
  };
}
