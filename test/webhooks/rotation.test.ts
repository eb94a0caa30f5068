import { describe, expect, it } from "vitest";
import { rotateSecrets, SECRET_ROTATION_OVERLAP_MS, signingSecretsAt } from "../../src/webhooks/rotation";

const T0 = Date.parse("2026-03-01T12:00:00.000Z");

describe("secret rotation", () => {
  it("signs with one secret before any rotation", () => {
    expect(signingSecretsAt({ signingSecret: "whsec_a", previousSigningSecret: null, previousSecretExpiresAt: null }, T0)).toEqual(["whsec_a"]);
  });

  it("signs with the new and the previous secret, newest first, for 24 h", () => {
    const rotated = rotateSecrets({ signingSecret: "whsec_a", previousSigningSecret: null, previousSecretExpiresAt: null }, "whsec_b", T0);
    expect(SECRET_ROTATION_OVERLAP_MS).toBe(24 * 3600 * 1000);
    expect(rotated).toEqual({ signingSecret: "whsec_b", previousSigningSecret: "whsec_a", previousSecretExpiresAt: "2026-03-02T12:00:00.000Z" });
    expect(signingSecretsAt(rotated, T0)).toEqual(["whsec_b", "whsec_a"]);
    expect(signingSecretsAt(rotated, T0 + SECRET_ROTATION_OVERLAP_MS - 1)).toEqual(["whsec_b", "whsec_a"]);
    expect(signingSecretsAt(rotated, T0 + SECRET_ROTATION_OVERLAP_MS)).toEqual(["whsec_b"]);
  });

  it("rotating again during the overlap drops the oldest secret", () => {
    const once = rotateSecrets({ signingSecret: "whsec_a", previousSigningSecret: null, previousSecretExpiresAt: null }, "whsec_b", T0);
    const twice = rotateSecrets(once, "whsec_c", T0 + 1000);
    expect(signingSecretsAt(twice, T0 + 2000)).toEqual(["whsec_c", "whsec_b"]);
  });
});
