// Secrets at rest: AES-256-GCM under one key (SECRETS_ENCRYPTION_KEY, base64 of 32 bytes). A sealed
// value is `enc:v1:<base64 iv>:<base64 ciphertext+tag>`. Each value is bound to where it is stored
// (its `context`, e.g. `webhook:<id>:signing_secret`) as GCM additional data, so a sealed value
// copied to another row or column fails to open. WebCrypto only.
import { fromBase64, toBase64 } from "./encoding";

export const SEALED_PREFIX = "enc:v1:";
const KEY_BYTES = 32; // AES-256
const IV_BYTES = 12; // the GCM nonce size WebCrypto and NIST recommend

/** A sealed value that cannot be opened: wrong key, no key, or a value altered or moved. */
export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** `enc:v1:…` for `plaintext`, with a fresh random IV every call. */
export async function sealSecret(key: string, plaintext: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encode(context) },
    await aesKey(key),
    encode(plaintext),
  );
  return `${SEALED_PREFIX}${toBase64(iv)}:${toBase64(new Uint8Array(sealed))}`;
}

/**
 * The plaintext of a stored value. A value without the `enc:v1:` prefix was stored before
 * encryption (or with no key configured) and is returned as is, so existing rows keep working.
 */
export async function openSecret(key: string | null, stored: string, context: string): Promise<string> {
  if (!isSealed(stored)) return stored;
  if (key === null) throw new SecretBoxError(`${context} is sealed but SECRETS_ENCRYPTION_KEY is not configured`);
  const [ivText, sealedText, ...rest] = stored.slice(SEALED_PREFIX.length).split(":");
  let iv: Uint8Array;
  let sealed: Uint8Array;
  try {
    if (ivText === undefined || sealedText === undefined || rest.length > 0) throw new Error("shape");
    iv = fromBase64(ivText);
    sealed = fromBase64(sealedText);
  } catch {
    throw new SecretBoxError(`${context} is not a well-formed sealed value`);
  }
  if (iv.length !== IV_BYTES) throw new SecretBoxError(`${context} is not a well-formed sealed value`);
  const cryptoKey = await aesKey(key);
  try {
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv, additionalData: encode(context) }, cryptoKey, sealed);
    return new TextDecoder().decode(plain);
  } catch {
    throw new SecretBoxError(`${context} cannot be opened: wrong SECRETS_ENCRYPTION_KEY, or the value was altered or moved`);
  }
}

// Importing is the costly step, and an isolate sees one key: keep the last one imported.
let cached: { raw: string; key: CryptoKey } | null = null;

async function aesKey(raw: string): Promise<CryptoKey> {
  if (cached?.raw === raw) return cached.key;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(raw);
  } catch {
    throw new SecretBoxError("SECRETS_ENCRYPTION_KEY is not valid base64");
  }
  if (bytes.length !== KEY_BYTES) throw new SecretBoxError(`SECRETS_ENCRYPTION_KEY must be ${KEY_BYTES} bytes (openssl rand -base64 32)`);
  const key = await crypto.subtle.importKey("raw", bytes, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
  cached = { raw, key };
  return key;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
