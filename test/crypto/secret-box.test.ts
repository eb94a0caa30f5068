// The secret box on its own: format, round trip, and every way a sealed value must refuse to open.
import { describe, expect, it } from "vitest";
import { isSealed, openSecret, SecretBoxError, sealSecret } from "../../src/crypto/secret-box";

const KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));
const OTHER_KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(9)));
const CONTEXT = "webhook:wh_1:signing_secret";
const SECRET = "whsec_c2VjcmV0LXZhbHVlLWZvci10ZXN0cw==";

/** The sealed value with one character of its ciphertext changed. */
function tampered(sealed: string): string {
  const at = sealed.length - 5;
  return sealed.slice(0, at) + (sealed[at] === "A" ? "B" : "A") + sealed.slice(at + 1);
}

describe("secret box", () => {
  it("seals as enc:v1:<iv>:<ciphertext+tag> and opens back to the plaintext", async () => {
    const sealed = await sealSecret(KEY, SECRET, CONTEXT);
    expect(sealed).toMatch(/^enc:v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]+=*$/);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain(SECRET);
    expect(await openSecret(KEY, sealed, CONTEXT)).toBe(SECRET);
    expect(await openSecret(KEY, await sealSecret(KEY, "", CONTEXT), CONTEXT)).toBe("");
    expect(await openSecret(KEY, await sealSecret(KEY, "naïve ✓", CONTEXT), CONTEXT)).toBe("naïve ✓");
  });

  it("uses a fresh IV for every seal", async () => {
    const seals = await Promise.all(Array.from({ length: 5 }, () => sealSecret(KEY, SECRET, CONTEXT)));
    expect(new Set(seals).size).toBe(5);
    expect(new Set(seals.map((s) => s.split(":")[2])).size).toBe(5);
  });

  it("passes through a value stored before encryption, with or without a key", async () => {
    expect(await openSecret(KEY, SECRET, CONTEXT)).toBe(SECRET);
    expect(await openSecret(null, SECRET, CONTEXT)).toBe(SECRET);
    expect(isSealed(SECRET)).toBe(false);
  });

  it.each([
    ["a tampered ciphertext", async (s: string) => openSecret(KEY, tampered(s), CONTEXT)],
    ["another row's additional data", async (s: string) => openSecret(KEY, s, "webhook:wh_2:signing_secret")],
    ["another column's additional data", async (s: string) => openSecret(KEY, s, "webhook:wh_1:previous_signing_secret")],
    ["the wrong key", async (s: string) => openSecret(OTHER_KEY, s, CONTEXT)],
    ["no key configured", async (s: string) => openSecret(null, s, CONTEXT)],
    ["a truncated value", async (s: string) => openSecret(KEY, s.slice(0, s.lastIndexOf(":")), CONTEXT)],
    ["a value that is not base64", async () => openSecret(KEY, "enc:v1:!!!:???", CONTEXT)],
  ])("refuses to open with %s", async (_name, open) => {
    const sealed = await sealSecret(KEY, SECRET, CONTEXT);
    await expect(open(sealed)).rejects.toBeInstanceOf(SecretBoxError);
  });

  it("names the cause when the key is wrong, without the value", async () => {
    const sealed = await sealSecret(KEY, SECRET, CONTEXT);
    const error = await openSecret(OTHER_KEY, sealed, CONTEXT).catch((e: Error) => e);
    expect(String(error)).toMatch(/wrong SECRETS_ENCRYPTION_KEY/);
    expect(String(error)).not.toContain(SECRET);
  });

  it.each([["not base64", "***"], ["16 bytes", btoa("0123456789abcdef")]])("refuses a key that is %s", async (_name, key) => {
    await expect(sealSecret(key, SECRET, CONTEXT)).rejects.toThrow(/SECRETS_ENCRYPTION_KEY/);
  });
});
