/** The one clock: ISO 8601 UTC with milliseconds, as the contract's timestamps. */
export const nowIso = (): string => new Date().toISOString();
export const isoFromMs = (ms: number): string => new Date(ms).toISOString();
/**
 * Epoch milliseconds now. Read it at the moment a time is used (a signature, a lease), not once for
 * a batch of work: a sweep can take minutes, and a time taken at its start is stale by its end.
 */
export const nowMs = (): number => Date.now();
