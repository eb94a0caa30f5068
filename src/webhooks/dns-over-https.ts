// Resolving a webhook's host, for the URL guard. Workers have no resolver API and `fetch` resolves
// names without saying where it connects, so the guard asks a DNS-over-HTTPS resolver itself, with
// the JSON API Cloudflare and Google serve (GET ?name=&type= with accept: application/dns-json).
// A resolver that cannot answer is a failure returned as a value, like an endpoint's: the caller
// decides whether it refuses a request (create, update) or fails an attempt (send).
import { z } from "zod";

/** A failure's reason says whose it is: the name's (NXDOMAIN, no address) or the resolver's (down, SERVFAIL). */
export type HostResolution = { ok: true; addresses: string[] } | { ok: false; reason: string };

/** Per query, in ms: a lookup sits in front of a create request or a delivery attempt. */
export const DNS_TIMEOUT_MS = 5_000;

/** RR types (RFC 1035, RFC 3596) asked for: every address family `fetch` could connect to. */
const ADDRESS_TYPES = { A: 1, AAAA: 28 } as const;
type AddressType = keyof typeof ADDRESS_TYPES;

/** RCODEs (RFC 1035 §4.1.1) that are answers; any other (SERVFAIL, REFUSED, …) is no answer. */
const NOERROR = 0;
const NXDOMAIN = 3;

const DohAnswer = z.object({
  Status: z.number().int(),
  // CNAME and other records come in the same list; only the address records are read.
  Answer: z.array(z.object({ type: z.number().int(), data: z.string() })).optional(),
});

/** An address record's text as the JSON API gives it: a dotted quad, or IPv6 hex groups. */
const ADDRESS_TEXT: Record<AddressType, RegExp> = {
  A: /^\d{1,3}(\.\d{1,3}){3}$/,
  AAAA: /^[0-9a-f:.]*:[0-9a-f:.]*$/i,
};

type QueryResult = { ok: true; exists: boolean; addresses: string[] } | { ok: false; reason: string };

/**
 * Every A and AAAA address of `host`. Both queries must be answered: an address family left unasked
 * could hold the private address `fetch` ends up using.
 */
export async function resolveHost(host: string, opts: { resolverUrl: string; timeoutMs?: number }): Promise<HostResolution> {
  const [a, aaaa] = await Promise.all((["A", "AAAA"] as const).map((type) => query(host, type, opts.resolverUrl, opts.timeoutMs ?? DNS_TIMEOUT_MS)));
  if (!a.ok) return unavailable(host, a.reason);
  if (!aaaa.ok) return unavailable(host, aaaa.reason);
  const addresses = [...a.addresses, ...aaaa.addresses];
  if (addresses.length > 0) return { ok: true, addresses };
  const why = a.exists || aaaa.exists ? "has no A or AAAA record" : "does not exist (NXDOMAIN)";
  return { ok: false, reason: `host ${host} ${why}` };
}

function unavailable(host: string, reason: string): HostResolution {
  return { ok: false, reason: `could not resolve ${host}: ${reason}` };
}

async function query(host: string, type: AddressType, resolverUrl: string, timeoutMs: number): Promise<QueryResult> {
  const url = new URL(resolverUrl);
  url.searchParams.set("name", host);
  url.searchParams.set("type", type);
  let body: unknown;
  try {
    const res = await fetch(url.href, { headers: { accept: "application/dns-json" }, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `the DNS resolver answered HTTP ${res.status}` };
    }
    body = await res.json();
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    return { ok: false, reason: timedOut ? `the DNS resolver did not answer within ${timeoutMs} ms` : "the DNS resolver is unreachable" };
  }
  const parsed = DohAnswer.safeParse(body);
  if (!parsed.success) return { ok: false, reason: "the DNS resolver's answer is not DNS JSON" };
  const { Status, Answer = [] } = parsed.data;
  if (Status === NXDOMAIN) return { ok: true, exists: false, addresses: [] };
  if (Status !== NOERROR) return { ok: false, reason: `the DNS resolver answered ${type} with RCODE ${Status}` };
  const addresses = Answer.filter((record) => record.type === ADDRESS_TYPES[type]).map((record) => record.data.trim());
  // An address record that is not an address cannot be range-checked, so nothing of this answer is trusted.
  if (!addresses.every((address) => ADDRESS_TEXT[type].test(address))) return { ok: false, reason: `the DNS resolver's ${type} answer is not an address` };
  return { ok: true, exists: true, addresses };
}
