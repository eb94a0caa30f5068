import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { requireScope } from "../auth/middleware";
import { capturedCredits } from "../billing/ledger";
import { ApiError } from "../errors";
import { newId } from "../ids";
import { withIdempotency } from "../idempotency/with-idempotency";
import { getRun, listResults, recordFailure, reservationIdOf } from "../runs/run-store";
import { vendorUsageOf } from "../pipeline/vendor-usage";
import { ENRICH_EVENTS, resolveRunWebhook } from "../webhooks/config-store";
import { errorResponses, jsonBody, jsonResponse } from "./common-schemas";
import { acceptedResponse, admitRun, replayedAcceptedResponse } from "./admission";
import { RequestIdParam, SourcingAcceptedSchema, VendorUsageSchema } from "./sourcing-schemas";
import { baseUrl } from "./urls";

export const sourcingEnrichRoutes = new OpenAPIHono<AppEnv>();

const EnrichRequestSchema = z
  .object({
    profileIds: z.array(z.string().min(1).max(100)).min(1).max(10),
    webhookId: z.uuid().optional(),
  })
  .openapi("EnrichRequest");

const EnrichedCandidateSchema = z
  .object({
    profileId: z.string(), name: z.string(), linkedinUrl: z.string().nullable(), headline: z.string().nullable(), summary: z.string().nullable(),
    location: z.string().nullable(), country: z.string().nullable(), currentCompany: z.string().nullable(), currentRole: z.string().nullable(),
    skills: z.array(z.string()), emails: z.array(z.string()),
    detailedExperience: z.array(z.object({ role: z.string(), company: z.string(), duration: z.string(), highlights: z.array(z.string()) })),
    education: z.array(z.object({ school: z.string(), degree: z.string().nullable(), field: z.string().nullable(), endYear: z.number().nullable() })),
  })
  .openapi("EnrichedCandidate");

const EnrichResultsSchema = z
  .object({
    success: z.literal(true), requestId: z.string(), status: z.enum(["processing", "completed", "failed"]), message: z.string(),
    createdAt: z.string(), completedAt: z.string().nullable(), enrichedCount: z.number().int(), failureCount: z.number().int(),
    creditsConsumed: z.number().int(),
    vendorUsage: z.array(VendorUsageSchema).openapi({ description: "What the request cost at people-data vendors (extension); empty when it used none" }),
    data: z.array(z.object({ profileId: z.string(), success: z.boolean(), candidate: EnrichedCandidateSchema.nullable(), errorCode: z.string().optional() })),
  })
  .openapi("EnrichResults");

sourcingEnrichRoutes.openapi(
  createRoute({
    method: "post",
    path: "/sourcing/enrich",
    tags: ["Sourcing"],
    summary: "Enrich up to 10 profiles (1 credit per profile enriched)",
    middleware: [requireScope("enrich:write")] as const,
    request: { body: jsonBody(EnrichRequestSchema) },
    responses: { 202: jsonResponse(SourcingAcceptedSchema, "Accepted"), ...errorResponses(400, 402, 403, 404, 409, 422) },
  }),
  async (c) => {
    const body = c.req.valid("json");
    const tenant = c.get("tenant");
    return withIdempotency(c, body, async (requestId) => {
      const webhook = body.webhookId ? await resolveRunWebhook(c.env.DB, tenant.companyId, body.webhookId, ENRICH_EVENTS) : null;
      const profileIds = [...new Set(body.profileIds)]; // a person asked for twice is enriched (and billed) once
      const resultsPath = `/sourcing/enrich/${requestId}/results`;
      const message = "Enrichment request accepted and queued for processing.";
      const admission = await admitRun(c, {
        id: requestId, kind: "enrich", request: { profileIds }, webhookId: webhook?.id ?? null, credits: profileIds.length, costKey: "enrich",
      });
      const start = () =>
        c.env.ENRICHMENT_JOB.get(c.env.ENRICHMENT_JOB.idFromName(requestId)).start({
          requestId, companyId: tenant.companyId, profileIds, webhookId: webhook?.id ?? null, baseUrl: baseUrl(c),
        });
      if (!admission.created) {
        // An earlier request with this Idempotency-Key created it (see admitRun): hand it to its object
        // again in case that request died first (start is a no-op for a started job), and answer with it.
        // A failure here fails nothing: the request may be healthy in its first request's hands.
        if (admission.run.status === "processing") {
          await start().catch((err) => console.error(JSON.stringify({ level: "error", msg: "enrichment could not be resumed", requestId, error: String(err) })));
        }
        return replayedAcceptedResponse(c, admission.run, { resultsPath, message });
      }
      try {
        await start();
      } catch (err) {
        // The call may have reached the object: it then finds the request failed, and records and sends nothing.
        await recordFailure(c.env.DB, {
          runId: requestId, companyId: tenant.companyId, round: 1, endedBy: "admission", errorCode: "INTERNAL_ERROR", errorMessage: "The enrichment could not be started",
        });
        throw err;
      }
      return acceptedResponse(c, { requestId, webhookId: webhook?.id ?? null, createdAt: admission.createdAt, resultsPath, message });
    }, newId.enrichRun);
  },
);

type StoredOutcome = { profileId: string; success: boolean; candidate: z.infer<typeof EnrichedCandidateSchema> | null; errorCode?: string };

sourcingEnrichRoutes.openapi(
  createRoute({
    method: "get",
    path: "/sourcing/enrich/{requestId}/results",
    tags: ["Sourcing"],
    summary: "Results of an enrichment request",
    middleware: [requireScope("enrich:write")] as const,
    request: { params: RequestIdParam },
    responses: { 200: jsonResponse(EnrichResultsSchema, "The request and its per-profile results"), ...errorResponses(403, 404) },
  }),
  async (c) => {
    const { requestId } = c.req.valid("param");
    const run = await getRun(c.env.DB, c.get("tenant").companyId, requestId);
    if (!run || run.kind !== "enrich") throw new ApiError("REQUEST_NOT_FOUND", "Enrichment request not found", { requestId });
    const outcomes = await listResults<StoredOutcome>(c.env.DB, run.id);
    const requested = (run.request as { profileIds: string[] }).profileIds;
    const data = outcomes.map(({ profileId, success, candidate, errorCode }) => ({ profileId, success, candidate, ...(errorCode ? { errorCode } : {}) }));
    const enrichedCount = data.filter((d) => d.success).length;
    const message = {
      processing: "Enrichment is still processing. Please poll again in a few seconds.",
      completed: "Enrichment completed.",
      failed: run.errorMessage ?? "Enrichment failed.",
    }[run.status];
    if (run.status === "processing") c.header("Retry-After", "2");
    return c.json(
      {
        success: true as const, requestId: run.id, status: run.status, message, createdAt: run.createdAt, completedAt: run.completedAt,
        enrichedCount, failureCount: run.status === "processing" ? 0 : requested.length - enrichedCount,
        creditsConsumed: await capturedCredits(c.env.DB, reservationIdOf(run.id, 1)),
        vendorUsage: await vendorUsageOf(c.env.DB, run.companyId, run.id), data,
      },
      200,
    );
  },
);
