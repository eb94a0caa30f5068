// The run shows what it cost at people-data vendors (an additive field of GET /sourcing/{id} and of
// GET /sourcing/enrich/{id}/results, in the OpenAPI document too), and only to its own company.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { recordVendorCall } from "../../src/pipeline/vendor-usage";
import { api, createTenant, importProfiles, type TestTenant, validJob } from "../helpers";

let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTenant();
  await importProfiles(tenant.key, [{ externalId: "vu-1", fullName: "Ada Lovelace", currentTitle: "Senior Backend Engineer", skills: ["Node.js"] }]);
});

describe("vendorUsage", () => {
  it("GET /sourcing/{id}: the run's calls and records bought per vendor operation; empty when it used none", async () => {
    const created = await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 3 } });
    const { requestId } = await created.json<{ requestId: string }>();
    const before = await (await api(`/sourcing/${requestId}`, { key: tenant.key })).json<{ vendorUsage: unknown[] }>();
    expect(before.vendorUsage).toEqual([]);

    const call = { runId: requestId, companyId: tenant.companyId, vendor: "pdl", operation: "search" as const };
    await recordVendorCall(env.DB, { ...call, ok: false, records: 0 });
    await recordVendorCall(env.DB, { ...call, ok: true, records: 20 });
    const run = await (await api(`/sourcing/${requestId}`, { key: tenant.key })).json<{ vendorUsage: unknown[] }>();
    expect(run.vendorUsage).toEqual([{ vendor: "pdl", operation: "search", calls: 2, failedCalls: 1, records: 20 }]);

    // Another company's key sees nothing of it (the run is a 404 to them).
    const other = await createTenant();
    expect((await api(`/sourcing/${requestId}`, { key: other.key })).status).toBe(404);
  });

  it("GET /sourcing/enrich/{id}/results carries it too", async () => {
    const { results } = await env.DB.prepare(`SELECT id FROM talent_profiles WHERE company_id = ?1`).bind(tenant.companyId).all<{ id: string }>();
    const created = await api("/sourcing/enrich", { method: "POST", key: tenant.key, json: { profileIds: [results[0].id] } });
    expect(created.status).toBe(202);
    const { requestId } = await created.json<{ requestId: string }>();
    const res = await (await api(`/sourcing/enrich/${requestId}/results`, { key: tenant.key })).json<{ vendorUsage: unknown[] }>();
    expect(res.vendorUsage).toEqual([]);
  });

  it("is documented in the OpenAPI schema", async () => {
    const doc = await (await api("/openapi.json")).json<{ components: { schemas: Record<string, { properties: Record<string, unknown> }> } }>();
    expect(doc.components.schemas.SourcingRun.properties.vendorUsage).toBeDefined();
    expect(doc.components.schemas.EnrichResults.properties.vendorUsage).toBeDefined();
    expect(doc.components.schemas.VendorUsage.properties).toHaveProperty("records");
  });
});
