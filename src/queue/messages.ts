export type EnrichBatchMessage = { runId: string };
