import { z } from "zod";
import { Icp } from "../pipeline/types";

/** One enrichment batch of one run's round: the profiles to enrich and score against the ICP. */
export const EnrichBatchMessage = z.object({
  runId: z.string().min(1),
  companyId: z.string().min(1),
  round: z.number().int().min(1),
  batch: z.number().int().min(0), // 0-based index within the round
  profileIds: z.array(z.string().min(1)).min(1).max(100),
  icp: Icp,
});
export type EnrichBatchMessage = z.infer<typeof EnrichBatchMessage>;

/** Split found profiles into queue batches of `size`. */
export function toBatches(profileIds: string[], size: number): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < profileIds.length; i += size) batches.push(profileIds.slice(i, i + size));
  return batches;
}

/** Queue retry delay for a system failure, in seconds: 2, 4, 8 … capped at 5 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** Math.max(1, attempts), 300);
}
