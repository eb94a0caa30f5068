// Admitting a creating request (sourcing, preview, enrich): the prepaid pre-flight and the 202 reply.
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { readBalance } from "../billing/ledger";
import { ApiError } from "../errors";
import { createRunWithReservation, type NewRun } from "../runs/run-store";

export const ACCEPTED_MESSAGE = "Sourcing run accepted and queued for processing.";

export async function insufficientCredits(db: D1Database, companyId: string, required: number): Promise<ApiError> {
  const { available } = await readBalance(db, companyId);
  return new ApiError("INSUFFICIENT_CREDITS", `This request needs ${required} credits; ${available} available`, { required, available });
}

/**
 * Reserve the request's credits and create its run in one batch, or refuse with 402 having written
 * nothing. Prepaid companies must have the credits available; postpaid ones are recorded for invoicing.
 */
export async function admitRun(c: Context<AppEnv>, run: Omit<NewRun, "companyId" | "enforceAvailable">): Promise<{ createdAt: string }> {
  const tenant = c.get("tenant");
  const { created, createdAt } = await createRunWithReservation(c.env.DB, {
    ...run, companyId: tenant.companyId, enforceAvailable: tenant.billingMode === "prepaid",
  });
  if (!created) throw await insufficientCredits(c.env.DB, tenant.companyId, run.credits);
  return { createdAt };
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
