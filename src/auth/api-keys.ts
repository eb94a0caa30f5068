import { sha256Hex } from "../crypto/encoding";

/** API keys: `sk_live_` / `sk_test_` + 38 base62 chars (~226 bits); only a SHA-256 is stored. */
export const SCOPES = [
  "sourcing:read",
  "sourcing:write",
  "enrich:write",
  "webhooks:read",
  "webhooks:write",
  "billing:read",
  "candidates:read",
  "candidates:write",
] as const;
export type Scope = (typeof SCOPES)[number];
export type KeyEnvironment = "live" | "test";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SECRET_LENGTH = 38;
export const KEY_PATTERN = /^sk_(live|test)_[0-9A-Za-z]{38}$/;

function randomBase62(length: number): string {
  // Rejection sampling keeps every character uniform (256 is not a multiple of 62).
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 248 && out.length < length) out.push(BASE62[byte % 62]);
    }
  }
  return out.join("");
}

export function generateApiKey(environment: KeyEnvironment): { key: string; prefix: string } {
  const key = `sk_${environment}_${randomBase62(SECRET_LENGTH)}`;
  return { key, prefix: key.slice(0, 12) };
}

/** Keys carry ~226 random bits, so a plain SHA-256 is enough: there is nothing to brute-force. */
export const hashApiKey = (key: string): Promise<string> => sha256Hex(key);

/** Constant-time string comparison (for the operator token and stored hashes). */
export function timingSafeEqualText(a: string, b: string): boolean {
  const enc = new TextEncoder();
  const left = enc.encode(a);
  const right = enc.encode(b);
  // Compare equal-length buffers so the time does not depend on where they differ; length itself is not secret.
  if (left.byteLength !== right.byteLength) return false;
  return crypto.subtle.timingSafeEqual(left, right);
}

/** Whether a stored key can authenticate now. */
export function isKeyUsable(key: { revokedAt: string | null; expiresAt: string | null }, nowMs: number): boolean {
  if (key.revokedAt) return false;
  return !key.expiresAt || Date.parse(key.expiresAt) > nowMs;
}
