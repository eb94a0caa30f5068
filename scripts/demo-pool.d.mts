import type { ProfileInput } from "../src/pipeline/types";

export interface DemoPoolOptions {
  /** Number of profiles (default 5000). */
  count?: number;
  /** Seed; the same seed always yields the same pool (default 42). */
  seed?: number;
}

/** A deterministic demo talent pool; each profile is valid under `ProfileInput`. Profile n is `demo-<n>` (1-based). */
export function generateDemoPool(options?: DemoPoolOptions): ProfileInput[];

/** The professions the pool is drawn from. */
export const DEMO_PROFESSIONS: { id: string; name: string; field: string }[];
