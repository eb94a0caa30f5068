import type { Env } from "../env";
import { recordFailure } from "./run-store";
import type { RunJob } from "./sourcing-run";

const runObject = (env: Env, runId: string) => env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(runId));

/**
 * Hand a freshly created run to its Durable Object. If the object cannot be reached, the run is
 * failed and its reservation released at once, so a 500 here never strands credits. The call may
 * have reached the object all the same; the object then finds the round ended when it records its
 * outcome, writes nothing, bills nothing and sends no webhook (run-store stillProcessing).
 */
export async function startRun(env: Env, runId: string, companyId: string, job: RunJob): Promise<void> {
  try {
    await runObject(env, runId).start(runId, companyId, job);
  } catch (err) {
    await recordFailure(env.DB, {
      runId, companyId, round: 1, endedBy: "admission", errorCode: "INTERNAL_ERROR", errorMessage: "The run could not be started",
    });
    throw err;
  }
}

/**
 * Hand a run that an earlier request with the same Idempotency-Key created to its object again, in
 * case that request died between creating and starting it; start() is a no-op for a started run.
 * A failure here fails nothing: the run may be healthy in its first request's hands (which fails
 * it itself if its own start fails), so it is logged and the run left as it is.
 */
export async function resumeRun(env: Env, runId: string, companyId: string, job: RunJob): Promise<void> {
  try {
    await runObject(env, runId).start(runId, companyId, job);
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "run could not be resumed", runId, error: String(err) }));
  }
}

/** PATCH's question before it reserves: is the run's object done with the round D1 shows ended? */
export async function runExtendable(env: Env, run: { id: string; round: number }): Promise<boolean> {
  return runObject(env, run.id).extendable(run.round);
}

/**
 * Hand a reopened run's next round to its object. If the object refuses or cannot be reached, the
 * round is failed and its reservation released, so the run never sits in `processing` with credits
 * held; a refusal is the caller's to report (runExtendable asked first, so it is not expected).
 */
export async function extendRun(
  env: Env,
  run: { id: string; companyId: string; round: number },
  ask: { query?: string; limit: number },
): Promise<"started" | "refused"> {
  const fail = () =>
    recordFailure(env.DB, {
      runId: run.id, companyId: run.companyId, round: run.round + 1, endedBy: "admission",
      errorCode: "INTERNAL_ERROR", errorMessage: "The next round could not be started",
    });
  try {
    const { accepted } = await runObject(env, run.id).extend(run.round, ask);
    if (accepted) return "started";
  } catch (err) {
    await fail();
    throw err;
  }
  await fail();
  return "refused";
}
