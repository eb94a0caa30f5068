// Whole HTTP requests for one route of the app: credentials of every kind, path parameters, query
// strings, headers and bodies, each mostly plausible and sometimes hostile.
import fc from "fast-check";
import { hostileJson, type JsonSchema, nastyText, resolve, type SchemaComponents, type SchemaContext, valueFor } from "./schema-values";

type Operation = {
  parameters?: { name: string; in: "path" | "query" | "header"; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, JsonSchema> } };

/** A route as the app registered it (Hono path syntax), with its OpenAPI operation when it has one. */
export type FuzzRoute = { method: string; path: string; params: string[]; operation: Operation | undefined; audience: "operator" | "tenant" };

/**
 * `fullKey` has every scope and credits to spare; `poorKey` (every scope, almost no credits) takes
 * the prepaid pre-flight's 402 path; `narrowKey` has one scope; `revokedKey` was revoked.
 */
export type Credentials = { fullKey: string; poorKey: string; narrowKey: string; revokedKey: string; adminToken: string };

/** What the fuzz tests need from the fixtures: credentials, and real ids by the path parameter that takes them. */
export type FuzzFixtures = { credentials: Credentials; idsByParam: Record<string, readonly string[]>; knownIds: readonly string[] };

/** `chunked`: the body is sent as a stream of unknown length, so a body limit cannot trust Content-Length. */
export type FuzzRequest = { method: string; url: string; headers: [string, string][]; body: string | Uint8Array | undefined; chunked: boolean };

const BODYLESS = new Set(["GET", "HEAD"]);
/** Bytes; the app's limits are 1 MiB for JSON and 10 MiB for an import: one byte past the larger covers both. */
const OVERSIZED_BYTES = 10 * 1024 * 1024 + 1;
/** Headers the fetch API or HTTP framing own: setting them would test the client, not the app. */
const FRAMING_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection", "upgrade", "te", "trailer", "expect", "keep-alive"]);

/** Every (method, path) the app routes, from its own route table, joined to its OpenAPI operation. */
export function fuzzRoutes(routes: readonly { method: string; path: string }[], doc: OpenApiDocument): FuzzRoute[] {
  const seen = new Map<string, FuzzRoute>();
  for (const { method, path } of routes) {
    if (method === "ALL") continue; // middleware, not an endpoint
    const key = `${method} ${path}`;
    if (seen.has(key)) continue; // zod-openapi registers each handler chain link as its own entry
    const openapiPath = path.replace(/:(\w+)/g, "{$1}");
    seen.set(key, {
      method, path, params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
      operation: doc.paths[openapiPath]?.[method.toLowerCase()],
      // Which credentials a route wants decides only what is sent most often; every kind is tried everywhere.
      audience: path.startsWith("/admin") ? "operator" : "tenant",
    });
  }
  return [...seen.values()];
}

/**
 * Printable ASCII: fetch refuses CR, LF and NUL outright, and sends other non-ASCII values as UTF-8
 * with a warning per request, so the app would only ever see them as ASCII-range bytes anyway.
 */
const headerChar = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const headerText = fc.string({ unit: headerChar, maxLength: 40 });

/**
 * Client addresses come from a small pool: the operator API keeps a failure counter (a Durable
 * Object) per address, and locally each new object makes every later request a little slower.
 * Thirty-two addresses keep most operator cases under the 10-failures-a-minute throttle.
 */
const clientAddress = fc.integer({ min: 1, max: 32 }).map((i) => `198.51.100.${i}`);
// Never "unknown": that is the counter of requests without the header, the fixtures' own.
const oddClientAddress = fc.constantFrom("", "not-an-ip", "999.1.1.1", "::ffff:127.0.0.1", "2001:db8::1", "198.51.100.1, 10.0.0.1", " 198.51.100.2 ");

const wellFormedUnknownKey = fc.tuple(fc.constantFrom("live", "test"), fc.stringMatching(/^[0-9A-Za-z]{38}$/)).map(([env, s]) => `sk_${env}_${s}`);

function authorization(route: FuzzRoute, c: Credentials): fc.Arbitrary<string | undefined> {
  const own = route.audience === "operator" ? c.adminToken : c.fullKey;
  const other = route.audience === "operator" ? c.fullKey : c.adminToken;
  return fc.oneof(
    { arbitrary: fc.constant(`Bearer ${own}`), weight: 12 },
    {
      arbitrary: fc.oneof(
        fc.constantFrom(
          `Bearer ${c.narrowKey}`, `Bearer ${c.revokedKey}`, `Bearer ${c.poorKey}`, `Bearer ${other}`, undefined, "", "Bearer", "Bearer ", `bearer ${own}`,
          `Bearer  ${own}  `, `Bearer\t${own}`, `Bearer ${own} extra`, own, `Basic ${btoa(`user:${own}`)}`, `Bearer ${own.slice(0, -1)}`,
          `Bearer ${own}x`, `Token ${own}`,
        ),
        wellFormedUnknownKey.map((k) => `Bearer ${k}`),
        headerText.map((t) => `Bearer ${t}`),
        headerText,
      ),
      weight: 3,
    },
  );
}

const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/json;charset=UTF-8"];
const HOSTILE_TYPES = [
  "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "multipart/form-data",
  "application/x-ndjson", "application/xml", "application/json; charset=latin1", "application/json; boundary=", "application/*", "*/*",
  ";", "application/vnd.api+json", "application/merge-patch+json",
];

function contentType(declared: string[]): fc.Arbitrary<string | undefined> {
  const own = declared.flatMap((t) => (t === "application/json" ? JSON_TYPES : [t, `${t}; charset=utf-8`]));
  return fc.oneof(
    { arbitrary: fc.constantFrom(...(own.length ? own : JSON_TYPES)), weight: 10 },
    { arbitrary: fc.oneof(fc.constantFrom(...HOSTILE_TYPES), headerText), weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

const idempotencyKey = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 8 },
  // One key reused across requests: replays, and the same key with another body or path.
  { arbitrary: fc.constant("fuzz-replayed-key"), weight: 1 },
  { arbitrary: fc.oneof(headerText, fc.constantFrom("", " ", "k".repeat(255), "k".repeat(256), "k".repeat(4096))), weight: 1 },
);

const extraHeaders = fc.array(
  fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/).filter((n) => !FRAMING_HEADERS.has(n)), headerText),
  { maxLength: 3 },
);

/** JSON texts a parser must refuse, and texts that are JSON only by a technicality. */
const malformedJson = fc.oneof(
  fc.constantFrom(
    "", "{", "[", "{\"title\":", "{not json}", "nul", "undefined", "NaN", "{\"a\":1,}", "{'a':1}", "\ufeff{}", "\u0000", "1e999999",
    "{\"title\":\"\\ud800\"}", "{\"__proto__\":{\"x\":1}}", "[".repeat(100_000), `{"a":${"[".repeat(5_000)}${"]".repeat(5_000)}}`, "\"just a string\"",
    "{\"title\":\"x\"}{\"title\":\"y\"}", "title=x&jobDescription=y", "--xyz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--xyz--\r\n",
  ),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)), // truncated
);

const ndjsonOf = (item: fc.Arbitrary<unknown>) =>
  fc.array(fc.oneof({ arbitrary: item.map((v) => JSON.stringify(v) ?? "null"), weight: 4 }, { arbitrary: malformedJson, weight: 1 }), { maxLength: 6 })
    .map((lines) => lines.join("\n"));

let oversized: string | undefined;
/** Built once: ten megabytes per generated value would be most of the run's time. */
const oversizedBody = () => (oversized ??= JSON.stringify({ padding: "x".repeat(OVERSIZED_BYTES) }));

type Body = string | Uint8Array | undefined;

/** Lenient bodies: anything, mostly shaped like the route's schema; the content type is drawn apart from it. */
function lenientBody(route: FuzzRoute, ctx: SchemaContext): fc.Arbitrary<Body> {
  const content = route.operation?.requestBody?.content ?? {};
  const jsonSchema = content["application/json"]?.schema;
  const value = jsonSchema ? valueFor(jsonSchema, ctx) : hostileJson;
  const options: fc.WeightedArbitrary<Body>[] = [
    { arbitrary: value.map((v) => JSON.stringify(v) ?? ""), weight: 12 },
    { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 1 },
    { arbitrary: malformedJson, weight: 2 },
    { arbitrary: fc.uint8Array({ maxLength: 64 }), weight: 1 }, // not UTF-8 at all
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.constant(null).map(oversizedBody), weight: 1 },
  ];
  const items = jsonSchema ? resolve(jsonSchema, ctx.components).items : undefined;
  if (content["application/x-ndjson"]) options.push({ arbitrary: ndjsonOf(items ? valueFor(items, ctx) : hostileJson), weight: 6 });
  return fc.oneof(...options);
}

/** Strict bodies: one the route's schema accepts, in one of the content types it declares. */
function strictBody(route: FuzzRoute, ctx: SchemaContext): fc.Arbitrary<{ body: Body; contentType: string | undefined }> {
  const content = route.operation?.requestBody?.content ?? {};
  const jsonSchema = content["application/json"]?.schema;
  if (!jsonSchema) return fc.constant({ body: undefined, contentType: undefined });
  const json = valueFor(jsonSchema, ctx).map((v) => ({ body: JSON.stringify(v), contentType: "application/json" }));
  const items = resolve(jsonSchema, ctx.components).items;
  if (!content["application/x-ndjson"] || !items) return json;
  const ndjson = fc.array(valueFor(items, ctx), { minLength: 1, maxLength: 6 })
    .map((lines) => ({ body: lines.map((l) => JSON.stringify(l)).join("\n"), contentType: "application/x-ndjson" }));
  return fc.oneof(json, ndjson);
}

/** One path segment: a real id, or anything at all, percent-encoded or deliberately not. */
function segment(ids: readonly string[]): fc.Arbitrary<string> {
  const encoded = fc.oneof(fc.string({ maxLength: 30 }), nastyText, fc.uuid(), fc.constantFrom("z".repeat(101), "req_", "enr_", "req_prev_"))
    .map((s) => safeEncode(s));
  const raw = fc.constantFrom("%", "%E0%A4%A", "%00", "%2F", "a%2Fb", "..", ".", "%2e%2e", "%ZZ", "%C0%AF", "%F0%9F%98", ";", "@", "~");
  return fc.oneof(
    ...(ids.length ? [{ arbitrary: fc.constantFrom(...ids), weight: 4 }] : []),
    { arbitrary: encoded, weight: 3 },
    { arbitrary: raw, weight: 1 },
  );
}

function safeEncode(s: string): string {
  try {
    return encodeURIComponent(s) || "x";
  } catch {
    return "%ED%A0%80"; // a lone surrogate, which encodeURIComponent refuses, as UTF-8 would spell it
  }
}

const queryValue = (schema: JsonSchema | undefined, ctx: SchemaContext) =>
  (schema ? valueFor(schema, ctx) : hostileJson).map((v) => (typeof v === "string" ? v : JSON.stringify(v) ?? ""));

function queryOf(route: FuzzRoute, ctx: SchemaContext): fc.Arbitrary<string> {
  const declared = (route.operation?.parameters ?? []).filter((p) => p.in === "query");
  const pairs = fc.tuple(
    ...declared.map((p) => fc.option(queryValue(p.schema, ctx).map((v) => [p.name, v] as [string, string]), { nil: undefined })),
  ).map((xs) => xs.filter((x): x is [string, string] => x !== undefined));
  if (ctx.strict) return pairs.map((own) => (own.length ? `?${new URLSearchParams(own).toString()}` : ""));
  const extras = fc.array(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })), { maxLength: 2 });
  const built = fc.tuple(pairs, extras, fc.boolean()).map(([own, extra, repeat]) => {
    const all = [...own, ...extra, ...(repeat && own[0] ? [own[0]] : [])]; // a repeated parameter arrives as an array
    return all.length ? `?${new URLSearchParams(all).toString()}` : "";
  });
  const raw = fc.constantFrom("?%", "?a=%E0%A4%A", "?&&&=", "?=x", "?limit=1&limit=2", "?start=2026-13-45&end=x", "?cursor=%FF", "?companyId=");
  return fc.oneof({ arbitrary: built, weight: 6 }, { arbitrary: raw, weight: 1 });
}

/** A whole request for `route`, against `base`: one strict request (everything valid) to two lenient ones. */
export function requestFor(route: FuzzRoute, base: string, fixtures: FuzzFixtures, components: SchemaComponents): fc.Arbitrary<FuzzRequest> {
  const strict = { components, knownIds: fixtures.knownIds, strict: true };
  const lenient = { ...strict, strict: false };
  return fc.oneof({ arbitrary: strictRequest(route, base, fixtures, strict), weight: 1 }, { arbitrary: lenientRequest(route, base, fixtures, lenient), weight: 2 });
}

function pathOf(route: FuzzRoute, segmentFor: (param: string) => fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(...route.params.map(segmentFor)).map((values) => {
    let i = 0;
    return route.path.replace(/:(\w+)/g, () => values[i++]);
  });
}

type Parts = {
  path: string; query: string; authorization?: string; contentType?: string; idempotencyKey?: string; clientIp: string;
  companyHeader?: string; accept?: string; extra: [string, string][]; body: Body; chunked?: boolean;
};

function toRequest(route: FuzzRoute, base: string, r: Parts): FuzzRequest {
  const headers: [string, string][] = [];
  const add = (name: string, value: string | undefined) => value !== undefined && headers.push([name, value]);
  add("authorization", r.authorization);
  if (r.body !== undefined) add("content-type", r.contentType);
  add("idempotency-key", r.idempotencyKey);
  add("cf-connecting-ip", r.clientIp);
  add("x-company-id", r.companyHeader);
  add("accept", r.accept);
  for (const [name, value] of r.extra) add(name, value);
  return { method: route.method, url: `${base}${r.path}${r.query}`, headers, body: r.body, chunked: r.chunked ?? false };
}

function strictRequest(route: FuzzRoute, base: string, fixtures: FuzzFixtures, ctx: SchemaContext): fc.Arbitrary<FuzzRequest> {
  const c = fixtures.credentials;
  const own = route.audience === "operator" ? fc.constant(c.adminToken) : fc.oneof({ arbitrary: fc.constant(c.fullKey), weight: 3 }, { arbitrary: fc.constant(c.poorKey), weight: 1 });
  return fc
    .record({
      key: own,
      path: pathOf(route, (p) => (fixtures.idsByParam[p]?.length ? fc.constantFrom(...fixtures.idsByParam[p]) : fc.uuid())),
      query: queryOf(route, ctx),
      idempotencyKey: fc.option(fc.uuid(), { nil: undefined }),
      clientIp: clientAddress,
      payload: BODYLESS.has(route.method) ? fc.constant({ body: undefined, contentType: undefined }) : strictBody(route, ctx),
    })
    .map((r) => toRequest(route, base, { ...r, ...r.payload, authorization: `Bearer ${r.key}`, extra: [] }));
}

function lenientRequest(route: FuzzRoute, base: string, fixtures: FuzzFixtures, ctx: SchemaContext): fc.Arbitrary<FuzzRequest> {
  const declaredTypes = Object.keys(route.operation?.requestBody?.content ?? {});
  return fc
    .record({
      path: pathOf(route, (p) => segment(fixtures.idsByParam[p] ?? [])),
      query: queryOf(route, ctx),
      authorization: authorization(route, fixtures.credentials),
      contentType: contentType(declaredTypes),
      idempotencyKey,
      clientIp: fc.oneof({ arbitrary: clientAddress, weight: 4 }, { arbitrary: oddClientAddress, weight: 1 }),
      companyHeader: fc.option(fc.oneof(fc.constantFrom(...fixtures.knownIds), headerText), { nil: undefined }),
      accept: fc.option(fc.constantFrom("application/json", "text/event-stream", "*/*", "text/html", ""), { nil: undefined }),
      extra: extraHeaders,
      body: BODYLESS.has(route.method) ? fc.constant(undefined) : lenientBody(route, ctx),
      chunked: fc.boolean(),
    })
    .map((r) => toRequest(route, base, r));
}

/** Requests to paths and methods the app does not route: the not-found answer must keep the contract too. */
export function strayRequest(base: string): fc.Arbitrary<FuzzRequest> {
  const method = fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND");
  const prefix = fc.constantFrom("", "/sourcing", "/webhooks", "/billing", "/candidates", "/admin", "/sourcing/preview", "/webhooks/deliveries");
  const path = fc.tuple(prefix, fc.array(segment([]), { maxLength: 4 })).map(([p, segs]) => `${p}/${segs.join("/")}`);
  return fc.record({ method, path, body: malformedJson, clientIp: clientAddress }).map((r) => ({
    method: r.method, url: `${base}${r.path}`, headers: [["content-type", "application/json"], ["cf-connecting-ip", r.clientIp]],
    body: BODYLESS.has(r.method) ? undefined : r.body, chunked: false,
  }));
}

/** A short, printable account of a request for failure messages (bodies can be megabytes). */
export function describeRequest(req: FuzzRequest): string {
  const body = req.body === undefined ? "" : typeof req.body === "string" ? req.body : `<${req.body.length} bytes: ${[...req.body.slice(0, 32)].join(",")}>`;
  const shown = body.length > 600 ? `${body.slice(0, 600)}… (${body.length} chars)` : body;
  return `${req.method} ${req.url}${req.chunked ? " (body chunked)" : ""}\n${req.headers.map(([n, v]) => `${n}: ${v.length > 120 ? `${v.slice(0, 120)}…` : v}`).join("\n")}\n\n${shown}`;
}
