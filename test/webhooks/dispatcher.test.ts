// Delivery through the dispatcher against real D1, with the receiver stubbed at `fetch`. Retries are
// driven by calling attemptDelivery with an injected clock (test schedule: WEBHOOK_RETRY_SCHEDULE_S
// "1,1,1" seconds; random pinned to 0.5, so no jitter), never by sleeping.
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { attemptDelivery, createDelivery, redeliver } from "../../src/webhooks/dispatcher";
import { api, createTenant } from "../helpers";
import { hangUntilAborted, stubReceiver } from "./receiver";

afterEach(() => vi.restoreAllMocks());

const noJitter = () => 0.5;

async function setup(overrides: Record<string, unknown> = {}) {
  const tenant = await createTenant();
  const res = await api("/webhooks", {
    method: "POST", key: tenant.key,
    json: { url: "https://hooks.example.com/in", name: "Main", events: ["SOURCING_COMPLETED", "SOURCING_FAILED", "PING"], ...overrides },
  });
  expect(res.status).toBe(201);
  const webhook = await res.json<{ id: string; signingSecret: string }>();
  const newDelivery = async () =>
    (await createDelivery(env.DB, { companyId: tenant.companyId, webhookId: webhook.id, event: "SOURCING_COMPLETED", data: { requestId: "req_1" }, runId: "req_1" })).deliveryId;
  const readWebhook = async () => (await api(`/webhooks/${webhook.id}`, { key: tenant.key })).json<{ isActive: boolean; consecutiveFailures: number; circuitOpenedAt: string | null }>();
  const readDelivery = async (id: string) =>
    (await api(`/webhooks/deliveries/${id}`, { key: tenant.key })).json<{ status: string; attemptCount: number; attempts: { attemptNumber: number; statusCode: number | null; error: string | null; durationMs: number; attemptedAt: string }[] }>();
  return { ...tenant, webhook, newDelivery, readWebhook, readDelivery };
}

describe("createDelivery", () => {
  it("builds the envelope once and is idempotent on the delivery id", async () => {
    const { companyId, webhook } = await setup();
    const input = { companyId, webhookId: webhook.id, event: "SOURCING_COMPLETED" as const, data: { requestId: "req_9" }, deliveryId: `msg_${crypto.randomUUID()}` };
    expect(await createDelivery(env.DB, input)).toEqual({ deliveryId: input.deliveryId, created: true, status: "pending" });
    expect(await createDelivery(env.DB, { ...input, data: { requestId: "other" } })).toEqual({ deliveryId: input.deliveryId, created: false, status: "pending" });
    const row = await env.DB.prepare("SELECT payload FROM webhook_deliveries WHERE id = ?").bind(input.deliveryId).first<{ payload: string }>();
    expect(JSON.parse(row!.payload)).toEqual({ event: "SOURCING_COMPLETED", timestamp: expect.any(String), deliveryId: input.deliveryId, data: { requestId: "req_9" } });
  });

  it("creates nothing for an event the webhook does not subscribe to", async () => {
    const { companyId, webhook } = await setup({ events: ["SOURCING_COMPLETED"] });
    const result = await createDelivery(env.DB, { companyId, webhookId: webhook.id, event: "SOURCING_FAILED", data: {} });
    expect(result).toMatchObject({ created: false, status: "skipped" });
    expect(await attemptDelivery(env, result.deliveryId)).toEqual({ status: "skipped", nextAttemptAt: null });
  });
});

describe("attemptDelivery", () => {
  it("sends the contract's envelope with Standard Webhooks headers that verify", async () => {
    const { webhook, newDelivery } = await setup();
    const { sent } = stubReceiver();
    const deliveryId = await newDelivery();
    expect(await attemptDelivery(env, deliveryId)).toMatchObject({ status: "delivered", nextAttemptAt: null, attempt: { number: 1, statusCode: 200 } });
    expect(sent).toHaveLength(1);
    const [req] = sent;
    expect(req.url).toBe("https://hooks.example.com/in");
    expect(req.redirect).toBe("manual");
    expect(req.headers["webhook-id"]).toBe(deliveryId);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(Math.abs(Number(req.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(5);
    const payload = new Webhook(webhook.signingSecret).verify(req.body, req.headers);
    expect(payload).toEqual({ event: "SOURCING_COMPLETED", timestamp: expect.any(String), deliveryId, data: { requestId: "req_1" } });
  });

  it("retries a receiver failing twice, then delivers: 3 attempts, same webhook-id and body", async () => {
    const { newDelivery, readDelivery, readWebhook } = await setup();
    const { sent } = stubReceiver((_req, i) => new Response(null, { status: i < 2 ? 500 : 200 }));
    const deliveryId = await newDelivery();
    let now = Date.now();
    const first = await attemptDelivery(env, deliveryId, { nowMs: now, random: noJitter });
    expect(first).toMatchObject({ status: "retry", nextAttemptAt: now + 1000 });
    // Not due yet: nothing is sent.
    expect(await attemptDelivery(env, deliveryId, { nowMs: now + 999 })).toMatchObject({ status: "retry", nextAttemptAt: now + 1000 });
    expect(sent).toHaveLength(1);
    now = first.nextAttemptAt!;
    const second = await attemptDelivery(env, deliveryId, { nowMs: now, random: noJitter });
    expect(second).toMatchObject({ status: "retry", nextAttemptAt: now + 1000 });
    const third = await attemptDelivery(env, deliveryId, { nowMs: second.nextAttemptAt!, random: noJitter });
    expect(third).toMatchObject({ status: "delivered", nextAttemptAt: null, attempt: { number: 3, statusCode: 200 } });

    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.headers["webhook-id"]))).toEqual(new Set([deliveryId]));
    expect(new Set(sent.map((s) => s.body)).size).toBe(1);
    const log = await readDelivery(deliveryId);
    expect(log).toMatchObject({ status: "delivered", attemptCount: 3 });
    expect(log.attempts.map((a) => [a.attemptNumber, a.statusCode])).toEqual([[1, 500], [2, 500], [3, 200]]);
    expect(log.attempts[0]).toMatchObject({ error: "HTTP 500", durationMs: expect.any(Number), attemptedAt: expect.any(String) });
    expect((await readWebhook()).consecutiveFailures).toBe(0);
  });

  it("gives up after maxRetries and counts one failed delivery", async () => {
    const { newDelivery, readDelivery, readWebhook } = await setup({ maxRetries: 2 });
    const { sent } = stubReceiver(() => new Response(null, { status: 500 }));
    const deliveryId = await newDelivery();
    let report = await attemptDelivery(env, deliveryId, { random: noJitter });
    while (report.status === "retry") report = await attemptDelivery(env, deliveryId, { nowMs: report.nextAttemptAt!, random: noJitter });
    expect(report).toMatchObject({ status: "failed", nextAttemptAt: null, attempt: { number: 3 } });
    expect(sent).toHaveLength(3);
    expect(await readDelivery(deliveryId)).toMatchObject({ status: "failed", attemptCount: 3 });
    expect(await readWebhook()).toMatchObject({ consecutiveFailures: 1, isActive: true });
  });

  it("a timeout is a failed attempt, retried", async () => {
    const { newDelivery, readDelivery } = await setup({ timeoutMs: 1000 });
    stubReceiver((_req, _i, init) => hangUntilAborted(init));
    const deliveryId = await newDelivery();
    const report = await attemptDelivery(env, deliveryId, { random: noJitter });
    expect(report).toMatchObject({ status: "retry", attempt: { number: 1, statusCode: null, error: "timed out after 1000 ms" } });
    expect(report.attempt!.durationMs).toBeGreaterThanOrEqual(900);
    expect((await readDelivery(deliveryId)).attempts[0]).toMatchObject({ statusCode: null, error: "timed out after 1000 ms" });
  });

  it("a network error is a failed attempt, not a throw", async () => {
    const { newDelivery } = await setup();
    stubReceiver(() => {
      throw new TypeError("connection refused");
    });
    const report = await attemptDelivery(env, await newDelivery(), { random: noJitter });
    expect(report).toMatchObject({ status: "retry", attempt: { statusCode: null, error: "request failed: connection refused" } });
  });

  it("410 Gone fails the delivery and disables the webhook; later deliveries are skipped", async () => {
    const { newDelivery, readWebhook } = await setup();
    const { sent } = stubReceiver(() => new Response(null, { status: 410 }));
    expect(await attemptDelivery(env, await newDelivery())).toMatchObject({ status: "failed", attempt: { statusCode: 410 } });
    expect((await readWebhook()).isActive).toBe(false);
    expect(await attemptDelivery(env, await newDelivery())).toEqual({ status: "skipped", nextAttemptAt: null });
    expect(sent).toHaveLength(1);
  });

  it("honours Retry-After when it is longer than the schedule's step", async () => {
    const { newDelivery } = await setup();
    const { sent } = stubReceiver(() => new Response(null, { status: 503, headers: { "retry-after": "120" } }));
    const deliveryId = await newDelivery();
    const now = Date.now();
    const report = await attemptDelivery(env, deliveryId, { nowMs: now, random: noJitter });
    expect(report).toMatchObject({ status: "retry", nextAttemptAt: now + 120_000 });
    expect(await attemptDelivery(env, deliveryId, { nowMs: now + 5_000 })).toMatchObject({ status: "retry", nextAttemptAt: now + 120_000 });
    expect(sent).toHaveLength(1);
  });

  it("a 3xx is a failure and the redirect is not followed", async () => {
    const { newDelivery, readDelivery } = await setup();
    const { sent } = stubReceiver(() => new Response(null, { status: 302, headers: { location: "http://169.254.169.254/" } }));
    const deliveryId = await newDelivery();
    expect(await attemptDelivery(env, deliveryId, { random: noJitter })).toMatchObject({ status: "retry", attempt: { statusCode: 302 } });
    expect(sent).toHaveLength(1);
    expect(sent[0].redirect).toBe("manual");
    expect((await readDelivery(deliveryId)).attempts[0].error).toMatch(/redirects are not followed/);
  });

  it("two calls for the same due attempt send once; the attempt number is persisted before the send", async () => {
    const { newDelivery } = await setup();
    const countsAtSend: number[] = [];
    const deliveryId = await newDelivery();
    stubReceiver(async () => {
      const row = await env.DB.prepare("SELECT attempt_count FROM webhook_deliveries WHERE id = ?").bind(deliveryId).first<{ attempt_count: number }>();
      countsAtSend.push(row!.attempt_count);
      return new Response("ok");
    });
    const now = Date.now();
    const [a, b] = await Promise.all([attemptDelivery(env, deliveryId, { nowMs: now }), attemptDelivery(env, deliveryId, { nowMs: now })]);
    expect(countsAtSend).toEqual([1]);
    expect([a.attempt, b.attempt].filter(Boolean)).toHaveLength(1);
    // A third call (a duplicated alarm after the fact) reports the state and sends nothing.
    expect(await attemptDelivery(env, deliveryId, { nowMs: now + 60_000 })).toEqual({ status: "delivered", nextAttemptAt: null });
    expect(countsAtSend).toHaveLength(1);
  });

  it("re-checks the URL at send time: a row edited to a private IP is not sent to", async () => {
    const { webhook, newDelivery, readDelivery } = await setup();
    await env.DB.prepare("UPDATE webhook_configs SET url = 'https://10.0.0.7/hook' WHERE id = ?").bind(webhook.id).run();
    const { spy } = stubReceiver();
    const deliveryId = await newDelivery();
    expect(await attemptDelivery(env, deliveryId, { random: noJitter })).toMatchObject({ status: "retry", attempt: { statusCode: null } });
    expect(spy).not.toHaveBeenCalled();
    expect((await readDelivery(deliveryId)).attempts[0].error).toMatch(/URL refused at send time/);
  });

  it("resolves the host again at send time: a name that now points at a private address is a failed attempt, retried, not sent to", async () => {
    const { newDelivery, readDelivery, readWebhook } = await setup();
    // hooks.example.com was public when the webhook was created; its answer has changed since.
    const { sent } = stubReceiver(undefined, { dns: { "hooks.example.com": { A: ["93.184.215.14"], AAAA: ["fd12:3456::1"] } } });
    const deliveryId = await newDelivery();
    const now = Date.now();
    expect(await attemptDelivery(env, deliveryId, { nowMs: now, random: noJitter })).toMatchObject({
      status: "retry", nextAttemptAt: now + 1000, attempt: { number: 1, statusCode: null },
    });
    expect(sent).toHaveLength(0);
    expect((await readDelivery(deliveryId)).attempts[0].error).toBe(
      "not sent: URL refused at send time (host hooks.example.com resolves to fd12:3456::1, an address in a blocked range)",
    );
    expect((await readWebhook()).consecutiveFailures).toBe(0); // one attempt, not a failed delivery
  });

  it("a resolver that cannot answer at send time is a failed attempt retried on the schedule, not a throw", async () => {
    const { newDelivery, readDelivery } = await setup();
    const { sent } = stubReceiver(undefined, { dns: { "hooks.example.com": { rcode: 2 } } });
    const deliveryId = await newDelivery();
    expect(await attemptDelivery(env, deliveryId, { random: noJitter })).toMatchObject({ status: "retry", attempt: { statusCode: null } });
    expect(sent).toHaveLength(0);
    expect((await readDelivery(deliveryId)).attempts[0].error).toMatch(/^not sent: URL refused at send time \(could not resolve hooks\.example\.com: the DNS resolver answered A with RCODE 2\)$/);
  });

  it("a custom header cannot replace the signature, even one written straight into D1", async () => {
    const { webhook, newDelivery } = await setup();
    const forged = JSON.stringify([{ name: "webhook-signature", value: "v1,forged", isMasked: true }, { name: "X-Key", value: "k", isMasked: true }]);
    await env.DB.prepare("UPDATE webhook_configs SET headers = ? WHERE id = ?").bind(forged, webhook.id).run();
    const { sent } = stubReceiver();
    await attemptDelivery(env, await newDelivery());
    expect(sent[0].headers["x-key"]).toBe("k");
    expect(() => new Webhook(webhook.signingSecret).verify(sent[0].body, sent[0].headers)).not.toThrow();
  });

  it("opens the circuit after 20 consecutive failed deliveries; nothing is sent until reset-circuit", async () => {
    const { key, webhook, newDelivery, readWebhook } = await setup({ maxRetries: 0 });
    const { sent } = stubReceiver(() => new Response(null, { status: 500 }));
    for (let i = 0; i < 19; i++) await attemptDelivery(env, await newDelivery());
    expect(await readWebhook()).toMatchObject({ consecutiveFailures: 19, isActive: true, circuitOpenedAt: null });
    await attemptDelivery(env, await newDelivery());
    const open = await readWebhook();
    expect(open).toMatchObject({ consecutiveFailures: 20, isActive: false });
    expect(open.circuitOpenedAt).toEqual(expect.any(String));

    const skipped = await newDelivery();
    expect(await attemptDelivery(env, skipped)).toEqual({ status: "skipped", nextAttemptAt: null });
    expect(sent).toHaveLength(20);

    const reset = await api(`/webhooks/${webhook.id}/reset-circuit`, { method: "POST", key });
    expect(await reset.json()).toMatchObject({ consecutiveFailures: 0, circuitOpenedAt: null, isActive: true });
    expect(await attemptDelivery(env, await newDelivery())).toMatchObject({ status: "failed", attempt: { statusCode: 500 } });
    expect(sent).toHaveLength(21);
  });

  it("a success resets the failure count", async () => {
    const { newDelivery, readWebhook } = await setup({ maxRetries: 0 });
    stubReceiver((_req, i) => new Response(null, { status: i < 3 ? 500 : 200 }));
    for (let i = 0; i < 3; i++) await attemptDelivery(env, await newDelivery());
    expect((await readWebhook()).consecutiveFailures).toBe(3);
    await attemptDelivery(env, await newDelivery());
    expect((await readWebhook()).consecutiveFailures).toBe(0);
  });

  it("a deleted webhook's pending delivery is skipped; its log stays readable", async () => {
    const { key, webhook, newDelivery, readDelivery } = await setup();
    const deliveryId = await newDelivery();
    await api(`/webhooks/${webhook.id}`, { method: "DELETE", key });
    const { spy } = stubReceiver();
    expect(await attemptDelivery(env, deliveryId)).toEqual({ status: "skipped", nextAttemptAt: null });
    expect(spy).not.toHaveBeenCalled();
    expect(await readDelivery(deliveryId)).toMatchObject({ status: "skipped" });
  });
});

describe("redelivery and the delivery log", () => {
  it("redeliver gives a failed delivery one more attempt with the same id and body", async () => {
    const { key, newDelivery, readDelivery } = await setup({ maxRetries: 0 });
    const { sent } = stubReceiver((_req, i) => new Response(null, { status: i === 0 ? 500 : 200 }));
    const deliveryId = await newDelivery();
    expect(await attemptDelivery(env, deliveryId)).toMatchObject({ status: "failed" });

    const res = await api(`/webhooks/deliveries/${deliveryId}/redeliver`, { method: "POST", key });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ deliveryId, status: "delivered", attemptCount: 2, attempts: [{ statusCode: 500 }, { statusCode: 200 }] });
    expect(sent.map((s) => s.headers["webhook-id"])).toEqual([deliveryId, deliveryId]);
    expect(sent[1].body).toBe(sent[0].body);
    expect((await readDelivery(deliveryId)).status).toBe("delivered");
  });

  it("a failed redelivery ends failed again, not stranded pending", async () => {
    const { companyId, newDelivery } = await setup({ maxRetries: 0 });
    stubReceiver(() => new Response(null, { status: 500 }));
    const deliveryId = await newDelivery();
    await attemptDelivery(env, deliveryId);
    expect(await redeliver(env, companyId, deliveryId)).toMatchObject({ status: "failed", attempt: { number: 2 } });
    expect(await redeliver(env, "another-company", deliveryId)).toBeNull();
  });

  it("lists a webhook's deliveries newest first, paged by cursor", async () => {
    const { key, webhook, newDelivery } = await setup();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await newDelivery());
    const page1 = await (await api(`/webhooks/${webhook.id}/deliveries?limit=2`, { key })).json<{ deliveries: { deliveryId: string; requestId: string }[]; nextCursor: string }>();
    expect(page1.deliveries).toHaveLength(2);
    expect(page1.deliveries[0].requestId).toBe("req_1");
    const page2 = await (await api(`/webhooks/${webhook.id}/deliveries?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`, { key })).json<{ deliveries: { deliveryId: string }[]; nextCursor: null }>();
    expect(page2.nextCursor).toBeNull();
    expect([...page1.deliveries, ...page2.deliveries].map((d) => d.deliveryId).sort()).toEqual([...ids].sort());
  });
});
