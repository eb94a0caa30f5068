import { afterEach, describe, expect, it, vi } from "vitest";
import { checkWebhookTarget, checkWebhookUrl, isBlockedIp } from "../../src/webhooks/url-guard";
import { testDnsAnswer, type TestDnsRecord } from "../helpers";

afterEach(() => vi.restoreAllMocks());

const PROD = { allowLocalhost: false };
const DEV = { allowLocalhost: true };

// [url, expected reason fragment, or null when the URL is accepted]
type Case = [url: string, rejectedBecause: string | null];

const ALLOWED_IN_PRODUCTION: Case[] = [
  ["https://hooks.example.com/scoutflare", null],
  ["https://hooks.example.com:8443/a?b=c#d", null],
  ["https://HOOKS.Example.COM/", null],
  ["https://example.com./trailing-dot", null],
  ["https://xn--bcher-kva.example/idn", null],
  ["https://bücher.example/idn-unicode", null],
  ["https://8.8.8.8/public-v4", null],
  ["https://1.1.1.1:8443/", null],
  ["https://hooks.example.com:443/explicit-default-port", null],
  ["https://172.32.0.1/just-outside-172.16/12", null],
  ["https://100.128.0.1/just-outside-cgnat", null],
  ["https://198.20.0.1/just-outside-benchmarking", null],
  ["https://[2606:4700:4700::1111]/public-v6", null],
  ["https://[2002:808:808::1]/6to4-of-public-v4", null],
  ["https://[64:ff9b::808:808]/nat64-of-public-v4", null],
  ["https://internal.example.com/", null], // "internal" only blocks as a zone, not as a label
  ["https://local.example.com/", null],
];

const REJECTED_IN_PRODUCTION: Case[] = [
  // schemes, credentials, size, syntax
  ["http://hooks.example.com/", "https"],
  ["ftp://hooks.example.com/", "https"],
  ["ws://hooks.example.com/", "https"],
  ["javascript:alert(1)", "https"],
  ["data:text/plain,hi", "https"],
  ["file:///etc/passwd", "https"],
  ["https://user:pass@hooks.example.com/", "credentials"],
  ["https://user@hooks.example.com/", "credentials"],
  ["https://:pass@hooks.example.com/", "credentials"],
  [`https://hooks.example.com/${"a".repeat(2048)}`, "2048"],
  ["not a url", "not valid"],
  ["https://", "not valid"],
  ["//hooks.example.com/", "not valid"],
  ["https://[fe80::1%25eth0]/", "not valid"], // zone ids are not part of WHATWG URLs
  // ports: 443 and 8443 only
  ["https://1.1.1.1:444/", "port 444"],
  ["https://hooks.example.com:8080/", "port 8080"],
  ["https://hooks.example.com:22/", "port 22"],
  ["https://hooks.example.com:80/", "port 80"],
  // IPv4 in blocked ranges
  ["https://127.0.0.1/", "loopback"],
  ["https://127.255.255.254/", "loopback"],
  ["https://0.0.0.0/", "unspecified"],
  ["https://0.1.2.3/", "unspecified"],
  ["https://10.0.0.1/", "private"],
  ["https://172.16.0.1/", "private"],
  ["https://172.31.255.255/", "private"],
  ["https://192.168.1.1/", "private"],
  ["https://100.64.0.1/", "carrier-grade NAT"],
  ["https://100.127.255.255/", "carrier-grade NAT"],
  ["https://169.254.169.254/latest/meta-data/", "link-local"],
  ["https://169.254.0.1/", "link-local"],
  ["https://192.0.0.170/", "IETF protocol assignments"],
  ["https://198.18.0.1/", "benchmarking"],
  ["https://198.19.255.255/", "benchmarking"],
  ["https://224.0.0.1/", "multicast"],
  ["https://239.255.255.250/", "multicast"],
  ["https://240.0.0.1/", "reserved"],
  ["https://255.255.255.255/", "reserved"],
  ["https://192.0.2.1/", "documentation"],
  // IPv4 spellings the WHATWG parser normalises to a dotted quad before we look at it
  ["https://2130706433/", "127.0.0.1"],
  ["https://0x7f000001/", "127.0.0.1"],
  ["https://0x7f.0x0.0x0.0x1/", "127.0.0.1"],
  ["https://0177.0.0.1/", "127.0.0.1"],
  ["https://0177.1/", "127.0.0.1"],
  ["https://127.1/", "127.0.0.1"],
  ["https://127.0.1/", "127.0.0.1"],
  ["https://127.0.0.1./", "127.0.0.1"],
  ["https://0/", "0.0.0.0"],
  ["https://%31%32%37.0.0.1/", "127.0.0.1"],
  ["https://１２７.０.０.１/", "127.0.0.1"], // full-width digits, mapped by IDNA
  ["https://2852039166/", "169.254.169.254"],
  ["https://0xa9fea9fe/", "169.254.169.254"],
  ["https://10.1/", "10.0.0.1"],
  // IPv6
  ["https://[::1]/", "loopback"],
  ["https://[0:0:0:0:0:0:0:1]/", "loopback"],
  ["https://[::]/", "unspecified"],
  ["https://[fe80::1]/", "link-local"],
  ["https://[febf:ffff::1]/", "link-local"],
  ["https://[fc00::1]/", "unique-local"],
  ["https://[fd12:3456:789a::1]/", "unique-local"],
  ["https://[ff02::1]/", "multicast"],
  ["https://[fec0::1]/", "site-local"],
  ["https://[2001:db8::1]/", "documentation"],
  ["https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "Teredo"],
  ["https://[100::1]/", "discard-only"],
  ["https://[::ffff:127.0.0.1]/", "IPv4-mapped"],
  ["https://[::ffff:7f00:1]/", "IPv4-mapped"],
  ["https://[::ffff:a9fe:a9fe]/", "IPv4-mapped"],
  ["https://[::ffff:8.8.8.8]/", "IPv4-mapped"], // mapped addresses are never legitimate receivers
  ["https://[::127.0.0.1]/", "IPv4-compatible"],
  ["https://[64:ff9b::127.0.0.1]/", "loopback"],
  ["https://[64:ff9b::a9fe:a9fe]/", "link-local"],
  ["https://[64:ff9b:1::808:808]/", "local-use NAT64"],
  ["https://[2002:7f00:1::]/", "loopback"],
  ["https://[2002:c0a8:101::1]/", "private"],
  ["https://[2002:a9fe:a9fe::1]/", "link-local"],
  ["https://[4000::1]/", "outside global unicast"],
  // names
  ["https://localhost/", "local or internal name"],
  ["https://LOCALHOST./", "local or internal name"],
  ["https://api.localhost/", "local or internal name"],
  ["https://printer.local/", "local or internal name"],
  ["https://db.internal/", "local or internal name"],
  ["https://metadata.google.internal/computeMetadata/v1/", "local or internal name"],
  ["https://metadata/", "local or internal name"],
  ["https://instance-data/", "local or internal name"],
  ["https://router.home.arpa/", "local or internal name"],
  ["https://intranet/", "local or internal name"],
];

describe("checkWebhookUrl in production (allowLocalhost off)", () => {
  it.each(ALLOWED_IN_PRODUCTION)("accepts %s", (url) => {
    const result = checkWebhookUrl(url, PROD);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.url).toBeInstanceOf(URL);
  });

  it.each(REJECTED_IN_PRODUCTION)("rejects %s (%s)", (url, because) => {
    const result = checkWebhookUrl(url, PROD);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(because);
  });

  it.each([
    ["http://127.0.0.1:8787/hook"],
    ["http://localhost:8787/hook"],
    ["http://[::1]:8787/hook"],
    ["https://localhost/hook"],
  ])("rejects the local development host %s", (url) => {
    expect(checkWebhookUrl(url, PROD).ok).toBe(false);
  });

  it("accepts a URL of exactly 2048 characters", () => {
    const base = "https://hooks.example.com/";
    const url = base + "a".repeat(2048 - base.length);
    expect(url).toHaveLength(2048);
    expect(checkWebhookUrl(url, PROD).ok).toBe(true);
  });
});

describe("checkWebhookUrl in local development (allowLocalhost on)", () => {
  const cases: Case[] = [
    ["http://127.0.0.1:8787/hook", null],
    ["http://localhost:8787/hook", null],
    ["http://LOCALHOST./hook", null],
    ["http://[::1]:8787/hook", null],
    ["http://[0::1]/hook", null],
    ["http://127.1/hook", null], // the parser makes this 127.0.0.1: the same host
    ["https://localhost/hook", null],
    ["https://hooks.example.com/", null],
    ["http://hooks.example.com/", "https"],
    ["http://127.0.0.2/hook", "https"],
    ["https://127.0.0.2/hook", "loopback"],
    ["http://api.localhost/hook", "https"],
    ["https://api.localhost/hook", "local or internal name"],
    ["http://10.0.0.1/hook", "https"],
    ["https://169.254.169.254/", "link-local"],
    ["http://user:pass@localhost/hook", "credentials"],
    ["ftp://localhost/hook", "https"],
  ];

  it.each(cases)("%s → %s", (url, because) => {
    const result = checkWebhookUrl(url, DEV);
    if (because === null) {
      expect(result).toMatchObject({ ok: true });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain(because);
    }
  });
});

describe("checkWebhookTarget: names are resolved (A and AAAA over DNS-over-HTTPS)", () => {
  const RESOLVER = "https://doh.test/dns-query";
  const target = (url: string, allowLocalhost = false) => checkWebhookTarget(url, { allowLocalhost, resolverUrl: RESOLVER });

  /** Record the DNS queries the guard makes; the test resolver answers them, with `dns` on top. */
  function stubDns(dns: Record<string, TestDnsRecord> = {}) {
    const queries: { url: URL; accept: string | null }[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      queries.push({ url: new URL(String(input)), accept: new Headers(init?.headers).get("accept") });
      return testDnsAnswer(input, init, dns) ?? new Response("not a DNS query", { status: 500 });
    });
    return queries;
  }

  it.each([
    ["https://127.0.0.1.nip.io/hook", "resolves to 127.0.0.1"],
    ["https://10.0.0.7.nip.io/hook", "resolves to 10.0.0.7"],
    ["https://169.254.169.254.nip.io/latest/meta-data/", "resolves to 169.254.169.254"],
    ["https://localtest.me/hook", "resolves to 127.0.0.1"],
    ["https://LOCALTEST.ME./hook", "resolves to 127.0.0.1"],
    ["https://nxdomain.example.com/hook", "does not exist"],
    ["https://servfail.example.com/hook", "could not resolve servfail.example.com: the DNS resolver answered A with RCODE 2"],
  ])("refuses %s (%s)", async (url, because) => {
    stubDns();
    const result = await target(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(because);
  });

  it("asks the configured resolver for A and AAAA, in DNS JSON, and accepts a name with only public answers", async () => {
    const queries = stubDns();
    expect(await target("https://hooks.example.com/in")).toMatchObject({ ok: true });
    expect(queries.map((q) => [q.url.origin + q.url.pathname, q.url.searchParams.get("name"), q.url.searchParams.get("type"), q.accept]).sort()).toEqual([
      [RESOLVER, "hooks.example.com", "A", "application/dns-json"],
      [RESOLVER, "hooks.example.com", "AAAA", "application/dns-json"],
    ]);
  });

  it.each([
    ["a private AAAA beside a public A", { A: ["93.184.215.14"], AAAA: ["fd00::1"] }, "resolves to fd00::1"],
    ["a loopback A beside a public A", { A: ["93.184.215.14", "127.0.0.1"] }, "resolves to 127.0.0.1"],
    ["IPv4-mapped loopback as AAAA", { AAAA: ["::ffff:127.0.0.1"] }, "resolves to ::ffff:127.0.0.1"],
    ["no address at all", {}, "has no A or AAAA record"],
    ["an A record that is not an address", { A: ["internal.corp"] }, "not an address"],
  ])("refuses any blocked answer: %s", async (_name, record, because) => {
    stubDns({ "hooks.example.com": record });
    const result = await target("https://hooks.example.com/in");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(because);
  });

  it("refuses, as a value, when the resolver is unreachable or answers something else", async () => {
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => {
      throw new TypeError("network connection lost");
    });
    expect(await target("https://hooks.example.com/in")).toEqual({ ok: false, reason: "could not resolve hooks.example.com: the DNS resolver is unreachable" });
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response("<html>busy</html>", { status: 503 }));
    expect(await target("https://hooks.example.com/in")).toEqual({ ok: false, reason: "could not resolve hooks.example.com: the DNS resolver answered HTTP 503" });
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response("{\"nope\":1}"));
    expect(await target("https://hooks.example.com/in")).toEqual({ ok: false, reason: "could not resolve hooks.example.com: the DNS resolver's answer is not DNS JSON" });
  });

  it("does not look up IP literals or the development hosts, and applies the URL rules first", async () => {
    const queries = stubDns();
    expect(await target("https://8.8.8.8/hook")).toMatchObject({ ok: true });
    expect(await target("https://[2606:4700:4700::1111]/hook")).toMatchObject({ ok: true });
    expect(await target("https://10.0.0.1/hook")).toMatchObject({ ok: false });
    expect(await target("http://127.0.0.1:8787/hook", true)).toMatchObject({ ok: true });
    expect(await target("http://localhost:8787/hook", true)).toMatchObject({ ok: true });
    expect(await target("http://hooks.example.com/hook")).toMatchObject({ ok: false, reason: "URL must use https" });
    expect(await target("https://hooks.example.com:8080/hook")).toMatchObject({ ok: false, reason: expect.stringContaining("port 8080") });
    expect(queries).toEqual([]);
  });

  it("local development allows only its own hosts without a lookup: other names are resolved and refused as in production", async () => {
    stubDns();
    expect(await target("https://127.0.0.1.nip.io/hook", true)).toMatchObject({ ok: false, reason: expect.stringContaining("resolves to 127.0.0.1") });
    expect(await target("https://hooks.example.com:8443/hook", true)).toMatchObject({ ok: true });
  });
});

describe("isBlockedIp", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1", true],
    ["2130706433", true],
    ["0x7f000001", true],
    ["10.1.2.3", true],
    ["169.254.169.254", true],
    ["::1", true],
    ["[::1]", true],
    ["::ffff:127.0.0.1", true],
    ["[::ffff:7f00:1]", true],
    ["fe80::1", true],
    ["2002:a00:1::", true],
    ["64:ff9b::10.0.0.1", true],
    ["8.8.8.8", false],
    ["2606:4700:4700::1111", false],
    ["[2606:4700:4700::1111]", false],
    ["hooks.example.com", false], // a name is not an IP: the URL check handles names
    ["localhost", false],
    ["not a host", true], // junk fails closed
    ["evil.com/@127.0.0.1", true],
    ["[::1", true],
    ["1::2::3", true],
  ] as const)("%s → %s", (host, blocked) => {
    expect(isBlockedIp(host)).toBe(blocked);
  });
});

describe("what the WHATWG URL parser does before the guard looks", () => {
  // Recorded so a runtime whose URL parser differs shows up here, not as a hole in the guard.
  it.each([
    ["https://2130706433/", "127.0.0.1"],
    ["https://0x7f000001/", "127.0.0.1"],
    ["https://0177.0.0.1/", "127.0.0.1"],
    ["https://127.1/", "127.0.0.1"],
    ["https://0/", "0.0.0.0"],
    ["https://%31%32%37.0.0.1/", "127.0.0.1"],
    ["https://１２７.０.０.１/", "127.0.0.1"],
    ["https://[::ffff:127.0.0.1]/", "[::ffff:7f00:1]"],
    ["https://[0:0:0:0:0:0:0:1]/", "[::1]"],
    ["https://[64:ff9b::127.0.0.1]/", "[64:ff9b::7f00:1]"],
    ["https://LOCALHOST./", "localhost."],
  ])("%s has hostname %s", (url, hostname) => {
    expect(new URL(url).hostname).toBe(hostname);
  });

  it.each(["https://127.0.0.256/", "https://1.2.3.4.5/", "https://0x100000000/", "https://foo.123/"])(
    "refuses %s outright",
    (url) => {
      expect(() => new URL(url)).toThrow();
    },
  );
});
