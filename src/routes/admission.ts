// Admitting a creating request (sourcing, preview, enrich): the prepaid pre-flight and the 202 reply.
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { readBalance } from "../billing/ledger";
import { ApiError } from "../errors";
import { createRunWithReservation, getRun, type NewRun, type RunRow } from "../runs/run-store";

export const ACCEPTED_MESSAGE = "Sourcing run accepted and queued for processing.";

export async function insufficientCredits(db: D1Database, companyId: string, required: number): Promise<ApiError> {
  const { available } = await readBalance(db, companyId);
  return new ApiError("INSUFFICIENT_CREDITS", `This request needs ${required} credits; ${available} available`, { required, available });
}

/** A run created by this request, or one an earlier request with the same Idempotency-Key created under the id. */
export type Admission = { created: true; createdAt: string } | { created: false; run: RunRow };

/**
 * Reserve the request's credits and create its run in one batch, or refuse with 402 having written
 * nothing. Prepaid companies must have the credits available; postpaid ones are recorded for invoicing.
 *
 * The id is the one the request's Idempotency-Key reserved, which a retry that took over a stale
 * claim shares: when the run already exists, this request is that retry (or the slow first one) and
 * the run is the answer. The batch then wrote nothing: its reserve is the same ledger entry
 * (idempotent by reservation id), and the run's primary key refuses the insert, failing the batch.
 */
export async function admitRun(c: Context<AppEnv>, run: Omit<NewRun, "companyId" | "enforceAvailable">): Promise<Admission> {
  const tenant = c.get("tenant");
  let result: { created: boolean; createdAt: string };
  try {
    result = await createRunWithReservation(c.env.DB, { ...run, companyId: tenant.companyId, enforceAvailable: tenant.billingMode === "prepaid" });
  } catch (err) {
    const existing = await getRun(c.env.DB, tenant.companyId, run.id).catch(() => undefined);
    if (existing) return { created: false, run: existing };
    throw err;
  }
  if (!result.created) throw await insufficientCredits(c.env.DB, tenant.companyId, run.credits);
  return { created: true, createdAt: result.createdAt };
}

/** The 202 of a run an earlier request with the same Idempotency-Key created: a replay of its answer. */
export function replayedAcceptedResponse(c: Context<AppEnv>, run: RunRow, a: { resultsPath: string; message?: string }) {
  c.header("Idempotent-Replayed", "true");
  return acceptedResponse(c, { requestId: run.id, webhookId: run.webhookId, createdAt: run.createdAt, resultsPath: a.resultsPath, message: a.message });
}

/** The contract's 202 body, with `Location` the path of the results (relative, as the contract shows it). */
export function acceptedResponse(
  c: Context<AppEnv>,
  a: { requestId: string; webhookId: string | null; createdAt: string; resultsPath: string; message?: string },
) {
  c.header("Location", a.resultsPath);
  return c.json(
    { success: true as const, requestId: a.requestId, status: "processing" as const, message: a.message ?? ACCEPTED_MESSAGE, webhookId: a.webhookId, createdAt: a.createdAt },
    202,
  );
}
