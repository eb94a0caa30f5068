import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "../errors";
import type { LlmUsage } from "../pipeline/llm/run-usage";
import type { Icp } from "../pipeline/types";
import { newId } from "../ids";
import { withIdempotency } from "../idempotency/with-idempotency";
import { requireScope } from "../auth/middleware";
import { getRun, listResults, reopenRunWithReservation, type RunRow } from "../runs/run-store";
import { jobAskOf } from "../runs/job-ask";
import { extendRun, resumeRun, runExtendable, startRun } from "../runs/start-run";
import { nowIso } from "../clock";
import { resolveRunWebhook, SOURCING_EVENTS } from "../webhooks/config-store";
import { errorResponses, jsonBody, jsonResponse } from "./common-schemas";
import {
  RefineRequestSchema, RequestIdParam, ResultsDoneSchema, ResultsProcessingSchema, RunSchema, SourcingAcceptedSchema, SourcingRequestSchema,
} from "./sourcing-schemas";
import { acceptedResponse, ACCEPTED_MESSAGE, admitRun, insufficientCredits, replayedAcceptedResponse } from "./admission";
import { baseUrl } from "./urls";
import { vendorUsageOf } from "../pipeline/vendor-usage";

export const sourcingRoutes = new OpenAPIHono<AppEnv>();

const PROCESSING_MESSAGE = "Sourcing run is still processing. Please poll again in 10 seconds.";

sourcingRoutes.openapi(
  createRoute({
    method: "post",
    path: "/sourcing",
    tags: ["Sourcing"],
    summary: "Initiate a sourcing run",
    middleware: [requireScope("sourcing:write")] as const,
    request: { body: jsonBody(SourcingRequestSchema) },
    responses: {
      202: { ...jsonResponse(SourcingAcceptedSchema, "Sourcing run accepted and queued for processing"), headers: { Location: { schema: { type: "string" } } } },
      ...errorResponses(400, 402, 403, 404, 409, 413, 422),
    },
  }),
  async (c) => {
    const body = c.req.valid("json");
    const tenant = c.get("tenant");
    return withIdempotency(c, body, async (runId) => {
      const webhook = body.webhookId ? await resolveRunWebhook(c.env.DB, tenant.companyId, body.webhookId, SOURCING_EVENTS) : null;
      const job = { ...(await jobAskOf(tenant.companyId, body)), webhookId: webhook?.id ?? null, baseUrl: baseUrl(c) };
      const resultsPath = `/sourcing/${runId}/results`;
      const admission = await admitRun(c, {
        id: runId, kind: "sourcing", request: job, webhookId: job.webhookId, credits: body.limit, costKey: "sourcing",
      });
      if (!admission.created) {
        // An earlier request with this Idempotency-Key created the run (see admitRun): answer with it.
        if (admission.run.status === "processing" && admission.run.round === 1) await resumeRun(c.env, runId, tenant.companyId, job);
        return replayedAcceptedResponse(c, admission.run, { resultsPath });
      }
      await startRun(c.env, runId, tenant.companyId, job);
      return acceptedResponse(c, { requestId: runId, webhookId: job.webhookId, createdAt: admission.createdAt, resultsPath });
    }, newId.sourcingRun);
  },
);

function progressOf(run: RunRow) {
  return { stage: run.stage, batchesTotal: run.batchesTotal, batchesDone: run.batchesDone };
}

async function findRun(c: Context<AppEnv>, requestId: string): Promise<RunRow> {
  const run = await getRun(c.env.DB, c.get("tenant").companyId, requestId);
  if (!run || run.kind !== "sourcing") throw new ApiError("REQUEST_NOT_FOUND", "Sourcing run not found", { requestId });
  return run;
}

sourcingRoutes.openapi(
  createRoute({
    method: "get",
    path: "/sourcing/{requestId}/results",
    tags: ["Sourcing"],
    summary: "Results of a sourcing run (202 while processing)",
    middleware: [requireScope("sourcing:read")] as const,
    request: { params: RequestIdParam },
    responses: {
      200: jsonResponse(ResultsDoneSchema, "The run has ended: completed with ranked candidates, or failed"),
      202: { ...jsonResponse(ResultsProcessingSchema, "Still processing; poll again"), headers: { "Retry-After": { schema: { type: "string" } } } },
      ...errorResponses(403, 404),
    },
  }),
  async (c) => {
    const run = await findRun(c, c.req.valid("param").requestId);
    if (run.status === "processing") {
      c.header("Retry-After", "10");
      return c.json(
        {
          success: true as const, requestId: run.id, status: "processing" as const, createdAt: run.createdAt,
          candidatesSourcedCount: run.scoredCount, message: PROCESSING_MESSAGE, progress: progressOf(run),
        },
        202,
      );
    }
    const base = {
      success: true as const, requestId: run.id, createdAt: run.createdAt, completedAt: run.completedAt,
      foundCount: run.foundCount, scoredCount: run.scoredCount,
    };
    // A failed round delivers (and bills) nobody; what earlier rounds delivered and billed stays readable.
    const candidates = await listResults(c.env.DB, run.id);
    if (run.status === "failed") {
      return c.json({ ...base, status: "failed" as const, errorCode: run.errorCode ?? "INTERNAL_ERROR", errorMessage: run.errorMessage ?? "", candidates }, 200);
    }
    return c.json({ ...base, status: "completed" as const, candidates, icp: (run.icp as Icp | null) ?? null }, 200);
  },
);

sourcingRoutes.openapi(
  createRoute({
    method: "get",
    path: "/sourcing/{requestId}",
    tags: ["Sourcing"],
    summary: "A sourcing run without its candidates",
    middleware: [requireScope("sourcing:read")] as const,
    request: { params: RequestIdParam },
    responses: { 200: jsonResponse(RunSchema, "The run"), ...errorResponses(403, 404) },
  }),
  async (c) => {
    const run = await findRun(c, c.req.valid("param").requestId);
    const request = run.request as { title?: string };
    return c.json(
      {
        success: true as const, requestId: run.id, status: run.status, stage: run.stage, title: request.title ?? "",
        webhookId: run.webhookId, round: run.round, progress: progressOf(run), foundCount: run.foundCount,
        scoredCount: run.scoredCount, icp: (run.icp as Icp | null) ?? null, errorCode: run.errorCode, errorMessage: run.errorMessage,
        createdAt: run.createdAt, updatedAt: run.updatedAt, completedAt: run.completedAt,
        vendorUsage: await vendorUsageOf(c.env.DB, run.companyId, run.id),
        llmUsage: (run.llmUsage as LlmUsage | null) ?? null,
      },
      200,
    );
  },
);

sourcingRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/sourcing/{requestId}",
    tags: ["Sourcing"],
    summary: "Refine or extend an ended run (a new round; already scored profiles are excluded)",
    middleware: [requireScope("sourcing:write")] as const,
    request: { params: RequestIdParam, body: jsonBody(RefineRequestSchema) },
    responses: {
      202: jsonResponse(SourcingAcceptedSchema, "The run is processing its next round"),
      ...errorResponses(400, 402, 403, 404, 409),
    },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const run = await findRun(c, c.req.valid("param").requestId);
    const body = c.req.valid("json");
    if (run.status === "processing") throw new ApiError("RUN_IN_PROGRESS", "The run is still processing; PATCH it once it has ended", { requestId: run.id });
    // D1 shows the round ended a moment before the run's object is done with it (it still schedules
    // the round's webhook): asked first, so a refused round reserves nothing and changes nothing.
    const finishing = () => new ApiError("RUN_IN_PROGRESS", "The run is still finishing its last round; PATCH it again shortly", { requestId: run.id });
    if (!(await runExtendable(c.env, run))) throw finishing();
    const limit = body.limit ?? 10;
    const outcome = await reopenRunWithReservation(c.env.DB, {
      runId: run.id, companyId: tenant.companyId, fromRound: run.round, credits: limit, enforceAvailable: tenant.billingMode === "prepaid",
    });
    if (outcome === "in_progress") throw new ApiError("RUN_IN_PROGRESS", "The run is already processing a new round", { requestId: run.id });
    if (outcome === "insufficient_credits") throw await insufficientCredits(c.env.DB, tenant.companyId, limit);
    if ((await extendRun(c.env, run, { query: body.query, limit })) === "refused") throw finishing();
    return c.json(
      { success: true as const, requestId: run.id, status: "processing" as const, message: ACCEPTED_MESSAGE, webhookId: run.webhookId, updatedAt: nowIso() },
      202,
    );
  },
);
