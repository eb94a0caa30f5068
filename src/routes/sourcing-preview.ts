import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { requireScope } from "../auth/middleware";
import { ApiError } from "../errors";
import { newId } from "../ids";
import { withIdempotency } from "../idempotency/with-idempotency";
import { findCandidates } from "../pipeline/find-candidates";
import { deriveIcp } from "../pipeline/icp/derive-icp";
import { previewCredits, toPreviewCandidate } from "../pipeline/preview-candidate";
import { capturedCredits } from "../billing/ledger";
import { createRunWithReservation, getRun, listResults, recordCompletion, recordFailure, reservationIdOf } from "../runs/run-store";
import { initialRunState } from "../runs/state-machine";
import { loadProfiles } from "../talent-pool/store";
import { resolveRunWebhook, SOURCING_EVENTS } from "../webhooks/config-store";
import { errorResponses, jsonBody, jsonResponse } from "./common-schemas";
import { insufficientCredits } from "./sourcing";
import { RequestIdParam, SourcingAcceptedSchema, SourcingRequestSchema } from "./sourcing-schemas";
import { baseUrl } from "./urls";

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
    return withIdempotency(c, body, async () => {
      // Same body and checks as POST /sourcing; a preview itself sends no webhook events.
      const webhook = body.webhookId ? await resolveRunWebhook(c.env.DB, tenant.companyId, body.webhookId, SOURCING_EVENTS) : null;
      const runId = newId.previewRun();
      const query = body.query ?? body.searchQuery;
      const credits = previewCredits(body.limit);
      const request = { title: body.title, jobDescription: body.jobDescription, location: body.location, query, limit: body.limit, exclude: body.exclude };
      const { created, createdAt } = await createRunWithReservation(c.env.DB, {
        id: runId, companyId: tenant.companyId, kind: "preview", request, webhookId: webhook?.id ?? null,
        credits, costKey: "sourcing_preview", enforceAvailable: tenant.billingMode === "prepaid",
      });
      if (!created) throw await insufficientCredits(c.env.DB, tenant.companyId, credits);

      // A preview is a search only: it runs within the request and is complete when 202 returns.
      const icp = deriveIcp({ title: body.title, jobDescription: body.jobDescription, location: body.location, query });
      const fail = (errorCode: "SOURCE_UNAVAILABLE" | "INTERNAL_ERROR", errorMessage: string) =>
        recordFailure(c.env.DB, { ...initialRunState(runId, tenant.companyId), stage: "failed", errorCode, errorMessage });
      try {
        const found = await findCandidates(c.env, { companyId: tenant.companyId, icp, freeText: query, depth: body.limit, exclude: body.exclude });
        if (!found.ok) {
          await fail("SOURCE_UNAVAILABLE", found.reason);
        } else {
          const ids = found.hits.slice(0, body.limit).map((h) => h.profileId);
          const byId = new Map((await loadProfiles(c.env.DB, tenant.companyId, ids)).map((p) => [p.profileId, p]));
          const candidates = ids.flatMap((id) => (byId.has(id) ? [toPreviewCandidate(byId.get(id)!)] : []));
          await recordCompletion(c.env.DB, {
            runId, companyId: tenant.companyId, round: 1, foundCount: candidates.length, scoredCount: 0, batchesTotal: 0, batchesDone: 0,
            results: candidates.map((p, i) => ({ profileId: p.profileId, rank: candidates.length - i, body: p })),
            captured: previewCredits(candidates.length), // pages actually delivered
            icp,
          });
        }
      } catch (err) {
        // Never leave a preview processing with its credits held.
        await fail("INTERNAL_ERROR", "The preview could not be completed");
        throw err;
      }
      c.header("Location", `${baseUrl(c)}/sourcing/preview/${runId}/results`);
      return c.json(
        { success: true as const, requestId: runId, status: "processing" as const, message: "Sourcing run accepted and queued for processing.", webhookId: webhook?.id ?? null, createdAt },
        202,
      );
    });
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
