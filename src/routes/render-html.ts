import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { requireScope } from "../auth/middleware";
import { CARD_THEMES, renderProfileCard } from "../render/profile-card";
import { loadProfiles } from "../talent-pool/store";
import { errorResponses, jsonBody, jsonResponse } from "./common-schemas";

export const renderHtmlRoutes = new OpenAPIHono<AppEnv>();

const RenderHtmlRequest = z
  .object({
    profileIds: z.array(z.string().min(1).max(100)).min(1).max(10),
    theme: z.enum(CARD_THEMES).default("dark"), // the contract: dark unless asked
  })
  .openapi("RenderHtmlRequest");

const RenderedCard = z.object({
  profileId: z.string(),
  success: z.boolean(),
  name: z.string().nullable(),
  htmlContent: z.string().nullable(),
  errorCode: z.literal("RESOURCE_NOT_FOUND").optional(),
});

const RenderHtmlResult = z
  .object({ success: z.literal(true), renderedCount: z.number().int(), data: z.array(RenderedCard) })
  .openapi("RenderHtmlResult");

renderHtmlRoutes.openapi(
  createRoute({
    method: "post",
    path: "/sourcing/render-html",
    tags: ["Sourcing"],
    summary: "Render talent-pool profiles as self-contained HTML cards",
    middleware: [requireScope("enrich:write")] as const,
    request: { body: jsonBody(RenderHtmlRequest) },
    responses: {
      200: jsonResponse(RenderHtmlResult, "One entry per requested id, in request order; an unknown id fails on its own"),
      ...errorResponses(400, 403),
    },
  }),
  async (c) => {
    const { profileIds, theme } = c.req.valid("json");
    const profiles = await loadProfiles(c.env.DB, c.get("tenant").companyId, [...new Set(profileIds)]);
    const byId = new Map(profiles.map((p) => [p.profileId, p]));
    const now = new Date();
    // Each position is rendered on its own, so a repeated id yields a repeated card.
    const data = profileIds.map((profileId): z.infer<typeof RenderedCard> => {
      const profile = byId.get(profileId);
      if (!profile) return { profileId, success: false, name: null, htmlContent: null, errorCode: "RESOURCE_NOT_FOUND" };
      return { profileId, success: true, name: profile.fullName, htmlContent: renderProfileCard(profile, theme, now) };
    });
    return c.json({ success: true as const, renderedCount: data.filter((d) => d.success).length, data }, 200);
  },
);
