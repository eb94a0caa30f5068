import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { jsonResponse } from "./common-schemas";

export const serviceRoutes = new OpenAPIHono<AppEnv>();

serviceRoutes.openapi(
  createRoute({
    method: "get", path: "/health", tags: ["Service"], summary: "Liveness and D1 reachability",
    responses: {
      200: jsonResponse(z.object({ success: z.literal(true), status: z.literal("ok"), database: z.literal("ok"), timestamp: z.string() }), "Healthy"),
      503: jsonResponse(z.object({ success: z.literal(false), status: z.literal("degraded"), database: z.literal("unreachable"), timestamp: z.string() }), "D1 unreachable"),
    },
  }),
  async (c) => {
    const timestamp = new Date().toISOString();
    try {
      await c.env.DB.prepare("SELECT 1").first();
      return c.json({ success: true as const, status: "ok" as const, database: "ok" as const, timestamp }, 200);
    } catch {
      return c.json({ success: false as const, status: "degraded" as const, database: "unreachable" as const, timestamp }, 503);
    }
  },
);
