// The delivery sweep (cron) against real D1, with the receiver stubbed at `fetch` and the clock faked
// (Date only), never slept on. Its own file: storage is per file, and a sweep takes every due
// delivery in the database. Test schedule: WEBHOOK_RETRY_SCHEDULE_S "1,1,1"; random pinned to 0.5.
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { attemptDelivery, attemptDueDeliveries, createDelivery } from "../../src/webhooks/dispatcher";
import { api, createTenant } from "../helpers";
import { stubReceiver } from "./receiver";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const noJitter = () => 0.5;

/** Standard Webhooks receivers refuse a webhook-timestamp more than 5 minutes from their clock. */
const RECEIVER_TOLERANCE_MS = 5 * 60_000;

async function setup() {
  const tenant = await createTenant();
  const res = await api("/webhooks", { method: "POST", key: tenant.key, json: { url: "https://hooks.example.com/in", name: "Main", events: ["SOURCING_COMPLETED"] } });
  expect(res.status).toBe(201);
  const webhook = await res.json<{ id: string; signingSecret: string; timeoutMs: number }>();
  const newDelivery = async (createdAtMs: number) =>
    (await createDelivery(env.DB, { companyId: tenant.companyId, webhookId: webhook.id, event: "SOURCING_COMPLETED", data: { requestId: "req_1" }, nowMs: createdAtMs })).deliveryId;
  return { ...tenant, webhook, newDelivery };
}

type DeliveryState = { id: string; status: string; attempt_count: number; secret_failures: number; next_attempt_at: string | null };

async function deliveryStates(webhookId: string): Promise<DeliveryState[]> {
  const { results } = await env.DB.prepare(`SELECT id, status, attempt_count, secret_failures, next_attempt_at FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at`)
    .bind(webhookId).all<DeliveryState>();
  return results;
}

/** Seal another webhook's secret into this one's row: it will not open there (the value is bound to its row). */
async function breakSecret(webhookId: string, donorWebhookId: string): Promise<void> {
  await env.DB.prepare(`UPDATE webhook_configs SET signing_secret = (SELECT signing_secret FROM webhook_configs WHERE id = ?1) WHERE id = ?2`).bind(donorWebhookId, webhookId).run();
}

describe("the sweep reads the clock per attempt", () => {
  it("an attempt behind a slow receiver is signed at its own time and holds a lease that has not run out", async () => {
    const { webhook, newDelivery } = await setup();
    const sweepAtMs = Date.now() + 60_000;
    const ids = [await newDelivery(sweepAtMs - 2_000), await newDelivery(sweepAtMs - 1_000)];
    const verifier = new Webhook(webhook.signingSecret);
    const seen: { id: string; receivedAtMs: number; signedAtMs: number; leaseUntilMs: number; verifies: boolean }[] = [];
    stubReceiver(async (req) => {
      const row = await env.DB.prepare(`SELECT next_attempt_at FROM webhook_deliveries WHERE id = ?`).bind(req.headers["webhook-id"]).first<{ next_attempt_at: string }>();
      let verifies = true;
      try {
        verifier.verify(req.body, req.headers); // checks webhook-timestamp against the (faked) clock too
      } catch {
        verifies = false;
      }
      seen.push({
        id: req.headers["webhook-id"], receivedAtMs: Date.now(), signedAtMs: Number(req.headers["webhook-timestamp"]) * 1000,
        leaseUntilMs: Date.parse(row!.next_attempt_at), verifies,
      });
      vi.setSystemTime(Date.now() + 6 * 60_000); // this receiver takes six minutes to answer
      return new Response("ok");
    });

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(sweepAtMs);
    const reports = await attemptDueDeliveries(env, { random: noJitter });

    expect(reports.map((r) => r.status)).toEqual(["delivered", "delivered"]);
    expect(seen.map((s) => s.id)).toEqual(ids);
    for (const [i, s] of seen.entries()) {
      expect.soft(Math.abs(s.receivedAtMs - s.signedAtMs), `webhook-timestamp of attempt ${i + 1}`).toBeLessThan(5_000);
      expect.soft(s.leaseUntilMs, `lease of attempt ${i + 1}`).toBeGreaterThan(s.receivedAtMs);
      expect.soft(s.verifies, `attempt ${i + 1} verifies within the receiver's ${RECEIVER_TOLERANCE_MS} ms`).toBe(true);
    }
    // The second attempt started six minutes into the sweep, and its log says so.
    const { results } = await env.DB.prepare(`SELECT attempted_at FROM webhook_attempts WHERE delivery_id = ?`).bind(ids[1]).all<{ attempted_at: string }>();
    expect(Date.parse(results[0].attempted_at)).toBe(sweepAtMs + 6 * 60_000);
  });
});

describe("a delivery whose webhook secrets cannot be opened", () => {
  it("backs off in D1, so 51 of them due ahead of a good delivery cannot hold the sweep's 50 places", async () => {
    const good = await setup();
    const broken = await setup();
    await breakSecret(broken.webhook.id, good.webhook.id);
    const sweepAtMs = Date.now() + 60_000;
    const brokenIds: string[] = [];
    for (let i = 0; i < 51; i++) brokenIds.push(await broken.newDelivery(sweepAtMs - 120_000 + i)); // due first
    const goodId = await good.newDelivery(sweepAtMs - 1_000);
    const { sent } = stubReceiver();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(sweepAtMs);
    await attemptDueDeliveries(env, { random: noJitter }); // the first 50 broken ones, each pushed back 1 s
    await attemptDueDeliveries(env, { random: noJitter }); // the same instant: the 51st and the good one are due

    expect(sent.map((s) => s.headers["webhook-id"])).toEqual([goodId]);
    expect((await deliveryStates(good.webhook.id))[0]).toMatchObject({ id: goodId, status: "delivered", attempt_count: 1 });
    const states = await deliveryStates(broken.webhook.id);
    expect(states.map((s) => s.id)).toEqual(brokenIds);
    for (const s of states) {
      expect(s).toMatchObject({ status: "pending", attempt_count: 0, secret_failures: 1, next_attempt_at: new Date(sweepAtMs + 1_000).toISOString() });
    }
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("webhook secrets cannot be opened"));
  });

  it("fails after 1 + one look per schedule step, sending nothing and moving neither the attempt count nor the breaker", async () => {
    const good = await setup();
    const broken = await setup();
    await breakSecret(broken.webhook.id, good.webhook.id);
    const { sent } = stubReceiver();
    vi.spyOn(console, "error").mockImplementation(() => {});
    let now = Date.now();
    const deliveryId = await broken.newDelivery(now);
    const statuses: string[] = [];
    for (;;) {
      const report = await attemptDelivery(env, deliveryId, { nowMs: now, random: noJitter });
      statuses.push(report.status);
      expect(report.attempt).toBeUndefined();
      if (report.status !== "retry") break;
      expect(report.nextAttemptAt).toBe(now + 1_000);
      // Not due before then: a second look in between changes nothing.
      expect(await attemptDelivery(env, deliveryId, { nowMs: now + 999 })).toEqual({ status: "retry", nextAttemptAt: now + 1_000 });
      now = report.nextAttemptAt!;
    }
    expect(statuses).toEqual(["retry", "retry", "retry", "failed"]); // 4 = 1 + the 3 steps of "1,1,1"
    expect(sent).toHaveLength(0);
    expect((await deliveryStates(broken.webhook.id))[0]).toMatchObject({ status: "failed", attempt_count: 0, secret_failures: 4, next_attempt_at: null });
    const breaker = await env.DB.prepare(`SELECT consecutive_failures, is_active FROM webhook_configs WHERE id = ?`).bind(broken.webhook.id).first();
    expect(breaker).toEqual({ consecutive_failures: 0, is_active: 1 });
  });

  it("is sent once the key opens it again, and its count of failed looks starts over", async () => {
    const good = await setup();
    const broken = await setup();
    const sealed = await env.DB.prepare(`SELECT signing_secret FROM webhook_configs WHERE id = ?`).bind(broken.webhook.id).first<{ signing_secret: string }>();
    await breakSecret(broken.webhook.id, good.webhook.id);
    const { sent } = stubReceiver();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const now = Date.now();
    const deliveryId = await broken.newDelivery(now);
    expect(await attemptDelivery(env, deliveryId, { nowMs: now, random: noJitter })).toEqual({ status: "retry", nextAttemptAt: now + 1_000 });
    await env.DB.prepare(`UPDATE webhook_configs SET signing_secret = ? WHERE id = ?`).bind(sealed!.signing_secret, broken.webhook.id).run();
    expect(await attemptDelivery(env, deliveryId, { nowMs: now + 1_000 })).toMatchObject({ status: "delivered", attempt: { number: 1, statusCode: 200 } });
    expect(() => new Webhook(broken.webhook.signingSecret).verify(sent[0].body, sent[0].headers)).not.toThrow();
    expect((await deliveryStates(broken.webhook.id))[0]).toMatchObject({ status: "delivered", secret_failures: 0 });
  });
});
