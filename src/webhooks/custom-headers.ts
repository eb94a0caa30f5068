// Tenant-defined headers sent with every delivery (e.g. a receiver's own auth token). Their values
// are secrets to us: stored, sent, never returned — responses show `{ name, isMasked: true }` only.
import type { WebhookHeader } from "../db/schema";

export const MAX_CUSTOM_HEADERS = 20;
export const MAX_HEADER_NAME_LENGTH = 100; // characters
export const MAX_HEADER_VALUE_LENGTH = 1000; // characters

/** RFC 9110 token characters: what an HTTP field name may contain. */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Visible characters, spaces and tabs: no CR/LF, so a value cannot smuggle another header. */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\uffff]*$/;

/**
 * Names a tenant may not set: the signature headers (a custom header must never stand in for a
 * signature) and the framing headers the runtime owns.
 */
const RESERVED_NAMES = new Set(["content-type", "content-length", "host", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer"]);
const RESERVED_PREFIX = "webhook-";

/** Why `name` cannot be a custom header name, or null when it can. */
export function headerNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > MAX_HEADER_NAME_LENGTH) return `must be 1–${MAX_HEADER_NAME_LENGTH} characters`;
  if (!FIELD_NAME.test(name)) return "is not a valid HTTP header name";
  const lower = name.toLowerCase();
  if (lower.startsWith(RESERVED_PREFIX) || RESERVED_NAMES.has(lower)) return `'${name}' is set by Scoutflare and cannot be overridden`;
  return null;
}

export function headerValueProblem(value: string): string | null {
  if (value.length > MAX_HEADER_VALUE_LENGTH) return `must be at most ${MAX_HEADER_VALUE_LENGTH} characters`;
  if (!FIELD_VALUE.test(value)) return "must not contain control characters or line breaks";
  return null;
}

/** Index of the second occurrence of a name (case-insensitive), or -1. */
export function duplicateHeaderIndex(names: readonly string[]): number {
  const seen = new Set<string>();
  return names.findIndex((name) => {
    const lower = name.toLowerCase();
    if (seen.has(lower)) return true;
    seen.add(lower);
    return false;
  });
}

/** What responses show of the stored headers. */
export function maskHeaders(headers: readonly WebhookHeader[]): { name: string; isMasked: boolean }[] {
  return headers.map(({ name }) => ({ name, isMasked: true }));
}

export type HeaderInput = { name: string; value?: string };

/**
 * The stored list after an update that names the complete new list. Values are never shown, so an
 * entry without `value` keeps the stored value of that name. Gives the index of an entry that has
 * no value and no stored one to keep.
 */
export function applyHeaderUpdate(
  stored: readonly WebhookHeader[],
  incoming: readonly HeaderInput[],
): { ok: true; headers: WebhookHeader[] } | { ok: false; index: number } {
  const headers: WebhookHeader[] = [];
  for (const [index, entry] of incoming.entries()) {
    const value = entry.value ?? stored.find((h) => h.name.toLowerCase() === entry.name.toLowerCase())?.value;
    if (value === undefined) return { ok: false, index };
    headers.push({ name: entry.name, value, isMasked: true });
  }
  return { ok: true, headers };
}

/** Custom headers first, then Scoutflare's own on top, so no custom header can replace a signature. */
export function outgoingHeaders(custom: readonly WebhookHeader[], own: Record<string, string>): Headers {
  const headers = new Headers({ "user-agent": "Scoutflare-Webhooks/1.0" });
  for (const { name, value } of custom) {
    if (headerNameProblem(name) === null) headers.set(name, value);
  }
  for (const [name, value] of Object.entries(own)) headers.set(name, value);
  return headers;
}
