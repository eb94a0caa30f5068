import { describe, expect, it } from "vitest";
import { api } from "../helpers";

describe("service endpoints", () => {
  it("GET /health needs no auth", async () => {
    const res = await api("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, status: "ok", database: "ok" });
  });

  it("GET /openapi.json is OpenAPI 3.1 generated from the validating schemas", async () => {
    const doc = await (await api("/openapi.json")).json<{ openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { properties: Record<string, { maxLength?: number; maximum?: number }> }> } }>();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/sourcing", "/sourcing/{requestId}/results", "/sourcing/{requestId}", "/candidates/import", "/admin/companies"]));
    // The limits in the document are the ones that validate.
    const req = doc.components.schemas.SourcingRequest.properties;
    expect(req.title.maxLength).toBe(200);
    expect(req.jobDescription.maxLength).toBe(10_000);
    expect(req.limit.maximum).toBe(100);
  });

  it("documents every route of the contract", async () => {
    const doc = await (await api("/openapi.json")).json<{ paths: Record<string, Record<string, unknown>> }>();
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const contract = [
      "POST /sourcing", "GET /sourcing/{requestId}/results", "GET /sourcing/{requestId}", "GET /sourcing/{requestId}/events",
      "PATCH /sourcing/{requestId}", "POST /sourcing/preview", "GET /sourcing/preview/{requestId}/results", "POST /sourcing/enrich",
      "GET /sourcing/enrich/{requestId}/results", "POST /sourcing/render-html",
      "POST /webhooks", "GET /webhooks", "GET /webhooks/{id}", "PATCH /webhooks/{id}", "DELETE /webhooks/{id}",
      "POST /webhooks/{id}/rotate-secret", "POST /webhooks/{id}/test", "POST /webhooks/{id}/reset-circuit",
      "GET /webhooks/{id}/deliveries", "GET /webhooks/deliveries/{deliveryId}", "POST /webhooks/deliveries/{deliveryId}/redeliver",
      "GET /billing/balance", "GET /billing/usage", "POST /candidates/import", "GET /candidates/{profileId}", "DELETE /candidates/{profileId}",
      "POST /admin/companies", "POST /admin/companies/{companyId}/api-keys", "DELETE /admin/api-keys/{keyId}",
      "POST /admin/companies/{companyId}/credits", "GET /admin/companies/{companyId}", "GET /health",
    ];
    expect(routes).toEqual(expect.arrayContaining(contract));
  });

  it("GET /docs is a self-contained page without scripts", async () => {
    const res = await api("/docs");
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("/sourcing/{requestId}/results");
    expect(html).not.toMatch(/<script|https?:\/\/cdn/i);
  });
});
