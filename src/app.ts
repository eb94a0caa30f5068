import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app-env";
import { authenticateApiKey } from "./auth/middleware";
import { renderDocs } from "./docs/render-docs";
import { ApiError, renderError, validationError } from "./errors";
import { newId } from "./ids";
import { applyRateLimitHeaders } from "./ratelimit/middleware";
import { adminRoutes } from "./routes/admin";
import { billingRoutes } from "./routes/billing";
import { candidateRoutes } from "./routes/candidates";
import { renderHtmlRoutes } from "./routes/render-html";
import { serviceRoutes } from "./routes/service";
import { sourcingRoutes } from "./routes/sourcing";
import { sourcingEventRoutes } from "./routes/sourcing-events";
import { sourcingPreviewRoutes } from "./routes/sourcing-preview";
import { sourcingEnrichRoutes } from "./routes/sourcing-enrich";
import { webhookRoutes } from "./routes/webhooks";

const JSON_BODY_LIMIT = 1024 * 1024; // bytes; a POST /sourcing with 1,000 long exclusions fits
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024; // bytes, the contract's talent-pool import limit

const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: {
    title: "Scoutflare API",
    version: "0.1.0",
    description: "Self-hostable, InstaView-compatible candidate sourcing: job description in, ranked and explained shortlist out.",
  },
  security: [{ bearerAuth: [] }],
};

export function buildApp() {
  const app = new OpenAPIHono<AppEnv>({
    // Every zod failure becomes the contract's VALIDATION_ERROR with { path, message } issues.
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues);
    },
  });

  app.use("*", async (c, next) => {
    const requestId = newId.request();
    c.set("requestId", requestId);
    await next();
    c.res.headers.set("X-Request-Id", requestId);
    applyRateLimitHeaders(c);
  });
  // Tenant routes authenticate with an API key; scopes and the rate limit are checked per route.
  for (const prefix of ["/sourcing", "/sourcing/*", "/webhooks", "/webhooks/*", "/billing/*", "/candidates/*"]) {
    app.use(prefix, authenticateApiKey);
  }

  app.use("*", async (c, next) => {
    const limit = c.req.path === "/candidates/import" ? IMPORT_BODY_LIMIT : JSON_BODY_LIMIT;
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new ApiError("PAYLOAD_TOO_LARGE", `Request body exceeds ${limit} bytes`, { maxBytes: limit });
      },
    })(c, next);
  });

  app.route("/", serviceRoutes);
  // Fixed paths before the /sourcing/{requestId} ones.
  app.route("/", sourcingPreviewRoutes);
  app.route("/", sourcingEnrichRoutes);
  app.route("/", sourcingRoutes);
  app.route("/", sourcingEventRoutes);
  app.route("/", candidateRoutes);
  app.route("/", renderHtmlRoutes);
  app.route("/", webhookRoutes);
  app.route("/", billingRoutes);
  app.route("/", adminRoutes);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer", description: "sk_live_… or sk_test_…" });
  app.doc31("/openapi.json", OPENAPI_INFO);
  app.get("/docs", (c) => c.html(renderDocs(app.getOpenAPI31Document(OPENAPI_INFO) as never)));

  app.notFound((c) => renderError(new ApiError("RESOURCE_NOT_FOUND", "No such endpoint"), c));
  app.onError(renderError);
  return app;
}
