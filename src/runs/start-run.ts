import type { Env } from "../env";
import { recordFailure } from "./run-store";
import type { RunJob } from "./sourcing-run";

/**
 * Hand a freshly created run to its Durable Object. If the object cannot be reached, the run is
 * failed and its reservation released at once, so a 500 here never strands credits.
 */
export async function startRun(env: Env, runId: string, companyId: string, job: RunJob): Promise<void> {
  try {
    await env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(runId)).start(runId, companyId, job);
  } catch (err) {
    await recordFailure(env.DB, { runId, companyId, round: 1, errorCode: "INTERNAL_ERROR", errorMessage: "The run could not be started" });
    throw err;
  }
}

/**
 * Hand a reopened run's next round to its object. If the object refuses or cannot be reached, the
 * round is failed and its reservation released, so the run never sits in `processing` with credits held.
 */
export async function extendRun(env: Env, run: { id: string; companyId: string; round: number }, ask: { query?: string; limit: number }): Promise<void> {
  const fail = () =>
    recordFailure(env.DB, {
      runId: run.id, companyId: run.companyId, round: run.round + 1, errorCode: "INTERNAL_ERROR", errorMessage: "The next round could not be started",
    });
  try {
    const { accepted } = await env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(run.id)).extend(run.round, ask);
    if (!accepted) await fail();
  } catch (err) {
    await fail();
    throw err;
  }
}
