// A run's outcome reaches its webhook: signed per Standard Webhooks, retried by the run object's
// alarm with one webhook-id across attempts, and logged attempt by attempt.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import { NO_SOURCE_ANSWERED } from "../../src/pipeline/find-candidates";
import { breakerKey } from "../../src/pipeline/sources/search-sources";
import { api, createTenant, type TestTenant, validJob, waitForRun } from "../helpers";
import { stubReceiver } from "../webhooks/receiver";

let tenant: TestTenant;

async function createWebhook(events: string[]): Promise<{ id: string; signingSecret: string }> {
  const res = await api("/webhooks", { method: "POST", key: tenant.key, json: { url: "https://hooks.example.com/scoutflare", name: "ats", events } });
  expect(res.status).toBe(201);
  return res.json();
}

beforeAll(async () => {
  tenant = await createTenant({ credits: 200 });
  const res = await api("/candidates/import", {
    method: "POST", key: tenant.key, headers: { "content-type": "application/x-ndjson" },
    body: generateDemoPool({ count: 80, seed: 9 }).map((p) => JSON.stringify(p)).join("\n"),
  });
  expect(res.status).toBe(200);
});

afterEach(() => vi.restoreAllMocks());

describe("SOURCING_COMPLETED", () => {
  it("a receiver failing twice then succeeding gets the event three times, one webhook-id, valid signatures", async () => {
    const webhook = await createWebhook(["SOURCING_COMPLETED", "SOURCING_FAILED"]);
    const { sent } = stubReceiver((_req, i) => (i < 2 ? new Response("busy", { status: 503 }) : new Response("ok")));
    const { requestId } = await (await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 5, webhookId: webhook.id } })).json<{ requestId: string }>();
    const results = await waitForRun(tenant.key, requestId);
    // The test config compresses the schedule to 1 s steps (WEBHOOK_RETRY_SCHEDULE_S=1,1,1).
    await vi.waitFor(() => expect(sent.length).toBe(3), { timeout: 15_000, interval: 100 });

    const ids = new Set(sent.map((s) => s.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    const verifier = new Webhook(webhook.signingSecret);
    for (const s of sent) {
      expect(s.url).toBe("https://hooks.example.com/scoutflare");
      expect(s.redirect).toBe("manual");
      const payload = verifier.verify(s.body, s.headers) as { event: string; deliveryId: string; data: Record<string, unknown> };
      expect(payload.event).toBe("SOURCING_COMPLETED");
      expect(payload.deliveryId).toBe(s.headers["webhook-id"]);
      expect(payload.data).toEqual({
        requestId, status: "completed", title: validJob.title, foundCount: results.foundCount, scoredCount: results.scoredCount,
        resultsUrl: `http://scoutflare.test/sourcing/${requestId}/results`,
      });
    }
    expect(new Set(sent.map((s) => s.body)).size).toBe(1); // the same bytes every time

    const [deliveryId] = ids;
    await vi.waitFor(async () => {
      const log = await (await api(`/webhooks/deliveries/${deliveryId}`, { key: tenant.key })).json<{ status: string; attempts: { statusCode: number }[] }>();
      expect(log.status).toBe("delivered");
      expect(log.attempts.map((a) => a.statusCode)).toEqual([503, 503, 200]);
    });
    // Nothing more is owed: the object's alarm is cleared.
    expect(await runInDurableObject(env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(requestId)), (_i, state) => state.storage.getAlarm())).toBeNull();
  });

  it("a failed run sends SOURCING_FAILED with its error code", async () => {
    const webhook = await createWebhook(["SOURCING_FAILED"]);
    const { sent } = stubReceiver();
    // The talent pool's breaker is per company: open this tenant's.
    await env.DB.prepare(`INSERT INTO source_health (source, consecutive_failures, opened_until) VALUES (?, 3, ?)
      ON CONFLICT (source) DO UPDATE SET opened_until = excluded.opened_until`).bind(breakerKey({ name: "talent_pool", scope: "tenant" }, tenant.companyId), Date.now() + 60_000).run();
    try {
      const { requestId } = await (await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, webhookId: webhook.id } })).json<{ requestId: string }>();
      await waitForRun(tenant.key, requestId);
      await vi.waitFor(() => expect(sent.length).toBe(1), { timeout: 10_000 });
      const payload = JSON.parse(sent[0].body);
      expect(payload).toMatchObject({ event: "SOURCING_FAILED", data: { requestId, status: "failed", errorCode: "SOURCE_UNAVAILABLE", errorMessage: NO_SOURCE_ANSWERED } });
    } finally {
      await env.DB.prepare(`DELETE FROM source_health`).run();
    }
  });

  it("a webhook subscribed only to SOURCING_FAILED hears nothing of a completed run", async () => {
    const webhook = await createWebhook(["SOURCING_FAILED"]);
    const { sent } = stubReceiver();
    const { requestId } = await (await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 2, webhookId: webhook.id } })).json<{ requestId: string }>();
    await waitForRun(tenant.key, requestId);
    // The object records `completed`, then settles what it owes the webhook.
    const stub = env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(requestId));
    await vi.waitFor(async () => expect(await stub.status()).toMatchObject({ stage: "completed", notifyOwed: false }));
    const deliveries = await env.DB.prepare(`SELECT COUNT(*) AS n FROM webhook_deliveries WHERE webhook_id = ?`).bind(webhook.id).first<{ n: number }>();
    expect(deliveries?.n).toBe(0);
    expect(sent).toHaveLength(0);
  });

  it("two alarms firing together when a retry is due send it once", async () => {
    const webhook = await createWebhook(["SOURCING_COMPLETED"]);
    const { sent } = stubReceiver((_req, i) => (i === 0 ? new Response("no", { status: 500 }) : new Response("ok")));
    const { requestId } = await (await api("/sourcing", { method: "POST", key: tenant.key, json: { ...validJob, limit: 2, webhookId: webhook.id } })).json<{ requestId: string }>();
    await waitForRun(tenant.key, requestId);
    await vi.waitFor(() => expect(sent.length).toBe(1), { timeout: 10_000 });
    const stub = env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(requestId));
    const outbox = await runInDurableObject(stub, (_i, state) => state.storage.get<Record<string, { dueAt: number }>>("outbox"));
    const dueAt = Object.values(outbox ?? {})[0]?.dueAt ?? Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(dueAt + 10);
      await Promise.all([runInDurableObject(stub, (i) => i.alarm!()), runInDurableObject(stub, (i) => i.alarm!())]);
    } finally {
      vi.useRealTimers();
    }
    // Whether the platform's own alarm got there first or not, the retry went out exactly once.
    expect(sent.length).toBe(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sent.length).toBe(2);
    expect(new Set(sent.map((x) => x.headers["webhook-id"])).size).toBe(1);
  });
});
