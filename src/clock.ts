/** The one clock: ISO 8601 UTC with milliseconds, as the contract's timestamps. */
export const nowIso = (): string => new Date().toISOString();
export const isoFromMs = (ms: number): string => new Date(ms).toISOString();
