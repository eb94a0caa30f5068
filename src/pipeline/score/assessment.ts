/** What each scoring component returns: its 0–100 score and the explanations behind it. */
export type Assessment = {
  score: number;
  fitPoints: string[];
  redFlags: string[];
  gap?: string; // a few words for the rationale when this component falls short
};

// Score for a component the profile gives no data for: neither a match nor a mismatch.
export const UNKNOWN_SCORE = 50;

export function clampScore(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}
