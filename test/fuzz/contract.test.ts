// The fuzz tests' oracle, checked on its own: a vacuous oracle would let every fuzz case pass.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { changedTables, envelopeProblems, watchedTables, writeFingerprint } from "./contract";

const TIMESTAMP = "2026-01-01T00:00:00.000Z";

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return {
    status,
    headers: new Headers({ "content-type": "application/json; charset=UTF-8", ...headers }),
    text: typeof body === "string" ? body : JSON.stringify(body),
  };
}

const envelope = (code: string, details: Record<string, unknown> = {}) => ({ success: false, error: { code, message: "m", details }, timestamp: TIMESTAMP });

describe("envelopeProblems", () => {
  it("accepts the contract's envelope", () => {
    expect(envelopeProblems(answer(404, envelope("REQUEST_NOT_FOUND", { requestId: "x" })))).toEqual([]);
    expect(envelopeProblems(answer(400, envelope("VALIDATION_ERROR", { issues: [{ path: "title", message: "Required" }] })))).toEqual([]);
    expect(envelopeProblems(answer(429, envelope("RATE_LIMIT_EXCEEDED", { retryAfter: 3 }), { "retry-after": "3" }))).toEqual([]);
  });

  it.each([
    ["not JSON", answer(400, "Bad Request")],
    ["not application/json", { ...answer(400, envelope("VALIDATION_ERROR", { issues: [{ path: "", message: "m" }] })), headers: new Headers({ "content-type": "text/plain" }) }],
    ["an extra top-level key", answer(404, { ...envelope("RESOURCE_NOT_FOUND"), stack: "x" })],
    ["success true", answer(404, { ...envelope("RESOURCE_NOT_FOUND"), success: true })],
    ["a code outside the contract", answer(400, envelope("BAD_THING"))],
    ["a code with another status", answer(400, envelope("RESOURCE_NOT_FOUND"))],
    ["details missing", answer(404, { success: false, error: { code: "RESOURCE_NOT_FOUND", message: "m" }, timestamp: TIMESTAMP })],
    ["an empty message", answer(404, { ...envelope("RESOURCE_NOT_FOUND"), error: { code: "RESOURCE_NOT_FOUND", message: "", details: {} } })],
    ["a timestamp without milliseconds", answer(404, { ...envelope("RESOURCE_NOT_FOUND"), timestamp: "2026-01-01T00:00:00Z" })],
    ["VALIDATION_ERROR without issues", answer(400, envelope("VALIDATION_ERROR"))],
    ["an issue without a path", answer(400, envelope("VALIDATION_ERROR", { issues: [{ message: "m" }] }))],
    ["402 without required and available", answer(402, envelope("INSUFFICIENT_CREDITS", { required: 5 }))],
    ["429 without Retry-After", answer(429, envelope("RATE_LIMIT_EXCEEDED", { retryAfter: 3 }))],
    ["a stack trace", answer(500, { ...envelope("INTERNAL_ERROR"), error: { code: "INTERNAL_ERROR", message: "TypeError: x\n    at run (src/app.ts:10:5)", details: {} } })],
  ])("refuses %s", (_name, res) => {
    expect(envelopeProblems(res)).not.toEqual([]);
  });
});

describe("writeFingerprint", () => {
  it("sees an insert, an update and a delete in any table", async () => {
    const tables = await watchedTables(env.DB);
    expect(tables).toEqual(expect.arrayContaining(["companies", "credit_ledger", "idempotency_records", "sourcing_runs", "talent_profiles", "webhook_configs"]));
    const snapshot = () => writeFingerprint(env.DB, tables);
    const empty = await snapshot();

    await env.DB.prepare(`INSERT INTO companies (id, name, billing_mode, created_at) VALUES ('c1', 'A', 'prepaid', ?1)`).bind(TIMESTAMP).run();
    const inserted = await snapshot();
    expect(changedTables(empty, inserted)).toEqual(["companies"]);

    await env.DB.prepare(`UPDATE companies SET name = 'B' WHERE id = 'c1'`).run();
    expect(changedTables(inserted, await snapshot())).toEqual(["companies"]);

    await env.DB.prepare(`DELETE FROM companies WHERE id = 'c1'`).run();
    expect(changedTables(empty, await snapshot())).toEqual([]);
    expect(changedTables(inserted, await snapshot())).toEqual(["companies"]);
  });
});
