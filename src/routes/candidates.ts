import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { requireScope } from "../auth/middleware";
import { ApiError, validationError } from "../errors";
import { withIdempotency } from "../idempotency/with-idempotency";
import { ProfileInput } from "../pipeline/types";
import { MAX_IMPORT_PROFILES, parseImport } from "../talent-pool/parse-import";
import { eraseProfile, getProfile, upsertProfiles } from "../talent-pool/store";
import { errorResponses, jsonResponse } from "./common-schemas";

export const candidateRoutes = new OpenAPIHono<AppEnv>();

const ProfileSchema = ProfileInput.openapi("ProfileInput");
candidateRoutes.openAPIRegistry.register("ProfileInput", ProfileSchema);
const ImportResult = z
  .object({
    success: z.literal(true),
    imported: z.number().int(),
    updated: z.number().int(),
    rejected: z.array(z.object({ line: z.number().int(), error: z.string() })),
  })
  .openapi("ImportResult");
const ProfileIdParam = z.object({ profileId: z.string().min(1).max(100).openapi({ param: { name: "profileId", in: "path" } }) });

function importFormat(contentType: string | undefined): "ndjson" | "json" | null {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/x-ndjson" || type === "application/ndjson" || type === "application/jsonl") return "ndjson";
  if (type === "application/json") return "json";
  return null;
}

candidateRoutes.openapi(
  createRoute({
    method: "post",
    path: "/candidates/import",
    tags: ["Talent pool"],
    summary: "Import profiles into the talent pool (NDJSON or a JSON array; upsert)",
    middleware: [requireScope("candidates:write")] as const,
    request: {
      body: {
        description: "≤5,000 profiles or 10 MB. Upsert by externalId, else linkedinUrl, else first email.",
        // Plain schema objects, not zod: each line is validated on its own so good lines are kept.
        content: {
          "application/x-ndjson": { schema: { type: "string", description: "One ProfileInput JSON object per line" } },
          "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/ProfileInput" } } },
        },
      },
    },
    responses: { 200: jsonResponse(ImportResult, "Good lines kept; bad lines reported"), ...errorResponses(400, 403, 413) },
  }),
  async (c) => {
    const format = importFormat(c.req.header("content-type"));
    if (!format) throw validationError([{ path: [], message: "Content-Type must be application/x-ndjson or application/json" }], "Unsupported content type");
    // Decoded by hand: workerd warns when .text() reads a body whose type is not text/* (NDJSON).
    const text = new TextDecoder().decode(await c.req.arrayBuffer());
    const parsed = parseImport(text, format);
    if (!parsed) throw validationError([{ path: [], message: "A JSON import must be an array of profiles" }], "Malformed request body");
    if (parsed.count > MAX_IMPORT_PROFILES) {
      throw new ApiError("PAYLOAD_TOO_LARGE", `An import holds at most ${MAX_IMPORT_PROFILES} profiles; this one has ${parsed.count}`, { maxProfiles: MAX_IMPORT_PROFILES, profiles: parsed.count });
    }
    return withIdempotency(c, text, async () => {
      const { imported, updated } = await upsertProfiles(c.env.DB, c.get("tenant").companyId, parsed.profiles);
      return c.json({ success: true as const, imported, updated, rejected: parsed.rejected }, 200);
    });
  },
);

candidateRoutes.openapi(
  createRoute({
    method: "get", path: "/candidates/{profileId}", tags: ["Talent pool"], summary: "A profile of the talent pool",
    middleware: [requireScope("candidates:read")] as const,
    request: { params: ProfileIdParam },
    responses: {
      200: jsonResponse(z.object({ success: z.literal(true), profile: ProfileSchema.extend({
        profileId: z.string(),
        origin: z.string().openapi({ description: '"import" (the company\'s own record) or the people-data vendor it was bought from ("pdl"); extension' }),
      }) }), "The profile"),
      ...errorResponses(403, 404),
    },
  }),
  async (c) => {
    const { profileId } = c.req.valid("param");
    const profile = await getProfile(c.env.DB, c.get("tenant").companyId, profileId);
    if (!profile) throw new ApiError("RESOURCE_NOT_FOUND", "Profile not found", { profileId });
    const { companyId: _companyId, ...visible } = profile;
    return c.json({ success: true as const, profile: visible }, 200);
  },
);

candidateRoutes.openapi(
  createRoute({
    method: "delete", path: "/candidates/{profileId}", tags: ["Talent pool"], summary: "Erase a person from the pool and from stored results",
    middleware: [requireScope("candidates:write")] as const,
    request: { params: ProfileIdParam },
    responses: { 200: jsonResponse(z.object({ success: z.literal(true), profileId: z.string(), deleted: z.literal(true) }), "Erased"), ...errorResponses(403, 404) },
  }),
  async (c) => {
    const { profileId } = c.req.valid("param");
    const erased = await eraseProfile(c.env.DB, c.get("tenant").companyId, profileId);
    if (!erased) throw new ApiError("RESOURCE_NOT_FOUND", "Profile not found", { profileId });
    return c.json({ success: true as const, profileId, deleted: true as const }, 200);
  },
);
