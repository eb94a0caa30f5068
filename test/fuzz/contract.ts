// The oracle of the fuzz tests, written from shared/API.md rather than imported from src/errors.ts,
// so a code or status the contract does not name is caught instead of trusted.

/** Every error code of the contract, with its one status. */
export const CONTRACT_ERROR_STATUS: Readonly<Record<string, number>> = {
  VALIDATION_ERROR: 400,
  INVALID_API_KEY: 401,
  API_KEY_SUSPENDED: 401,
  INSUFFICIENT_CREDITS: 402,
  INSUFFICIENT_PERMISSIONS: 403,
  WEBHOOK_OWNERSHIP_MISMATCH: 403,
  IP_NOT_ALLOWED: 403,
  REQUEST_NOT_FOUND: 404,
  WEBHOOK_NOT_FOUND: 404,
  RESOURCE_NOT_FOUND: 404,
  RUN_IN_PROGRESS: 409,
  IDEMPOTENCY_IN_FLIGHT: 409,
  PAYLOAD_TOO_LARGE: 413,
  WEBHOOK_NOT_SUBSCRIBED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
};

/** ISO 8601 UTC with milliseconds, as the contract's conventions require of every timestamp. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** What a leaked stack trace looks like: V8's "    at fn (file:line:col)" frames. */
const STACK_FRAME = /\bat .*(\.ts|\.js|\.mjs):\d+:\d+/;

export type SeenResponse = { status: number; headers: Headers; text: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const sameKeys = (o: Record<string, unknown>, keys: string[]) => JSON.stringify(Object.keys(o).sort()) === JSON.stringify([...keys].sort());

/** Per-code rules on `details` the contract states. */
function detailProblems(code: string, details: Record<string, unknown>, headers: Headers): string[] {
  const problems: string[] = [];
  if (code === "VALIDATION_ERROR") {
    const issues = details.issues;
    if (!Array.isArray(issues) || issues.length === 0) problems.push("VALIDATION_ERROR without details.issues[]");
    else if (!issues.every((i) => isPlainObject(i) && typeof i.path === "string" && typeof i.message === "string")) {
      problems.push("an issue is not { path: string, message: string }");
    }
  }
  if (code === "INSUFFICIENT_CREDITS" && !(typeof details.required === "number" && typeof details.available === "number")) {
    problems.push("INSUFFICIENT_CREDITS without details { required, available }");
  }
  if (code === "RATE_LIMIT_EXCEEDED") {
    if (typeof details.retryAfter !== "number") problems.push("RATE_LIMIT_EXCEEDED without details.retryAfter");
    if (!headers.get("retry-after")) problems.push("RATE_LIMIT_EXCEEDED without a Retry-After header");
  }
  if (code === "API_KEY_SUSPENDED" && !("suspendedAt" in details && "reason" in details)) {
    problems.push("API_KEY_SUSPENDED without details { suspendedAt, reason }");
  }
  return problems;
}

/** Everything wrong with an error response, measured against the contract's envelope; [] when it is right. */
export function envelopeProblems(res: SeenResponse): string[] {
  if (!(res.headers.get("content-type") ?? "").startsWith("application/json")) return [`content-type is ${res.headers.get("content-type")}`];
  if (STACK_FRAME.test(res.text)) return ["the body leaks a stack trace"];
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    return ["the body is not JSON"];
  }
  if (!isPlainObject(body) || !sameKeys(body, ["success", "error", "timestamp"])) return ["top-level keys are not exactly success, error, timestamp"];
  const problems: string[] = [];
  if (body.success !== false) problems.push("success is not false");
  if (typeof body.timestamp !== "string" || !TIMESTAMP.test(body.timestamp)) problems.push(`timestamp ${String(body.timestamp)} is not ISO 8601 UTC with ms`);
  const error = body.error;
  if (!isPlainObject(error) || !sameKeys(error, ["code", "message", "details"])) return [...problems, "error keys are not exactly code, message, details"];
  if (typeof error.code !== "string" || !(error.code in CONTRACT_ERROR_STATUS)) return [...problems, `code ${String(error.code)} is not in the contract`];
  if (CONTRACT_ERROR_STATUS[error.code] !== res.status) problems.push(`code ${error.code} belongs with ${CONTRACT_ERROR_STATUS[error.code]}, not ${res.status}`);
  if (typeof error.message !== "string" || error.message.length === 0) problems.push("message is not a non-empty string");
  if (!isPlainObject(error.details)) problems.push("details is not an object");
  else problems.push(...detailProblems(error.code, error.details, res.headers));
  return problems;
}

// ---- "nothing written" -------------------------------------------------------------------------

/**
 * Tables whose rows carry whole profiles or results: fingerprinted by count and highest rowid
 * (which catch any insert or delete) rather than by content, which would make every snapshot read
 * the whole pool. No route updates them in place except on success (import upserts, erasure).
 */
const BULKY_TABLES = new Set(["talent_profiles", "run_results"]);

/** The app's tables, read from the schema so a table a later migration adds is watched too. */
export async function watchedTables(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare(
      // FTS5 shadow tables follow talent_profiles through triggers; _cf_ and sqlite_ tables are the runtime's.
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'
         AND name NOT LIKE '%fts%' ORDER BY name`,
    )
    .all<{ name: string }>();
  return results.map((r) => r.name);
}

/** One comparable snapshot of everything a request could have written: one D1 batch, one round trip. */
export async function writeFingerprint(db: D1Database, tables: readonly string[]): Promise<Record<string, string>> {
  const statements = tables.map((t) =>
    BULKY_TABLES.has(t)
      ? db.prepare(`SELECT COUNT(*) AS n, COALESCE(MAX(rowid), 0) AS maxRowid FROM "${t}"`)
      : db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`),
  );
  const results = await db.batch(statements);
  return Object.fromEntries(tables.map((t, i) => [t, JSON.stringify(results[i].results)]));
}

/** The tables whose snapshot differs, for a failure message that says what was written. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
