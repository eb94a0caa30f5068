import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { requireScope } from "../auth/middleware";
import { ApiError } from "../errors";
import { newId } from "../ids";
import { withIdempotency } from "../idempotency/with-idempotency";
import { previewCredits } from "../pipeline/preview-candidate";
import { jobAskOf } from "../runs/job-ask";
import { runPreview } from "../runs/run-preview";
import { capturedCredits } from "../billing/ledger";
import { getRun, listResults, reservationIdOf } from "../runs/run-store";
import { resolveRunWebhook, SOURCING_EVENTS } from "../webhooks/config-store";
import { errorResponses, jsonBody, jsonResponse } from "./common-schemas";
import { acceptedResponse, admitRun, replayedAcceptedResponse } from "./admission";
import { RequestIdParam, SourcingAcceptedSchema, SourcingRequestSchema } from "./sourcing-schemas";

export const sourcingPreviewRoutes = new OpenAPIHono<AppEnv>();

const PreviewCandidateSchema = z
  .object({
    profileId: z.string(), fullName: z.string(), profileUrl: z.string().nullable(), title: z.string().nullable(),
    headline: z.string().nullable(), location: z.string().nullable(), country: z.string().nullable(),
    companyName: z.string().nullable(), companyUrl: z.string().nullable(),
  })
  .openapi("PreviewCandidate");

const PreviewResultsSchema = z
  .object({
    success: z.literal(true), requestId: z.string(), status: z.enum(["completed", "failed"]), createdAt: z.string(),
    completedAt: z.string().nullable(), foundCount: z.number().int(), creditsConsumed: z.number().int(),
    candidates: z.array(PreviewCandidateSchema), errorCode: z.string().optional(), errorMessage: z.string().optional(),
  })
  .openapi("PreviewResults");

sourcingPreviewRoutes.openapi(
  createRoute({
    method: "post",
    path: "/sourcing/preview",
    tags: ["Sourcing"],
    summary: "Preview who would match (search only, no enrichment); 1 credit per page of 20",
    middleware: [requireScope("sourcing:write")] as const,
    request: { body: jsonBody(SourcingRequestSchema) },
    responses: {
      202: jsonResponse(SourcingAcceptedSchema, "Preview accepted; results are ready at the Location"),
      ...errorResponses(400, 402, 403, 404, 409, 413, 422),
    },
  }),
  async (c) => {
    const body = c.req.valid("json");
    const tenant = c.get("tenant");
    return withIdempotency(c, body, async (runId) => {
      // Same body and checks as POST /sourcing; a preview itself sends no webhook events.
      const webhook = body.webhookId ? await resolveRunWebhook(c.env.DB, tenant.companyId, body.webhookId, SOURCING_EVENTS) : null;
      const ask = await jobAskOf(tenant.companyId, body);
      const credits = previewCredits(ask.limit);
      const resultsPath = `/sourcing/preview/${runId}/results`;
      const admission = await admitRun(c, { id: runId, kind: "preview", request: ask, webhookId: webhook?.id ?? null, credits, costKey: "sourcing_preview" });
      // A preview is a search only: it runs within the request and is complete when 202 returns.
      // One an earlier request with this Idempotency-Key created and left processing (it died, or is
      // slow) is run here too: its terminal write is first-wins, so it is billed and ended once.
      if (admission.created || admission.run.status === "processing") await runPreview(c.env, { ...ask, runId, companyId: tenant.companyId });
      if (!admission.created) return replayedAcceptedResponse(c, admission.run, { resultsPath });
      return acceptedResponse(c, { requestId: runId, webhookId: webhook?.id ?? null, createdAt: admission.createdAt, resultsPath });
    }, newId.previewRun);
  },
);

sourcingPreviewRoutes.openapi(
  createRoute({
    method: "get",
    path: "/sourcing/preview/{requestId}/results",
    tags: ["Sourcing"],
    summary: "Results of a preview",
    middleware: [requireScope("sourcing:read")] as const,
    request: { params: RequestIdParam },
    responses: { 200: jsonResponse(PreviewResultsSchema, "The preview's candidates, best match first"), ...errorResponses(403, 404) },
  }),
  async (c) => {
    const { requestId } = c.req.valid("param");
    const run = await getRun(c.env.DB, c.get("tenant").companyId, requestId);
    if (!run || run.kind !== "preview") throw new ApiError("REQUEST_NOT_FOUND", "Preview not found", { requestId });
    const candidates = run.status === "completed" ? await listResults<z.infer<typeof PreviewCandidateSchema>>(c.env.DB, run.id) : [];
    const base = {
      success: true as const, requestId: run.id, createdAt: run.createdAt, completedAt: run.completedAt,
      foundCount: run.foundCount, creditsConsumed: await capturedCredits(c.env.DB, reservationIdOf(run.id, 1)), candidates,
    };
    return c.json(
      run.status === "failed"
        ? { ...base, status: "failed" as const, errorCode: run.errorCode ?? "INTERNAL_ERROR", errorMessage: run.errorMessage ?? "" }
        : { ...base, status: "completed" as const },
      200,
    );
  },
);
