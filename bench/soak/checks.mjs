// The soak's invariants, as pure functions over what it collected (API answers, D1 rows read after
// the server stopped, the receiver's log). Each returns { name, pass, detail }.

const check = (name, pass, detail) => ({ name, pass: Boolean(pass), detail });
const first = (items, n = 3) => items.slice(0, n).join(", ") + (items.length > n ? ` … (+${items.length - n})` : "");

/** Every run the soak started ended (completed or failed), in D1 and through the API. */
export function runsTerminal(runIds, d1Runs) {
  const byId = new Map(d1Runs.map((r) => [r.id, r]));
  const missing = runIds.filter((id) => !byId.has(id));
  const open = runIds.filter((id) => byId.get(id)?.status === "processing");
  return check("every run terminal", missing.length === 0 && open.length === 0,
    `${runIds.length - missing.length - open.length}/${runIds.length} terminal` + (open.length ? `; processing: ${first(open)}` : "") + (missing.length ? `; missing: ${first(missing)}` : ""));
}

/**
 * Per run: one reserve, at most one capture and one release, reserved = captured + released, and
 * the capture equals the candidates delivered (a failed run captures 0). Per company: nothing left
 * reserved, and balance = top-ups − captures.
 */
export function ledgerBalanced(runIds, d1Runs, reservations, company) {
  const results = new Map(d1Runs.map((r) => [r.id, r]));
  const byReservation = new Map(reservations.map((r) => [r.reservation_id, r]));
  const bad = [];
  for (const id of runIds) {
    const r = byReservation.get(`${id}:r1`);
    const run = results.get(id);
    if (!r) { bad.push(`${id}: no reservation`); continue; }
    if (r.reserves !== 1 || r.captures > 1 || r.releases > 1) bad.push(`${id}: ${r.reserves} reserve/${r.captures} capture/${r.releases} release entries`);
    if (r.reserved !== r.captured + r.released) bad.push(`${id}: reserved ${r.reserved} ≠ captured ${r.captured} + released ${r.released}`);
    if (run && run.status !== "processing" && r.captured !== run.results) bad.push(`${id}: captured ${r.captured}, delivered ${run.results}`);
    if (run && run.status === "failed" && r.captured !== 0) bad.push(`${id}: failed but captured ${r.captured}`);
  }
  const captured = reservations.reduce((a, r) => a + r.captured, 0);
  const companyOk = company.reserved === 0 && company.balance === company.topups - captured;
  if (!companyOk) bad.push(`company: balance ${company.balance} (top-ups ${company.topups} − captures ${captured}), reserved ${company.reserved}`);
  return check("ledger balanced", bad.length === 0,
    bad.length ? first(bad) : `${runIds.length} reservations: reserved = captured + released; company reserved 0, balance ${company.balance} = ${company.topups} − ${captured}`);
}

/** The balance the API reports agrees with the ledger rows. */
export function balanceApiAgrees(apiBalance, company) {
  const ok = apiBalance.balance === company.balance && apiBalance.reserved === company.reserved;
  return check("GET /billing/balance agrees with the ledger", ok, `API balance ${apiBalance.balance} reserved ${apiBalance.reserved}; ledger ${company.balance} / ${company.reserved}`);
}

/**
 * Webhooks: each run with a webhook owes one event, under one delivery id (no run's event reached
 * the receiver under two ids). A delivered event has exactly one success in the sender's attempt log
 * and was acknowledged by the receiver; a failed or skipped one has none, and shows so in the API;
 * nothing is left pending; every signature verified. Delivery is at least once under the same id: a
 * receiver's 2xx the sender did not see in time (it recorded that attempt as failed, e.g. a timeout
 * on a starved runtime) brings the same id again, and so may a crash between the receiver's answer
 * and the sender's record (`crashed`). Those repeats must be explained by the attempt log; they are counted.
 */
export function webhooksOncePerEvent(runs, deliveries, records, attemptLog, { crashed = false } = {}) {
  const bad = [];
  const deliveriesOf = new Map();
  for (const d of deliveries) deliveriesOf.set(d.requestId, [...(deliveriesOf.get(d.requestId) ?? []), d]);
  const attemptsOf = new Map(attemptLog.map((a) => [a.id, a]));
  const acksOf = new Map();
  const idsOfRun = new Map();
  for (const r of records) {
    if (typeof r.answer === "number" && r.answer >= 200 && r.answer < 300) acksOf.set(r.webhookId, (acksOf.get(r.webhookId) ?? 0) + 1);
    if (r.requestId) idsOfRun.set(r.requestId, new Set([...(idsOfRun.get(r.requestId) ?? []), r.webhookId]));
  }
  const tally = { delivered: 0, failed: 0, skipped: 0, pending: 0, repeats: 0 };
  for (const run of runs.filter((x) => x.webhookId)) {
    const ds = deliveriesOf.get(run.id) ?? [];
    if (ds.length !== 1) { bad.push(`${run.id}: ${ds.length} deliveries`); continue; }
    const d = ds[0];
    tally[d.status] = (tally[d.status] ?? 0) + 1;
    const acks = acksOf.get(d.deliveryId) ?? 0;
    const log = attemptsOf.get(d.deliveryId) ?? { ok: 0, failed: 0 };
    const successes = d.status === "delivered" ? 1 : 0;
    if (log.ok !== successes) bad.push(`${run.id}: ${d.status}, ${log.ok} successful attempts logged`);
    if (d.status === "delivered" && acks === 0) bad.push(`${run.id}: delivered, never acknowledged by the receiver`);
    const repeats = acks - successes;
    if (repeats > 0) {
      tally.repeats += repeats;
      if (repeats > log.failed && !crashed) bad.push(`${run.id}: acknowledged ${acks}×, ${log.failed} failed attempts logged`);
    }
    if (d.status === "pending") bad.push(`${run.id}: still pending`);
    if ((idsOfRun.get(run.id)?.size ?? 0) > 1) bad.push(`${run.id}: arrived under ${idsOfRun.get(run.id).size} ids`);
  }
  const unsigned = records.filter((r) => !r.signatureOk).length;
  if (unsigned) bad.push(`${unsigned} requests with a bad signature`);
  const owed = runs.filter((x) => x.webhookId).length;
  return {
    ...check("webhooks: one event id per run, delivered once or visibly failed", bad.length === 0,
      bad.length ? first(bad) : `${owed} owed, each under one id: ${tally.delivered} delivered (one logged success each), ${tally.failed} failed, ${tally.skipped} skipped (webhook disabled); all ${records.length} requests signed` + (tally.repeats ? `; ${tally.repeats} repeat of an id whose answer the sender missed` : "")),
    tally,
  };
}

/** Crash acceptance: every run completed, nothing reserved, and one webhook event per run, delivered. */
export function crashAcceptance(runIds, d1Runs, company, webhookTally, owed) {
  const completed = d1Runs.filter((r) => runIds.includes(r.id) && r.status === "completed").length;
  const ok = completed === runIds.length && company.reserved === 0 && webhookTally.delivered === owed;
  return check("crash: every run completed, nothing reserved, one webhook per run", ok,
    `${completed}/${runIds.length} completed; reserved ${company.reserved}; ${webhookTally.delivered}/${owed} events delivered`);
}
