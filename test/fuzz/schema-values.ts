// Values for a JSON Schema (the app's own OpenAPI 3.1 document). Strict values are ones the schema
// accepts, so requests get past validation into the handlers and the stores; lenient values mix in
// hostile ones at any depth, so each field's validation and every layer below it is tried too.
import fc from "fast-check";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  example?: unknown;
  default?: unknown;
};

export type SchemaComponents = Record<string, JsonSchema>;

/**
 * What values are drawn from: the document's components, ids of real fixtures (so lookups sometimes
 * hit), and whether only values the schema accepts may be drawn.
 */
export type SchemaContext = { components: SchemaComponents; knownIds: readonly string[]; strict: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** In lenient values, one node in this many is hostile: each field is tried, and most bodies keep only a few faults. */
const HOSTILE_WEIGHT = 1;
const VALID_WEIGHT = 8;
/** Generated strings and arrays stay short unless a bound is being probed: the body limit has its own case. */
const TYPICAL_LENGTH = 24;
const TYPICAL_ITEMS = 4;

/** Text no validator expects: controls, lone surrogates, RTL marks, NUL, emoji, markup, SQL and prototype keys. */
export const nastyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: TYPICAL_LENGTH }),
  fc.string({ unit: "grapheme", maxLength: TYPICAL_LENGTH }),
  fc.constantFrom(
    "", " ", "\u0000", "\ud800", "\udfff", "a\ud83d", "\u202e\u0645\u0631\u062d\u0628\u0627", "\ufeff{}", "👩‍👩‍👧‍👦".repeat(40),
    "<script>alert(1)</script>", "'; DROP TABLE sourcing_runs; --", "%00", "%E0%A4%A", "../../etc/passwd", "__proto__",
    "constructor", "null", "NaN", "-0", "1e309", "\r\n\r\n", "\t", "x".repeat(10_001), "é".repeat(5_000),
  ),
);

/** Any JSON value, plus the ones that sit at the edges of JSON itself (huge numbers, deep nesting, prototype keys). */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyText,
  fc.constantFrom<unknown>(
    null, true, 0, -1, 1.5, -0, 2 ** 53 + 1, Number.MAX_VALUE, -Number.MAX_VALUE, 1e-320, [], {}, [[[[[[[[[[]]]]]]]]]],
    JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{}}}'),
  ),
  fc.integer().map((depth) => nest(Math.abs(depth) % 2_000)),
);

function nest(depth: number): unknown {
  let value: unknown = "deep";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

export function resolve(schema: JsonSchema, components: SchemaComponents): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = components[name];
  if (!target) throw new Error(`unresolvable $ref ${schema.$ref}`);
  return resolve(target, components);
}

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

function stringValue(s: JsonSchema, ctx: SchemaContext): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 10_000;
  const upTo = Math.max(min, Math.min(max, TYPICAL_LENGTH));
  // Unicode too, measured as the schema measures (UTF-16 code units), so the stores see it in valid bodies.
  const typical = fc.oneof(
    fc.string({ minLength: min, maxLength: upTo }),
    fc.string({ unit: "grapheme", minLength: min, maxLength: upTo }).filter((v) => v.length >= min && v.length <= max),
  );
  const formatted: Record<string, fc.Arbitrary<string>> = {
    uuid: fc.uuid(),
    email: fc.emailAddress(),
    uri: fc.webUrl(),
    "date-time": fc.date({ noInvalidDate: true, min: new Date("1970-01-01"), max: new Date("2100-01-01") }).map((d) => d.toISOString()),
    date: fc.date({ noInvalidDate: true, min: new Date("1970-01-01"), max: new Date("2100-01-01") }).map((d) => d.toISOString().slice(0, 10)),
  };
  const options: fc.WeightedArbitrary<string>[] = [{ arbitrary: s.format && formatted[s.format] ? formatted[s.format] : typical, weight: 8 }];
  // The example is often the only kind of value a rule beyond the schema accepts (a webhook URL).
  if (typeof s.example === "string") options.push({ arbitrary: fc.constant(s.example), weight: ctx.strict ? 8 : 2 });
  // Strict ids go only where an id could be meant: a uuid field, or a plain string with no example to follow.
  const fits = (id: string) => id.length >= min && id.length <= max && (s.format === "uuid" ? UUID.test(id) : !s.format && s.example === undefined);
  const ids = ctx.knownIds.filter((id) => !ctx.strict || fits(id));
  if (ids.length) options.push({ arbitrary: fc.constantFrom(...ids), weight: ctx.strict ? 4 : 1 });
  // The bound itself, and (lenient) one past it: where off-by-one validation lives.
  if (s.maxLength !== undefined && s.maxLength >= min) {
    const bounds = ctx.strict ? [s.maxLength] : [s.maxLength, s.maxLength + 1];
    options.push({ arbitrary: fc.constantFrom(...bounds.map((n) => "y".repeat(n))), weight: 1 });
  }
  return fc.oneof(...options);
}

function numberValue(s: JsonSchema, integer: boolean, ctx: SchemaContext): fc.Arbitrary<number> {
  const min = s.minimum ?? -1_000_000;
  const max = s.maximum ?? 1_000_000;
  const inside = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  if (ctx.strict) return inside;
  return fc.oneof({ arbitrary: inside, weight: 8 }, { arbitrary: fc.constantFrom(min - 1, max + 1, min, max, min + 0.5), weight: 1 });
}

function arrayValue(s: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown[]> {
  const item = s.items ? valueFor(s.items, ctx, depth + 1) : hostileJson;
  const min = s.minItems ?? 0;
  const max = Math.max(min, Math.min(s.maxItems ?? TYPICAL_ITEMS, TYPICAL_ITEMS));
  const typical = fc.array(item, { minLength: min, maxLength: max });
  // Strict items can still break a rule the schema cannot state (a header name's syntax): the
  // shortest list the schema allows keeps such bodies valid half the time.
  if (ctx.strict) return fc.oneof(typical, fc.array(item, { minLength: min, maxLength: min }));
  // One past maxItems, made cheaply from a repeated item.
  if (s.maxItems === undefined) return typical;
  return fc.oneof({ arbitrary: typical, weight: 8 }, { arbitrary: item.map((v) => Array.from({ length: s.maxItems! + 1 }, () => v)), weight: 1 });
}

function objectValue(s: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = s.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, valueFor(p, ctx, depth + 1)]));
  const known = fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in properties) });
  if (ctx.strict) return known;
  // Sometimes a required field goes missing, and sometimes unknown fields come along.
  const extras = fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "")), hostileJson, { maxKeys: 3 });
  const dropped = fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: fc.constantFrom(undefined, ...(s.required ?? [])), weight: 1 });
  return fc.tuple(known, extras, dropped, fc.boolean()).map(([obj, extra, drop, addExtras]) => {
    const out: Record<string, unknown> = { ...obj };
    if (drop !== undefined) delete out[drop];
    if (addExtras) for (const [k, v] of Object.entries(extra)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  });
}

/** The schema's own values, before any hostile mutation. */
function validShape(schema: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const s = resolve(schema, ctx.components);
  if (s.enum) return fc.constantFrom(...s.enum);
  if ("const" in s) return fc.constant(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => valueFor(a, ctx, depth)));
  if (s.allOf) return valueFor(s.allOf[0], ctx, depth);
  const shapes = typesOf(s).map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case "string": return stringValue(s, ctx);
      case "integer": return numberValue(s, true, ctx);
      case "number": return numberValue(s, false, ctx);
      case "boolean": return fc.boolean();
      case "null": return fc.constant(null);
      case "array": return depth > 4 ? fc.constant([]) : arrayValue(s, ctx, depth);
      case "object": return depth > 4 ? fc.constant({}) : objectValue(s, ctx, depth);
      default: return hostileJson;
    }
  });
  return shapes.length ? fc.oneof(...shapes) : hostileJson;
}

/** A value for `schema`: strict, one it accepts; lenient, usually one it accepts and sometimes (at any depth) one it must refuse. */
export function valueFor(schema: JsonSchema, ctx: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  if (ctx.strict) return validShape(schema, ctx, depth);
  return fc.oneof(
    { arbitrary: validShape(schema, ctx, depth), weight: VALID_WEIGHT },
    { arbitrary: hostileJson, weight: HOSTILE_WEIGHT },
  );
}
