// Webhook secrets at rest, through the real Worker and D1: signing secrets and custom header values
// are sealed in the row (enc:v1:…) after create, header update and rotation, while deliveries are
// still signed with them and carry them. The test config sets a test-only SECRETS_ENCRYPTION_KEY.
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isSealed, SecretBoxError } from "../../src/crypto/secret-box";
import { createWebhookConfig, findWebhookConfig } from "../../src/webhooks/config-store";
import { api, createTenant } from "../helpers";
import { stubReceiver } from "./receiver";

afterEach(() => vi.restoreAllMocks());

type StoredRow = { signing_secret: string; previous_signing_secret: string | null; headers: string };

async function storedRow(id: string): Promise<StoredRow & Record<string, unknown>> {
  const row = await env.DB.prepare(`SELECT * FROM webhook_configs WHERE id = ?`).bind(id).first<StoredRow & Record<string, unknown>>();
  return row!;
}

/** Neither the whole secret nor its key material (the part after whsec_) appears anywhere in the row. */
function expectAbsent(row: Record<string, unknown>, secrets: string[]) {
  const text = JSON.stringify(row);
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
    if (secret.startsWith("whsec_")) expect(text).not.toContain(secret.slice("whsec_".length));
  }
}

async function createWebhook(key: string) {
  const res = await api("/webhooks", {
    method: "POST", key,
    json: { url: "https://hooks.example.com/in", name: "Main", events: ["PING"], headers: [{ name: "X-Receiver-Token", value: "tok-s3cret" }] },
  });
  expect(res.status).toBe(201);
  return res.json<{ id: string; signingSecret: string }>();
}

async function ping(key: string, id: string) {
  const { sent } = stubReceiver();
  const res = await api(`/webhooks/${id}/test`, { method: "POST", key });
  expect(await res.json()).toMatchObject({ success: true, httpStatus: 200 });
  expect(sent).toHaveLength(1);
  return sent[0];
}

describe("webhook secrets at rest", () => {
  it("POST /webhooks stores the signing secret and header values sealed; a delivery is still signed and carries the header", async () => {
    const { key } = await createTenant();
    const { id, signingSecret } = await createWebhook(key);

    const row = await storedRow(id);
    expect(row.signing_secret).toMatch(/^enc:v1:/);
    expect(row.previous_signing_secret).toBeNull();
    const headers = JSON.parse(row.headers) as { name: string; value: string }[];
    expect(headers).toEqual([expect.objectContaining({ name: "X-Receiver-Token", value: expect.stringMatching(/^enc:v1:/) })]);
    expectAbsent(row, [signingSecret, "tok-s3cret"]);

    const sent = await ping(key, id);
    expect(() => new Webhook(signingSecret).verify(sent.body, sent.headers)).not.toThrow();
    expect(sent.headers["x-receiver-token"]).toBe("tok-s3cret");
  });

  it("rotate-secret seals the new and the previous secret; both signatures verify", async () => {
    const { key } = await createTenant();
    const { id, signingSecret: oldSecret } = await createWebhook(key);
    const rotated = await (await api(`/webhooks/${id}/rotate-secret`, { method: "POST", key })).json<{ signingSecret: string }>();

    const row = await storedRow(id);
    expect(row.signing_secret).toMatch(/^enc:v1:/);
    expect(row.previous_signing_secret).toMatch(/^enc:v1:/);
    expectAbsent(row, [rotated.signingSecret, oldSecret, "tok-s3cret"]);

    const sent = await ping(key, id);
    expect(sent.headers["webhook-signature"].split(" ")).toHaveLength(2);
    for (const secret of [rotated.signingSecret, oldSecret]) {
      expect(() => new Webhook(secret).verify(sent.body, sent.headers)).not.toThrow();
    }
    expect(sent.headers["x-receiver-token"]).toBe("tok-s3cret");
  });

  it("PATCH headers keeps a stored value it is not given and seals every value", async () => {
    const { key } = await createTenant();
    const { id } = await createWebhook(key);
    const res = await api(`/webhooks/${id}`, { method: "PATCH", key, json: { headers: [{ name: "x-receiver-token" }, { name: "X-Env", value: "prod-9f2" }] } });
    expect(res.status).toBe(200);

    const row = await storedRow(id);
    const headers = JSON.parse(row.headers) as { value: string }[];
    expect(headers.map((h) => isSealed(h.value))).toEqual([true, true]);
    expectAbsent(row, ["tok-s3cret", "prod-9f2"]);
    expect((await ping(key, id)).headers).toMatchObject({ "x-receiver-token": "tok-s3cret", "x-env": "prod-9f2" });
  });

  it("a row written before encryption (plaintext) still signs, and is sealed once its secret is rotated", async () => {
    const { key } = await createTenant();
    const { id } = await createWebhook(key);
    const legacySecret = "whsec_bGVnYWN5LXBsYWludGV4dC1zZWNyZXQtMzJieXRlcw==";
    await env.DB.prepare(`UPDATE webhook_configs SET signing_secret = ?, headers = ? WHERE id = ?`)
      .bind(legacySecret, JSON.stringify([{ name: "X-Legacy", value: "plain-v", isMasked: true }]), id).run();

    const sent = await ping(key, id);
    expect(() => new Webhook(legacySecret).verify(sent.body, sent.headers)).not.toThrow();
    expect(sent.headers["x-legacy"]).toBe("plain-v");

    vi.restoreAllMocks();
    await api(`/webhooks/${id}/rotate-secret`, { method: "POST", key });
    const row = await storedRow(id);
    expect(row.previous_signing_secret).toMatch(/^enc:v1:/);
    expectAbsent(row, [legacySecret]);
  });

  it("a sealed secret copied into another webhook's row does not open there", async () => {
    const { key, companyId } = await createTenant();
    const a = await createWebhook(key);
    const b = await createWebhook(key);
    await env.DB.prepare(`UPDATE webhook_configs SET signing_secret = (SELECT signing_secret FROM webhook_configs WHERE id = ?1) WHERE id = ?2`).bind(a.id, b.id).run();
    await expect(findWebhookConfig(env, companyId, b.id)).rejects.toBeInstanceOf(SecretBoxError);
    expect((await findWebhookConfig(env, companyId, a.id))?.signingSecret).toBe(a.signingSecret);
  });

  it("without a key, secrets are stored as given and the isolate warns once", async () => {
    const { companyId } = await createTenant();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const noKey = { ...env, SECRETS_ENCRYPTION_KEY: undefined };
    const config = { companyId, url: "https://hooks.example.com/in", name: "w", description: null, events: ["PING"], maxRetries: 0, timeoutMs: 5000, nowIso: new Date().toISOString() };
    for (const id of [crypto.randomUUID(), crypto.randomUUID()]) {
      await createWebhookConfig(noKey, { ...config, id, signingSecret: "whsec_cGxhaW4=", headers: [{ name: "X-A", value: "plain-a", isMasked: true }] });
      const row = await storedRow(id);
      expect(row.signing_secret).toBe("whsec_cGxhaW4=");
      expect(JSON.parse(row.headers)[0].value).toBe("plain-a");
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(warn.mock.calls[0][0]))).toMatchObject({ level: "warn", msg: expect.stringContaining("stored unencrypted") });
  });
});

describe("Idempotency-Key replays of a secret shown once", () => {
  it("keep the stored first response sealed, and replay the same secret", async () => {
    const t = await createTenant();
    const create = () =>
      api("/webhooks", {
        method: "POST", key: t.key, headers: { "idempotency-key": "create-main-hook" },
        json: { url: "https://hooks.example.com/in", name: "Main", events: ["PING"] },
      });
    const first = await (await create()).json<{ id: string; signingSecret: string }>();
    const replay = await create();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toMatchObject({ id: first.id, signingSecret: first.signingSecret });
    const record = await env.DB.prepare(`SELECT response_body FROM idempotency_records WHERE company_id = ?`).bind(t.companyId).first<{ response_body: string }>();
    expect(isSealed(record!.response_body)).toBe(true);
    expectAbsent(record!, [first.signingSecret]);
  });
});
