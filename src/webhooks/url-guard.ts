// Which webhook URLs we are willing to POST to. A tenant chooses the URL, so without this guard a
// webhook is a server-side request forgery primitive aimed at loopback, private networks and cloud
// metadata. Checked on create/update and again at send time.
//
// Host canonicalisation is left to the WHATWG URL parser — the same one `fetch` uses — so that
// decimal (2130706433), hex (0x7f000001), octal (0177.0.0.1), short (127.1), percent-encoded and
// full-width forms all reach the range checks as the dotted quad they really connect to, and IPv6
// reaches them in its compressed hex form (::ffff:127.0.0.1 arrives as ::ffff:7f00:1).
//
// A name is resolved (A and AAAA, over DNS-over-HTTPS) and refused if any answer is in a blocked
// range, so `127.0.0.1.nip.io` and `localtest.me` fail like the literals they stand for. Not covered:
// a name whose answer changes between our lookup and the one `fetch` makes (DNS rebinding), since
// Workers cannot pin the address `fetch` connects to; resolving again before every send narrows that
// window, and the delivery code refuses to follow redirects.
import { resolveHost } from "./dns-over-https";

export type WebhookUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** Contract limit on a webhook URL, in characters. */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** Hosts that local development may reach, over `http:` too, when explicitly allowed. */
const DEV_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Ports a production receiver may listen on: HTTPS and its usual alternative. Anything else on a
 * public address is more often an internal service (an admin port, a database) than a webhook.
 */
const ALLOWED_PORTS = new Set(["", "443", "8443"]); // "": the URL parser elides the scheme's default, 443

/** Names that only ever resolve inside a machine or a private network. */
const BLOCKED_NAMES = new Set(["metadata", "instance-data", "metadata.google.internal"]);

/** Zones reserved for local or private use: the zone itself and every name under it. */
const BLOCKED_ZONES = ["localhost", "local", "internal", "home.arpa"];

export function checkWebhookUrl(raw: string, opts: { allowLocalhost: boolean }): WebhookUrlCheck {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) {
    return fail(`URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail("URL is not valid");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return fail("URL must use https");
  if (url.username !== "" || url.password !== "") return fail("URL must not contain credentials");

  // A trailing dot names the same host ("localhost." is localhost), so compare without it.
  const host = url.hostname.replace(/\.+$/, "");
  if (opts.allowLocalhost && DEV_HOSTS.has(host)) return { ok: true, url };
  if (url.protocol !== "https:") return fail("URL must use https");
  if (!ALLOWED_PORTS.has(url.port)) return fail(`port ${url.port} is not allowed: use 443 or 8443`);

  const ip = parseIpLiteral(host);
  if (ip !== null) {
    const range = blockedRangeOf(ip);
    return range === null ? { ok: true, url } : fail(`host ${host} is in a blocked range: ${range}`);
  }
  if (isLocalName(host)) return fail(`host ${host} is a local or internal name`);
  return { ok: true, url };
}

/**
 * checkWebhookUrl, then, for a name, every address it resolves to: one blocked answer refuses the
 * URL, because `fetch` may connect to any of them. A name that cannot be resolved is refused too
 * (fail closed); the reason says whether the name or the resolver is at fault. IP literals and the
 * development hosts are not looked up: checkWebhookUrl has decided them.
 */
export async function checkWebhookTarget(raw: string, opts: { allowLocalhost: boolean; resolverUrl: string }): Promise<WebhookUrlCheck> {
  const check = checkWebhookUrl(raw, opts);
  if (!check.ok) return check;
  const host = check.url.hostname.replace(/\.+$/, "");
  if (parseIpLiteral(host) !== null || (opts.allowLocalhost && DEV_HOSTS.has(host))) return check;
  const resolution = await resolveHost(host, { resolverUrl: opts.resolverUrl });
  if (!resolution.ok) return fail(resolution.reason);
  const blocked = resolution.addresses.find((address) => isBlockedIp(address));
  return blocked === undefined ? check : fail(`host ${host} resolves to ${blocked}, an address in a blocked range`);
}

/**
 * True when `host` (a URL hostname or a bare IP, IPv6 with or without brackets) is an IP literal in
 * a blocked range. A name is not an IP, so it gives false; a string that is not a host at all gives
 * true, so a send-time re-check fails closed.
 */
export function isBlockedIp(host: string): boolean {
  if (/[\s/\\?#@]/.test(host)) return true;
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  let canonical: string;
  try {
    canonical = new URL(`http://${bare.includes(":") ? `[${bare}]` : bare}/`).hostname;
  } catch {
    return true;
  }
  const ip = parseIpLiteral(canonical.replace(/\.+$/, ""));
  return ip !== null && blockedRangeOf(ip) !== null;
}

function fail(reason: string): WebhookUrlCheck {
  return { ok: false, reason };
}

function isLocalName(host: string): boolean {
  if (!host.includes(".")) return true; // single-label names resolve through local search domains
  if (BLOCKED_NAMES.has(host)) return true;
  return BLOCKED_ZONES.some((zone) => host === zone || host.endsWith(`.${zone}`));
}

// ---- IP literals -------------------------------------------------------------------------------

type IpLiteral = { family: 4; value: number } | { family: 6; value: bigint };

/**
 * Reads a host already serialised by the WHATWG URL parser: IPv4 as a dotted quad, IPv6 in
 * brackets as hex groups. Anything else (a name) gives null.
 */
function parseIpLiteral(host: string): IpLiteral | null {
  if (host.startsWith("[") && host.endsWith("]")) {
    const value = parseIpv6(host.slice(1, -1));
    return value === null ? null : { family: 6, value };
  }
  const value = parseIpv4(host);
  return value === null ? null : { family: 4, value };
}

function parseIpv4(text: string): number | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (match === null) return null;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return null;
  return octets.reduce((acc, octet) => acc * 256 + octet, 0);
}

/** Hex groups with at most one "::" — the only IPv6 form the URL serialiser emits. */
function parseIpv6(text: string): bigint | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (part: string) => (part === "" ? [] : part.split(":"));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<string>(missing).fill("0"), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(`0x${group}`), 0n);
}

// ---- Blocked ranges ----------------------------------------------------------------------------

type Cidr = { base: bigint; prefix: number; label: string };

/** Address bits per family: ranges are compared as bigints so one function serves both. */
const BITS = { 4: 32, 6: 128 } as const;

function cidr(family: 4 | 6, notation: string, label: string): Cidr {
  const [address, prefix] = notation.split("/");
  const value = family === 4 ? parseIpv4(address) : parseIpv6(address);
  if (value === null) throw new Error(`bad range ${notation}`);
  return { base: BigInt(value), prefix: Number(prefix), label: `${label} (${notation})` };
}

function contains(range: Cidr, family: 4 | 6, value: bigint): boolean {
  const shift = BigInt(BITS[family] - range.prefix);
  return value >> shift === range.base >> shift;
}

// Special-purpose registries (RFC 6890 and successors): nothing here is a public webhook receiver.
const BLOCKED_V4: readonly Cidr[] = [
  cidr(4, "0.0.0.0/8", "unspecified"),
  cidr(4, "10.0.0.0/8", "private"),
  cidr(4, "100.64.0.0/10", "carrier-grade NAT"),
  cidr(4, "127.0.0.0/8", "loopback"),
  cidr(4, "169.254.0.0/16", "link-local, incl. cloud metadata"),
  cidr(4, "172.16.0.0/12", "private"),
  cidr(4, "192.0.0.0/24", "IETF protocol assignments"),
  cidr(4, "192.0.2.0/24", "documentation"),
  cidr(4, "192.88.99.0/24", "6to4 relay anycast"),
  cidr(4, "192.168.0.0/16", "private"),
  cidr(4, "198.18.0.0/15", "benchmarking"),
  cidr(4, "198.51.100.0/24", "documentation"),
  cidr(4, "203.0.113.0/24", "documentation"),
  cidr(4, "224.0.0.0/4", "multicast"),
  cidr(4, "240.0.0.0/4", "reserved, incl. broadcast"),
];

// Order matters only for the label reported: the first match names the reason.
const BLOCKED_V6: readonly Cidr[] = [
  cidr(6, "::/128", "unspecified"),
  cidr(6, "::1/128", "loopback"),
  // Mapped addresses never travel on the wire and compatible ones are deprecated (RFC 4291), so no
  // legitimate receiver uses them: blocked whatever IPv4 address they carry.
  cidr(6, "::ffff:0:0/96", "IPv4-mapped"),
  cidr(6, "::/96", "IPv4-compatible"),
  cidr(6, "64:ff9b:1::/48", "local-use NAT64"),
  cidr(6, "100::/64", "discard-only"),
  cidr(6, "2001::/32", "Teredo"),
  cidr(6, "2001:db8::/32", "documentation"),
  cidr(6, "fc00::/7", "unique-local"),
  cidr(6, "fe80::/10", "link-local"),
  cidr(6, "fec0::/10", "site-local"),
  cidr(6, "ff00::/8", "multicast"),
];

/** Well-known NAT64 prefix (RFC 6052): the low 32 bits are the IPv4 destination. */
const NAT64 = cidr(6, "64:ff9b::/96", "NAT64");
/** 6to4 (RFC 3056): bits 16–47 are the IPv4 address of the tunnel end point. */
const SIX_TO_FOUR = cidr(6, "2002::/16", "6to4");
/** Global unicast: every other IPv6 address is special-purpose, whether listed above or not. */
const GLOBAL_UNICAST = cidr(6, "2000::/3", "global unicast");

/** The blocked range `ip` falls in, as a human-readable label, or null when it may be reached. */
function blockedRangeOf(ip: IpLiteral): string | null {
  if (ip.family === 4) {
    const value = BigInt(ip.value);
    return BLOCKED_V4.find((range) => contains(range, 4, value))?.label ?? null;
  }
  const listed = BLOCKED_V6.find((range) => contains(range, 6, ip.value));
  if (listed) return listed.label;
  const embedded = contains(NAT64, 6, ip.value)
    ? ip.value & 0xffffffffn
    : contains(SIX_TO_FOUR, 6, ip.value)
      ? (ip.value >> 80n) & 0xffffffffn
      : null;
  if (embedded !== null) {
    const inner = blockedRangeOf({ family: 4, value: Number(embedded) });
    return inner === null ? null : `IPv4 embedded in IPv6 is ${inner}`;
  }
  return contains(GLOBAL_UNICAST, 6, ip.value) ? null : "outside global unicast (2000::/3)";
}
