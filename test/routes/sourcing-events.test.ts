// GET /sourcing/{id}/events: the SSE stream of a real run, ending when the run ends.
import { beforeAll, describe, expect, it } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import { api, createTenant, errorOf, importProfiles, parseSse, type TestTenant, validJob } from "../helpers";

let tenant: TestTenant;


beforeAll(async () => {
  tenant = await createTenant({ credits: 200 });
  await importProfiles(tenant.key, generateDemoPool({ count: 120, seed: 5 }));
});

describe("GET /sourcing/{id}/events", () => {
  it("streams progress and ends with `completed`", async () => {
    const { requestId } = await (await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 10 } })).json<{ requestId: string }>();
    const res = await api(`/sourcing/${requestId}/events`, { key: tenant.key });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = parseSse(await res.text()); // the body ends because the run ends
    expect(events.at(-1)).toMatchObject({ event: "completed", data: { requestId, status: "completed" } });
    expect(events.filter((e) => e.event === "completed")).toHaveLength(1);
    for (const e of events.filter((x) => x.event === "progress")) expect(e.data.progress).toMatchObject({ stage: expect.any(String) });
  });

  it("a run that already ended yields just its final event", async () => {
    const { requestId } = await (await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 2 } })).json<{ requestId: string }>();
    await (await api(`/sourcing/${requestId}/events`, { key: tenant.key })).text();
    const events = parseSse(await (await api(`/sourcing/${requestId}/events`, { key: tenant.key })).text());
    expect(events).toEqual([{ event: "completed", data: expect.objectContaining({ requestId }) }]);
  });

  it("another company's run is 404 before any stream starts", async () => {
    const { requestId } = await (await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 1 } })).json<{ requestId: string }>();
    const other = await createTenant();
    const res = await api(`/sourcing/${requestId}/events`, { key: other.key });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).error.code).toBe("REQUEST_NOT_FOUND");
  });
});
