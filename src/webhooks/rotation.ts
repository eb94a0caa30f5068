// Signing-secret rotation. After a rotation the previous secret keeps signing beside the new one
// for SECRET_ROTATION_OVERLAP_MS, so a receiver can deploy the new secret without dropping events
// (both signatures are sent; a Standard Webhooks verifier accepts either).

/** 24 h: long enough for a receiver's deploy, and the longest a retry delay stays on one secret pair. */
export const SECRET_ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export type WebhookSecrets = {
  signingSecret: string;
  previousSigningSecret: string | null;
  /** ISO time after which the previous secret stops signing. */
  previousSecretExpiresAt: string | null;
};

/** The secrets an attempt at `nowMs` signs with, newest first. */
export function signingSecretsAt(secrets: WebhookSecrets, nowMs: number): string[] {
  const { signingSecret, previousSigningSecret, previousSecretExpiresAt } = secrets;
  const overlapOpen = previousSigningSecret !== null && previousSecretExpiresAt !== null && Date.parse(previousSecretExpiresAt) > nowMs;
  return overlapOpen ? [signingSecret, previousSigningSecret] : [signingSecret];
}

/**
 * Replace the current secret with `newSecret`; the current one signs on for the overlap. Rotating
 * again during an overlap drops the oldest secret: only two ever sign.
 */
export function rotateSecrets(current: WebhookSecrets, newSecret: string, nowMs: number): WebhookSecrets {
  return {
    signingSecret: newSecret,
    previousSigningSecret: current.signingSecret,
    previousSecretExpiresAt: new Date(nowMs + SECRET_ROTATION_OVERLAP_MS).toISOString(),
  };
}
