// Idempotency-Key on creating POSTs, after Stripe: the first response to a key (and body) is stored
// and replayed for 24 h; the same key with another body is refused; a key still being worked on is
// refused with 409 rather than run twice. Scoped per company.
//
// Two requests can still both get to run a create under one key: a claim left in flight past
// IN_FLIGHT_STALE_MS is taken over, whether its request died or is merely slow, and a create that
// committed may fail to store its response. So the claim also reserves the id the create writes with
// (`reserved_id`), and a takeover for the same body inherits it: both write under one id, the
// resource's primary key lets one of them create it, and the other answers with what was created.
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { readConfig } from "../config";
import { sha256Hex } from "../crypto/encoding";
import { openSecret, sealSecret } from "../crypto/secret-box";
import { ApiError } from "../errors";
import { waitUntil } from "../execution";

const KEY_MAX = 255;
const TTL_MS = 24 * 60 * 60 * 1000;
// An in-flight record older than this is from a request that died (or is slow); it may be taken over.
const IN_FLIGHT_STALE_MS = 60 * 1000;
// Waits (ms) before each retry of storing a response whose first write failed. Off the request path
// (waitUntil), so they add nothing to the answer; short, as waitUntil has about 30 s after it.
const COMPLETION_RETRY_DELAYS_MS = [100, 500, 2_000];
const REPLAYED_HEADERS = ["location", "content-type"];

const bodyContext = (companyId: string, key: string) => `idempotency:${companyId}:${key}:response_body`;

type IdempotencyRow = {
  request_hash: string;
  state: "in_flight" | "completed";
  response_status: number | null;
  response_headers: string | null;
  response_body: string | null;
  created_at: string;
};

/**
 * Run `create` at most once per (company, Idempotency-Key). Without the header it simply runs.
 * Only successful (2xx) responses are stored: a refused request (402, 404…) created nothing, so the
 * key is released and the client may retry it once the cause is fixed.
 *
 * `create` gets the id to create its resource under (from `mintId`, or inherited from the stale
 * claim it took over) and must treat "a resource with this id exists" as "created by an earlier
 * request with this key": answer with it rather than fail or create another.
 */
export async function withIdempotency<R extends Response>(
  c: Context<AppEnv>,
  body: unknown,
  create: (reservedId: string) => Promise<R>,
  mintId: () => string = () => crypto.randomUUID(),
): Promise<R> {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return create(mintId());
  if (key.length === 0 || key.length > KEY_MAX) {
    throw new ApiError("VALIDATION_ERROR", "Idempotency-Key must be 1–255 characters", {
      issues: [{ path: "Idempotency-Key", message: "must be 1–255 characters" }],
    });
  }
  const db = c.env.DB;
  const secretsKey = readConfig(c.env).secretsEncryptionKey;
  const companyId = c.get("tenant").companyId;
  const requestHash = await sha256Hex(`${c.req.method} ${new URL(c.req.url).pathname}\n${JSON.stringify(body)}`);
  const now = Date.now();
  const nowIso = new Date(now).toISOString();

  // Claim the key: insert, or take over an expired record / a stale in-flight one of the same request.
  // One statement, so two concurrent requests with the same key cannot both claim it. A takeover keeps
  // the reserved id (the stale claim's create may have committed under it); an expired record's id is
  // not kept, as its key starts over. A stale claim of another body is not taken over: its create may
  // have committed, so the key is that body's (422) until it expires, as a completed one would be.
  const claim = await db
    .prepare(
      `INSERT INTO idempotency_records (company_id, idempotency_key, request_hash, state, created_at, expires_at, reserved_id)
       VALUES (?1, ?2, ?3, 'in_flight', ?4, ?5, ?7)
       ON CONFLICT (company_id, idempotency_key) DO UPDATE SET
         request_hash = excluded.request_hash, state = 'in_flight', response_status = NULL,
         response_headers = NULL, response_body = NULL, created_at = excluded.created_at, expires_at = excluded.expires_at,
         reserved_id = CASE WHEN idempotency_records.expires_at <= ?4 THEN excluded.reserved_id
                            ELSE COALESCE(idempotency_records.reserved_id, excluded.reserved_id) END
       WHERE idempotency_records.expires_at <= ?4
          OR (idempotency_records.state = 'in_flight' AND idempotency_records.created_at <= ?6
              AND idempotency_records.request_hash = excluded.request_hash)
       RETURNING reserved_id`,
    )
    .bind(companyId, key, requestHash, nowIso, new Date(now + TTL_MS).toISOString(), new Date(now - IN_FLIGHT_STALE_MS).toISOString(), mintId())
    .first<{ reserved_id: string }>();

  if (claim === null) {
    const row = await db
      .prepare(`SELECT * FROM idempotency_records WHERE company_id = ?1 AND idempotency_key = ?2`)
      .bind(companyId, key)
      .first<IdempotencyRow>();
    if (!row) throw new ApiError("IDEMPOTENCY_IN_FLIGHT", "A request with this Idempotency-Key is being processed");
    if (row.request_hash !== requestHash) {
      throw new ApiError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a different request body");
    }
    if (row.state === "in_flight") {
      throw new ApiError("IDEMPOTENCY_IN_FLIGHT", "A request with this Idempotency-Key is still being processed");
    }
    const headers = new Headers(JSON.parse(row.response_headers ?? "{}") as Record<string, string>);
    headers.set("Idempotent-Replayed", "true");
    // The stored response is the one `create` returned, byte for byte, so it stands in for its type.
    const replayed = row.response_body === null ? null : await openSecret(secretsKey, row.response_body, bodyContext(companyId, key));
    return new Response(replayed, { status: row.response_status ?? 200, headers }) as R;
  }

  // Our claim is the in-flight row with our created_at. If this request outlived IN_FLIGHT_STALE_MS,
  // another one may have taken the key over; releasing or completing must not touch its claim.
  const release = () =>
    db
      .prepare(`DELETE FROM idempotency_records WHERE company_id = ?1 AND idempotency_key = ?2 AND state = 'in_flight' AND created_at = ?3`)
      .bind(companyId, key, nowIso)
      .run();
  let res: R;
  try {
    res = await create(claim.reserved_id);
  } catch (err) {
    await release();
    throw err;
  }
  if (res.status >= 300) {
    await release();
    return res;
  }
  // A first response can hold a secret shown once (a webhook's signingSecret): it is sealed at rest
  // like every other secret when a key is configured.
  const text = await res.clone().text();
  const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((h) => (res.headers.get(h) ? [[h, res.headers.get(h)!]] : [])));
  const complete = async () => {
    const stored = secretsKey === null ? text : await sealSecret(secretsKey, text, bodyContext(companyId, key));
    await db
      .prepare(
        `UPDATE idempotency_records SET state = 'completed', response_status = ?3, response_headers = ?4, response_body = ?5
         WHERE company_id = ?1 AND idempotency_key = ?2 AND state = 'in_flight' AND created_at = ?6`,
      )
      .bind(companyId, key, res.status, JSON.stringify(headers), stored, nowIso)
      .run();
  };
  // The create has committed: its answer stands whatever happens to the record. A record left in
  // flight costs a retry a 409 until it goes stale, and then the retry's takeover inherits the
  // reserved id and answers with what was created — never a second one.
  try {
    await complete();
  } catch (err) {
    logCompletionFailure(c, key, err, 0);
    waitUntil(c, retryCompletion(complete, (e, attempt) => logCompletionFailure(c, key, e, attempt)));
  }
  return res;
}

async function retryCompletion(complete: () => Promise<void>, onFailure: (err: unknown, attempt: number) => void): Promise<void> {
  for (const [i, delayMs] of COMPLETION_RETRY_DELAYS_MS.entries()) {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    try {
      return await complete();
    } catch (err) {
      onFailure(err, i + 1);
    }
  }
}

function logCompletionFailure(c: Context<AppEnv>, key: string, err: unknown, attempt: number): void {
  console.error(JSON.stringify({
    level: "error", msg: "idempotency record not completed", requestId: c.get("requestId"), companyId: c.get("tenant").companyId,
    idempotencyKey: key, attempt, of: COMPLETION_RETRY_DELAYS_MS.length, error: String(err),
  }));
}
