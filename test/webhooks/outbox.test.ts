// A Durable Object's webhook outbox against real D1 and real object storage (inside an object via
// runInDurableObject), with the receiver stubbed at `fetch`. The invariant under test: one event key,
// one delivery id, however often the step that owes it runs.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Env } from "../../src/env";
import { DeliveryOutbox } from "../../src/webhooks/outbox";
import { api, createTenant } from "../helpers";
import { stubReceiver } from "./receiver";

afterEach(() => vi.restoreAllMocks());

async function setup() {
  const tenant = await createTenant();
  const res = await api("/webhooks", { method: "POST", key: tenant.key, json: { url: "https://hooks.example.com/in", name: "Main", events: ["ENRICH_COMPLETED"] } });
  expect(res.status).toBe(201);
  const { id: webhookId } = await res.json<{ id: string }>();
  const runId = `enr_${crypto.randomUUID()}`;
  const event = { companyId: tenant.companyId, webhookId, event: "ENRICH_COMPLETED" as const, data: { requestId: runId }, runId };
  const deliveriesOfRun = async () =>
    (await env.DB.prepare(`SELECT id, status FROM webhook_deliveries WHERE run_id = ?`).bind(runId).all<{ id: string; status: string }>()).results;
  return { event, deliveriesOfRun };
}

/** Run `fn` inside a fresh object, with its storage. */
function inObject<T>(fn: (storage: DurableObjectStorage) => Promise<T>): Promise<T> {
  const stub = env.ENRICHMENT_JOB.get(env.ENRICHMENT_JOB.idFromName(crypto.randomUUID()));
  return runInDurableObject(stub, (_instance, state) => fn(state.storage));
}

describe("DeliveryOutbox", () => {
  it("a step that runs again after its delivery settled reuses the delivery id: one event, one delivery", async () => {
    const { event, deliveriesOfRun } = await setup();
    const { sent } = stubReceiver();
    await inObject(async (storage) => {
      const outbox = new DeliveryOutbox(storage, env);
      await outbox.schedule("outcome", event);
      await outbox.attemptDue(); // delivered: the key settles
      expect(await outbox.nextDueAt()).toBeNull();
      // The step that owed the event fails after notifying and is retried by the next alarm.
      await outbox.schedule("outcome", event);
      await outbox.attemptDue();
      expect(await outbox.nextDueAt()).toBeNull();
    });
    const deliveries = await deliveriesOfRun();
    expect(deliveries).toEqual([{ id: expect.stringMatching(/^msg_/), status: "delivered" }]);
    expect(sent.map((s) => s.headers["webhook-id"])).toEqual([deliveries[0].id]);
  });

  it("an alarm that finds no row yet (the step's insert still in flight) settles the key without losing it: no second id", async () => {
    const { event, deliveriesOfRun } = await setup();
    const { sent } = stubReceiver();
    await inObject(async (storage) => {
      const alarm = new DeliveryOutbox(storage, env);
      // The step's insert is outside I/O, so the object's alarm can run while it is in flight.
      const stepEnv: Env = { ...env, DB: insertInterleavedWith(env.DB, () => alarm.attemptDue()) };
      await new DeliveryOutbox(storage, stepEnv).schedule("outcome", event);
      // The delivery now in D1 is still owed by the object, not left to the cron sweeper alone.
      expect(await alarm.nextDueAt()).not.toBeNull();
      await new DeliveryOutbox(storage, env).schedule("outcome", event); // the step replayed
      await alarm.attemptDue();
      expect(await alarm.nextDueAt()).toBeNull();
    });
    const deliveries = await deliveriesOfRun();
    expect(deliveries).toEqual([{ id: expect.stringMatching(/^msg_/), status: "delivered" }]);
    expect(sent.map((s) => s.headers["webhook-id"])).toEqual([deliveries[0].id]);
  });

  it("an event the webhook does not take is settled and stays settled under its first id", async () => {
    const { event, deliveriesOfRun } = await setup();
    stubReceiver();
    await inObject(async (storage) => {
      const outbox = new DeliveryOutbox(storage, env);
      await outbox.schedule("outcome", { ...event, event: "ENRICH_FAILED" });
      expect(await outbox.nextDueAt()).toBeNull();
      const tombstone = (await storage.get<Record<string, { deliveryId: string; dueAt: number | null }>>("outbox"))?.outcome;
      expect(tombstone).toEqual({ deliveryId: expect.stringMatching(/^msg_/), dueAt: null });
      await outbox.schedule("outcome", { ...event, event: "ENRICH_FAILED" });
      expect((await storage.get<Record<string, { deliveryId: string }>>("outbox"))?.outcome.deliveryId).toBe(tombstone!.deliveryId);
    });
    expect(await deliveriesOfRun()).toEqual([]);
  });
});

/** D1 whose delivery INSERT first lets `interleave` run: the window a Durable Object's outside I/O opens. */
function insertInterleavedWith(db: D1Database, interleave: () => Promise<unknown>): D1Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== "prepare") {
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      }
      return (sql: string) => {
        const statement = target.prepare(sql);
        if (!sql.trimStart().startsWith("INSERT INTO webhook_deliveries")) return statement;
        return {
          bind: (...values: unknown[]) => ({
            run: async () => {
              await interleave();
              return statement.bind(...values).run();
            },
          }),
        };
      };
    },
  });
}
