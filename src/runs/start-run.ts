import type { Env } from "../env";
import { recordFailure } from "./run-store";
import type { RunJob } from "./sourcing-run";
import { initialRunState } from "./state-machine";

/**
 * Hand a freshly created run to its Durable Object. If the object cannot be reached, the run is
 * failed and its reservation released at once, so a 500 here never strands credits.
 */
export async function startRun(env: Env, runId: string, companyId: string, job: RunJob): Promise<void> {
  try {
    await env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(runId)).start(runId, companyId, job);
  } catch (err) {
    const failed = { ...initialRunState(runId, companyId), stage: "failed" as const, errorCode: "INTERNAL_ERROR" as const, errorMessage: "The run could not be started" };
    await recordFailure(env.DB, failed);
    throw err;
  }
}
