// The WebhookConfig API through the real Worker: CRUD, masking, secrets, URL guard, scopes, tenant
// isolation, test pings and the delivery log routes.
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDelivery } from "../../src/webhooks/dispatcher";
import { api, createTenant, errorOf } from "../helpers";
import { stubReceiver } from "./receiver";

afterEach(() => vi.restoreAllMocks());

const ALL_EVENTS = ["SOURCING_COMPLETED", "SOURCING_FAILED", "ENRICH_COMPLETED", "ENRICH_FAILED", "PING"];
type WebhookBody = Record<string, unknown> & { id: string; signingSecret: string; headers: { name: string; isMasked: boolean }[] };

async function createWebhook(key: string, overrides: Record<string, unknown> = {}): Promise<WebhookBody> {
  const res = await api("/webhooks", { method: "POST", key, json: { url: "https://hooks.example.com/in", name: "Main", events: ALL_EVENTS, ...overrides } });
  expect(res.status).toBe(201);
  return res.json<WebhookBody>();
}

describe("webhook configs", () => {
  it("creates with defaults and a whsec_ secret shown once", async () => {
    const { key, companyId } = await createTenant();
    const created = await createWebhook(key, { description: "prod" });
    expect(created).toMatchObject({
      success: true, companyId, url: "https://hooks.example.com/in", name: "Main", description: "prod", events: ALL_EVENTS,
      headers: [], isActive: true, maxRetries: 7, timeoutMs: 15000, consecutiveFailures: 0, circuitOpenedAt: null,
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const read = await (await api(`/webhooks/${created.id}`, { key })).json<Record<string, unknown>>();
    expect(read).not.toHaveProperty("signingSecret");
    expect(read).toMatchObject({ id: created.id, name: "Main" });
    const list = await (await api("/webhooks", { key })).json<{ webhooks: { id: string }[] }>();
    expect(list.webhooks.map((w) => w.id)).toEqual([created.id]);
  });

  it("stores custom headers but only ever shows their names, masked", async () => {
    const { key } = await createTenant();
    const created = await createWebhook(key, { headers: [{ name: "X-Receiver-Token", value: "tok-s3cret" }] });
    expect(created.headers).toEqual([{ name: "X-Receiver-Token", isMasked: true }]);
    for (const path of [`/webhooks/${created.id}`, "/webhooks"]) {
      expect(await (await api(path, { key })).text()).not.toContain("tok-s3cret");
    }
    // PATCH without a value keeps the stored one; a new header needs one.
    const patched = await api(`/webhooks/${created.id}`, { method: "PATCH", key, json: { headers: [{ name: "X-Receiver-Token" }, { name: "X-Env", value: "prod" }] } });
    expect(patched.status).toBe(200);
    expect(await patched.text()).not.toContain("tok-s3cret");
    const bad = await api(`/webhooks/${created.id}`, { method: "PATCH", key, json: { headers: [{ name: "X-Other" }] } });
    expect(bad.status).toBe(400);

    const { sent } = stubReceiver();
    const ping = await api(`/webhooks/${created.id}/test`, { method: "POST", key });
    expect(await ping.json()).toMatchObject({ success: true, httpStatus: 200 });
    expect(sent[0].headers).toMatchObject({ "x-receiver-token": "tok-s3cret", "x-env": "prod" });
  });

  it("updates, rejects invalid fields, deletes", async () => {
    const { key } = await createTenant();
    const { id } = await createWebhook(key);
    const res = await api(`/webhooks/${id}`, { method: "PATCH", key, json: { name: "Renamed", events: ["PING", "PING"], maxRetries: 0, timeoutMs: 1000 } });
    expect(await res.json()).toMatchObject({ name: "Renamed", events: ["PING"], maxRetries: 0, timeoutMs: 1000 });

    for (const json of [{ maxRetries: 11 }, { timeoutMs: 999 }, { timeoutMs: 30_001 }, { events: [] }, { events: ["NOPE"] }, { name: "x".repeat(256) }, { url: `https://a.example.com/${"x".repeat(2048)}` }]) {
      const r = await api(`/webhooks/${id}`, { method: "PATCH", key, json });
      expect(r.status, JSON.stringify(json).slice(0, 60)).toBe(400);
      expect((await errorOf(r)).error.code).toBe("VALIDATION_ERROR");
    }
    expect((await api(`/webhooks/${id}`, { method: "DELETE", key })).status).toBe(200);
    expect((await api(`/webhooks/${id}`, { key })).status).toBe(404);
    expect((await api(`/webhooks/${id}`, { method: "DELETE", key })).status).toBe(404);
  });

  it.each(["webhook-signature", "Webhook-Id", "content-type", "Host", "Content-Length"])("refuses a custom header named %s", async (name) => {
    const { key } = await createTenant();
    const res = await api("/webhooks", { method: "POST", key, json: { url: "https://h.example.com", name: "x", events: ["PING"], headers: [{ name, value: "v" }] } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error.details.issues).toEqual([expect.objectContaining({ path: "headers.0.name" })]);
  });

  it("refuses more than 20 headers and duplicate names", async () => {
    const { key } = await createTenant();
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `X-H${i}`, value: "v" }));
    for (const headers of [many, [{ name: "X-A", value: "1" }, { name: "x-a", value: "2" }]]) {
      const res = await api("/webhooks", { method: "POST", key, json: { url: "https://h.example.com", name: "x", events: ["PING"], headers } });
      expect(res.status).toBe(400);
    }
  });

  it.each(["http://hooks.example.com/in", "https://127.0.0.1/in", "https://10.1.2.3/in", "https://169.254.169.254/latest", "https://localhost/in", "https://user:pw@hooks.example.com/"])(
    "the URL guard refuses %s on create and on update",
    async (url) => {
      const { key } = await createTenant();
      const created = await api("/webhooks", { method: "POST", key, json: { url, name: "x", events: ["PING"] } });
      expect(created.status).toBe(400);
      const body = await errorOf(created);
      expect(body.error.code).toBe("VALIDATION_ERROR");
      expect(body.error.details.issues).toEqual([expect.objectContaining({ path: "url" })]);
      const { id } = await createWebhook(key);
      const patched = await api(`/webhooks/${id}`, { method: "PATCH", key, json: { url } });
      expect(patched.status).toBe(400);
    },
  );

  it.each([
    ["https://127.0.0.1.nip.io/in", "resolves to 127.0.0.1"],
    ["https://localtest.me/in", "resolves to 127.0.0.1"],
    ["https://hooks.example.com:8080/in", "port 8080"],
    ["https://nxdomain.example.com/in", "does not exist"],
  ])("the URL guard refuses %s on create and on update, as a field error (%s)", async (url, because) => {
    const { key } = await createTenant();
    const created = await api("/webhooks", { method: "POST", key, json: { url, name: "x", events: ["PING"] } });
    expect(created.status).toBe(400);
    expect((await errorOf(created)).error).toMatchObject({ code: "VALIDATION_ERROR", details: { issues: [{ path: "url", message: expect.stringContaining(because) }] } });
    const { id } = await createWebhook(key);
    const patched = await api(`/webhooks/${id}`, { method: "PATCH", key, json: { url } });
    expect(patched.status).toBe(400);
    expect((await errorOf(patched)).error.details.issues).toEqual([expect.objectContaining({ path: "url", message: expect.stringContaining(because) })]);
    expect(await (await api(`/webhooks/${id}`, { key })).json()).toMatchObject({ url: "https://hooks.example.com/in" });
  });

  it("a name the resolver cannot answer for is a 400 on url, never a 5xx, and nothing is created", async () => {
    const { key } = await createTenant();
    const failures: [string, () => Promise<Response>][] = [
      ["SERVFAIL", async () => new Response(JSON.stringify({ Status: 2 }), { headers: { "content-type": "application/dns-json" } })],
      ["unreachable", async () => Promise.reject(new TypeError("network connection lost"))],
    ];
    for (const [what, resolver] of failures) {
      vi.spyOn(globalThis, "fetch").mockImplementation(resolver);
      const res = await api("/webhooks", { method: "POST", key, json: { url: "https://hooks.example.com/in", name: "x", events: ["PING"] } });
      expect(res.status, what).toBe(400);
      const body = await errorOf(res);
      expect(body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
      expect(body.error.details.issues).toEqual([{ path: "url", message: expect.stringMatching(/^could not resolve hooks\.example\.com: the DNS resolver/) }]);
      vi.restoreAllMocks();
    }
    expect((await (await api("/webhooks", { key })).json<{ webhooks: unknown[] }>()).webhooks).toEqual([]);
  });

  it("accepts port 8443 and a name with only public answers", async () => {
    const { key } = await createTenant();
    const created = await createWebhook(key, { url: "https://hooks.example.com:8443/in" });
    expect(created.url).toBe("https://hooks.example.com:8443/in");
  });

  it("replays a create with the same Idempotency-Key", async () => {
    const { key } = await createTenant();
    const init = { method: "POST", key, headers: { "idempotency-key": "wh-1" }, json: { url: "https://h.example.com", name: "x", events: ["PING"] } };
    const first = await api("/webhooks", init);
    const second = await api("/webhooks", init);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect((await second.json<{ id: string }>()).id).toBe((await first.json<{ id: string }>()).id);
    expect((await (await api("/webhooks", { key })).json<{ webhooks: unknown[] }>()).webhooks).toHaveLength(1);
  });

  it("needs webhooks:read to read and webhooks:write to change", async () => {
    const { key } = await createTenant({ scopes: ["webhooks:read"] });
    const res = await api("/webhooks", { method: "POST", key, json: { url: "https://h.example.com", name: "x", events: ["PING"] } });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).error.code).toBe("INSUFFICIENT_PERMISSIONS");
    expect((await api("/webhooks", { key })).status).toBe(200);
    const writer = await createTenant({ scopes: ["webhooks:write"] });
    expect((await api("/webhooks", { key: writer.key })).status).toBe(403);
  });
});

describe("tenant isolation", () => {
  it("another company's webhook and deliveries are not found", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const { id } = await createWebhook(a.key);
    const { deliveryId } = await createDelivery(env.DB, { companyId: a.companyId, webhookId: id, event: "SOURCING_COMPLETED", data: {} });

    const calls: [string, string][] = [
      ["GET", `/webhooks/${id}`], ["PATCH", `/webhooks/${id}`], ["DELETE", `/webhooks/${id}`], ["POST", `/webhooks/${id}/rotate-secret`],
      ["POST", `/webhooks/${id}/test`], ["POST", `/webhooks/${id}/reset-circuit`], ["GET", `/webhooks/${id}/deliveries`],
    ];
    for (const [method, path] of calls) {
      const res = await api(path, { method, key: b.key, ...(method === "PATCH" ? { json: { name: "stolen" } } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await errorOf(res)).error.code).toBe("WEBHOOK_NOT_FOUND");
    }
    for (const [method, path] of [["GET", `/webhooks/deliveries/${deliveryId}`], ["POST", `/webhooks/deliveries/${deliveryId}/redeliver`]]) {
      const res = await api(path, { method, key: b.key });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await errorOf(res)).error.code).toBe("RESOURCE_NOT_FOUND");
    }
    expect((await (await api("/webhooks", { key: b.key })).json<{ webhooks: unknown[] }>()).webhooks).toEqual([]);
    // A's webhook is untouched, and a delivery cannot be created for it under B's company.
    expect(await (await api(`/webhooks/${id}`, { key: a.key })).json()).toMatchObject({ name: "Main" });
    expect(await createDelivery(env.DB, { companyId: b.companyId, webhookId: id, event: "SOURCING_COMPLETED", data: {} })).toMatchObject({ created: false, status: "skipped" });
  });
});

describe("test ping", () => {
  it("sends a signed PING and reports status and duration", async () => {
    const { key } = await createTenant();
    const { id, signingSecret } = await createWebhook(key);
    const { sent } = stubReceiver(() => new Response(null, { status: 204 }));
    const res = await api(`/webhooks/${id}/test`, { method: "POST", key });
    expect(res.status).toBe(200);
    const result = await res.json<{ success: boolean; deliveryId: string; httpStatus: number; durationMs: number; message: string }>();
    expect(result).toMatchObject({ success: true, httpStatus: 204 });
    expect(result.deliveryId).toMatch(/^msg_/);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(sent).toHaveLength(1);
    const payload = new Webhook(signingSecret).verify(sent[0].body, sent[0].headers) as { event: string; deliveryId: string };
    expect(payload).toMatchObject({ event: "PING", deliveryId: result.deliveryId });
  });

  it("reports a failing endpoint as success false, without moving the breaker", async () => {
    const { key } = await createTenant();
    const { id } = await createWebhook(key);
    stubReceiver(() => new Response("down", { status: 503 }));
    const result = await (await api(`/webhooks/${id}/test`, { method: "POST", key })).json();
    expect(result).toMatchObject({ success: false, httpStatus: 503 });
    expect(await (await api(`/webhooks/${id}`, { key })).json()).toMatchObject({ consecutiveFailures: 0, isActive: true });
  });

  it("422 WEBHOOK_NOT_SUBSCRIBED when the webhook does not take PING", async () => {
    const { key } = await createTenant();
    const { id } = await createWebhook(key, { events: ["SOURCING_COMPLETED"] });
    const { spy } = stubReceiver();
    const res = await api(`/webhooks/${id}/test`, { method: "POST", key });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).error.code).toBe("WEBHOOK_NOT_SUBSCRIBED");
    expect(spy).not.toHaveBeenCalled();
  });
});

describe("rotate-secret", () => {
  it("returns a new secret; both old and new signatures are sent and both verify", async () => {
    const { key } = await createTenant();
    const { id, signingSecret: oldSecret } = await createWebhook(key);
    const res = await api(`/webhooks/${id}/rotate-secret`, { method: "POST", key });
    expect(res.status).toBe(200);
    const rotated = await res.json<{ signingSecret: string; previousSecretExpiresAt: string }>();
    expect(rotated.signingSecret).not.toBe(oldSecret);
    expect(Date.parse(rotated.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);

    const { sent } = stubReceiver();
    await api(`/webhooks/${id}/test`, { method: "POST", key });
    const signatures = sent[0].headers["webhook-signature"].split(" ");
    expect(signatures).toHaveLength(2);
    for (const secret of [rotated.signingSecret, oldSecret]) {
      expect(() => new Webhook(secret).verify(sent[0].body, sent[0].headers)).not.toThrow();
    }
  });
});

describe("OpenAPI", () => {
  it("documents every webhook route with its schemas", async () => {
    const doc = await (await api("/openapi.json")).json<{ paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>();
    expect(Object.keys(doc.paths).filter((p) => p.startsWith("/webhooks")).sort()).toEqual([
      "/webhooks", "/webhooks/deliveries/{deliveryId}", "/webhooks/deliveries/{deliveryId}/redeliver", "/webhooks/{id}",
      "/webhooks/{id}/deliveries", "/webhooks/{id}/reset-circuit", "/webhooks/{id}/rotate-secret", "/webhooks/{id}/test",
    ]);
    expect(Object.keys(doc.paths["/webhooks/{id}"]).sort()).toEqual(["delete", "get", "patch"]);
    expect(doc.components.schemas).toHaveProperty("WebhookCreate");
    expect(doc.components.schemas).toHaveProperty("WebhookDelivery");
  });
});
