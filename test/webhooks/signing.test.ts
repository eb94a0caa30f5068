import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateSigningSecret, signWebhook, webhookHeaders } from "../../src/webhooks/signing";

// The receiver's side is the reference implementation of Standard Webhooks, not our own code: a
// signature we produce is only right if that library accepts it.

const nowS = () => Math.floor(Date.now() / 1000);
const body = JSON.stringify({
  event: "SOURCING_COMPLETED",
  timestamp: "2026-01-01T00:00:00.000Z",
  deliveryId: "0b7a9c1e-2f4d-4a7b-9c1e-2f4d4a7b9c1e",
  data: { requestId: "req_1", status: "completed", title: "Staff Engineer — Zürich", foundCount: 3 },
});

describe("generateSigningSecret", () => {
  it("is whsec_ followed by the base64 of 32 random bytes", () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(atob(secret.slice("whsec_".length))).toHaveLength(32);
  });

  it("never repeats", () => {
    const secrets = new Set(Array.from({ length: 50 }, generateSigningSecret));
    expect(secrets.size).toBe(50);
  });

  it("is accepted as a key by the reference verifier", () => {
    expect(() => new Webhook(generateSigningSecret())).not.toThrow();
  });
});

describe("signWebhook", () => {
  it("matches the published Standard Webhooks test vector", async () => {
    const signature = await signWebhook({
      id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
      secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    });
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it.each([
    ["ascii JSON", '{"a":1}'],
    ["unicode", body],
    ["empty body", ""],
    ["a body containing dots and newlines", "a.b.c\n{}\r\n"],
  ])("agrees with the reference signer on %s", async (_name, payload) => {
    const secret = generateSigningSecret();
    const timestamp = 1767225600;
    const ours = await signWebhook({ id: "msg_1", timestamp, body: payload, secrets: [secret] });
    expect(ours).toBe(new Webhook(secret).sign("msg_1", new Date(timestamp * 1000), payload));
  });

  it("emits one space-separated v1 signature per secret, newest first", async () => {
    const [newest, previous] = [generateSigningSecret(), generateSigningSecret()];
    const message = { id: "msg_2", timestamp: 1767225600, body };
    const header = await signWebhook({ ...message, secrets: [newest, previous] });
    const parts = header.split(" ");
    expect(parts).toHaveLength(2);
    expect(parts.every((part) => /^v1,[A-Za-z0-9+/]{43}=$/.test(part))).toBe(true);
    expect(parts).toEqual([
      await signWebhook({ ...message, secrets: [newest] }),
      await signWebhook({ ...message, secrets: [previous] }),
    ]);
  });

  it.each([
    ["no secret", { secrets: [] as string[] }],
    ["a secret without the whsec_ prefix", { secrets: ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"] }],
    ["a secret that is not base64", { secrets: ["whsec_***"] }],
    ["an empty secret", { secrets: ["whsec_"] }],
    ["milliseconds instead of seconds", { timestamp: 1614265330.5 }],
    ["a negative timestamp", { timestamp: -1 }],
  ])("refuses %s", async (_name, override) => {
    const webhook = { id: "msg_3", timestamp: 1614265330, body, secrets: [generateSigningSecret()], ...override };
    await expect(signWebhook(webhook)).rejects.toThrow();
  });
});

describe("webhookHeaders, checked by the reference verifier", () => {
  const rotation = { newest: generateSigningSecret(), previous: generateSigningSecret() };

  async function headersFor(secrets: string[], timestamp = nowS(), id = "0b7a9c1e-delivery") {
    return webhookHeaders({ id, timestamp, body, secrets });
  }

  it("carries the Standard Webhooks headers and the JSON content type", async () => {
    const timestamp = nowS();
    const headers = await headersFor([rotation.newest], timestamp, "delivery-42");
    expect(headers).toEqual({
      "content-type": "application/json",
      "webhook-id": "delivery-42",
      "webhook-timestamp": String(timestamp),
      "webhook-signature": expect.stringMatching(/^v1,\S+$/),
    });
  });

  it.each([
    ["the newest secret", "newest"],
    ["the previous secret", "previous"],
  ] as const)("during a rotation, a receiver holding only %s accepts the delivery", async (_name, which) => {
    const headers = await headersFor([rotation.newest, rotation.previous]);
    expect(new Webhook(rotation[which]).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("a receiver holding a secret that was never sent rejects the delivery", async () => {
    const headers = await headersFor([rotation.newest, rotation.previous]);
    expect(() => new Webhook(generateSigningSecret()).verify(body, headers)).toThrow(/signature/i);
  });

  type Tampering = { body?: string; timestamp?: number; id?: string };
  it.each<[string, Tampering]>([
    ["a tampered body", { body: body.replace('"completed"', '"failed"') }],
    ["a body with one extra space", { body: `${body} ` }],
    ["a timestamp shifted by one second", { timestamp: 1 }],
    ["another delivery id", { id: "someone-else" }],
  ])("rejects %s", async (_name, change) => {
    const timestamp = nowS();
    const headers = await headersFor([rotation.newest, rotation.previous], timestamp);
    const tampered = {
      body: change.body ?? body,
      headers: {
        ...headers,
        "webhook-timestamp": String(timestamp + (change.timestamp ?? 0)),
        "webhook-id": change.id ?? headers["webhook-id"],
      },
    };
    for (const secret of [rotation.newest, rotation.previous]) {
      expect(() => new Webhook(secret).verify(tampered.body, tampered.headers)).toThrow(/signature/i);
    }
  });

  it("a correctly signed but stale attempt is rejected, which is why each retry is re-signed", async () => {
    const headers = await headersFor([rotation.newest], nowS() - 10 * 60);
    expect(() => new Webhook(rotation.newest).verify(body, headers)).toThrow(/too old/i);
  });
});
