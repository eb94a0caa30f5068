// The credit ledger against a model, on the real D1: random interleavings of top-up, reserve,
// settle and replays of earlier steps (a queue message or alarm delivered twice). After every step
// the ledger must agree with the model and keep the two-phase invariants.
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBalance, reserveStatement, settleReservation, topUpStatement } from "../../src/billing/ledger";

// ---- Concrete ledger operations: what a step resolves to, and what a replay re-sends verbatim. ----
type Op =
  | { type: "topup"; key: string; amount: number }
  | { type: "reserve"; reservationId: string; amount: number }
  | { type: "settle"; reservationId: string; captured: number };

// ---- The model: what the ledger should say, computed without SQL. ----
type ModelReservation = { amount: number; captured: number | null };
type Model = {
  prepaid: boolean;
  topUpKeys: ReadonlySet<string>;
  balance: number;
  reserved: number;
  reservations: ReadonlyMap<string, ModelReservation>;
};

const emptyModel = (prepaid: boolean): Model => ({ prepaid, topUpKeys: new Set(), balance: 0, reserved: 0, reservations: new Map() });

/** The model's next state after `op`; an op whose key was already applied changes nothing. */
function applyOp(m: Model, op: Op): Model {
  switch (op.type) {
    case "topup":
      if (m.topUpKeys.has(op.key)) return m;
      return { ...m, topUpKeys: new Set([...m.topUpKeys, op.key]), balance: m.balance + op.amount };
    case "reserve": {
      if (m.reservations.has(op.reservationId)) return m;
      if (m.prepaid && m.balance - m.reserved < op.amount) return m;
      const reservations = new Map(m.reservations).set(op.reservationId, { amount: op.amount, captured: null });
      return { ...m, reserved: m.reserved + op.amount, reservations };
    }
    case "settle": {
      const r = m.reservations.get(op.reservationId);
      if (!r || r.captured !== null) return m;
      const captured = Math.min(op.captured, r.amount);
      const reservations = new Map(m.reservations).set(op.reservationId, { ...r, captured });
      return { ...m, balance: m.balance - captured, reserved: m.reserved - r.amount, reservations };
    }
  }
}

/** Entries the model expects: one per top-up and reserve, two (capture + release) per settle. */
function expectedEntryCount(m: Model): number {
  let n = m.topUpKeys.size + m.reservations.size;
  for (const r of m.reservations.values()) if (r.captured !== null) n += 2;
  return n;
}

// ---- Steps as generated: abstract picks that resolve against what exists at that moment. ----
type Step =
  | { kind: "topup"; amount: number }
  | { kind: "reserve"; amount: number }
  | { kind: "settle"; pick: number; captured: number }
  | { kind: "replay"; pick: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("topup" as const), amount: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant("reserve" as const), amount: fc.integer({ min: 1, max: 40 }) }),
  // `captured` may exceed the reservation: the ledger must cap it.
  fc.record({ kind: fc.constant("settle" as const), pick: fc.nat(), captured: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ kind: fc.constant("replay" as const), pick: fc.nat() }),
);

/** Turn a step into a concrete op; null when it refers to nothing yet (no reservation, no history). */
function resolveStep(step: Step, ctx: { companyId: string; history: readonly Op[]; reservationIds: readonly string[]; seq: number }): Op | null {
  switch (step.kind) {
    case "topup":
      return { type: "topup", key: `topup:${ctx.companyId}:${ctx.seq}`, amount: step.amount };
    case "reserve":
      // Reservation ids are unique across companies in production (run ids); keep them so here.
      return { type: "reserve", reservationId: `${ctx.companyId}:r${ctx.seq}`, amount: step.amount };
    case "settle":
      if (ctx.reservationIds.length === 0) return null;
      return { type: "settle", reservationId: ctx.reservationIds[step.pick % ctx.reservationIds.length], captured: step.captured };
    case "replay":
      return ctx.history.length === 0 ? null : ctx.history[step.pick % ctx.history.length];
  }
}

// ---- The real ledger. ----
async function execute(db: D1Database, companyId: string, prepaid: boolean, op: Op): Promise<void> {
  switch (op.type) {
    case "topup":
      await topUpStatement(db, { companyId, amount: op.amount, idempotencyKey: op.key, reason: "property test" }).run();
      return;
    case "reserve":
      await reserveStatement(db, { companyId, reservationId: op.reservationId, amount: op.amount, costKey: "sourcing", enforceAvailable: prepaid }).run();
      return;
    case "settle":
      await settleReservation(db, { companyId, reservationId: op.reservationId, captured: op.captured });
      return;
  }
}

type Entry = { entry_type: "topup" | "reserve" | "capture" | "release"; amount: number; balance_delta: number; reserved_delta: number; reservation_id: string | null };

async function entriesOf(db: D1Database, companyId: string): Promise<Entry[]> {
  const { results } = await db
    .prepare(`SELECT entry_type, amount, balance_delta, reserved_delta, reservation_id FROM credit_ledger WHERE company_id = ? ORDER BY seq`)
    .bind(companyId)
    .all<Entry>();
  return results;
}

/** Every invariant of the issue, checked against the D1 ledger and the model after one step. */
async function checkInvariants(db: D1Database, companyId: string, model: Model): Promise<Entry[]> {
  const balance = await readBalance(db, companyId);
  expect(balance).toEqual({ balance: model.balance, reserved: model.reserved, available: model.balance - model.reserved });
  if (model.prepaid) expect(balance.available).toBeGreaterThanOrEqual(0);

  const entries = await entriesOf(db, companyId);
  expect(entries).toHaveLength(expectedEntryCount(model));
  // Each entry's deltas follow from its type and amount, so the sums are the balance.
  for (const e of entries) {
    const minus = 0 - e.amount; // 0 - 0 is +0, which toEqual tells apart from -0
    const deltas = { topup: [e.amount, 0], reserve: [0, e.amount], capture: [minus, minus], release: [0, minus] }[e.entry_type];
    expect([e.balance_delta, e.reserved_delta]).toEqual(deltas);
  }

  const byReservation = new Map<string, Entry[]>();
  for (const e of entries) if (e.reservation_id !== null) byReservation.set(e.reservation_id, [...(byReservation.get(e.reservation_id) ?? []), e]);
  expect([...byReservation.keys()].sort()).toEqual([...model.reservations.keys()].sort());
  for (const [id, group] of byReservation) {
    const of = (t: Entry["entry_type"]) => group.filter((e) => e.entry_type === t);
    const [reserve, capture, release] = [of("reserve"), of("capture"), of("release")];
    const expected = model.reservations.get(id)!;
    expect(reserve).toHaveLength(1);
    expect(reserve[0].amount).toBe(expected.amount);
    expect(capture.length).toBeLessThanOrEqual(1);
    // Settled means both halves are there, and they add up to the reserve; never one without the other.
    expect(release).toHaveLength(capture.length);
    if (expected.captured === null) {
      expect(capture).toHaveLength(0);
    } else {
      expect(capture).toHaveLength(1);
      expect(capture[0].amount).toBe(expected.captured);
      expect(capture[0].amount).toBeLessThanOrEqual(reserve[0].amount);
      expect(capture[0].amount + release[0].amount).toBe(reserve[0].amount);
    }
  }
  return entries;
}

async function createCompany(db: D1Database, prepaid: boolean): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .prepare(`INSERT INTO companies (id, name, billing_mode, created_at) VALUES (?1, 'Property Co', ?2, ?3)`)
    .bind(id, prepaid ? "prepaid" : "postpaid", new Date().toISOString())
    .run();
  return id;
}

describe("credit ledger against a model", () => {
  it("random interleavings of top-up, reserve, settle and replays keep every invariant", async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(stepArb, { minLength: 1, maxLength: 30 }), async (prepaid, steps) => {
        const db = env.DB;
        const companyId = await createCompany(db, prepaid);
        let model = emptyModel(prepaid);
        const history: Op[] = [];
        const reservationIds: string[] = [];
        for (const [seq, step] of steps.entries()) {
          const op = resolveStep(step, { companyId, history, reservationIds, seq });
          if (!op) continue;
          const before = step.kind === "replay" ? await entriesOf(db, companyId) : null;
          await execute(db, companyId, prepaid, op);
          const next = applyOp(model, op);
          const after = await checkInvariants(db, companyId, next);
          // A replayed op whose first run was applied must change nothing at all. (One whose first run
          // was refused for credits may apply now; the model covers that case.)
          if (before && next === model) expect(after).toEqual(before);
          model = next;
          history.push(op);
          if (op.type === "reserve" && !reservationIds.includes(op.reservationId)) reservationIds.push(op.reservationId);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("concurrent reservations on one prepaid company never overdraw", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 60 }), fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 15 }), async (credits, amounts) => {
        const db = env.DB;
        const companyId = await createCompany(db, true);
        await topUpStatement(db, { companyId, amount: credits, idempotencyKey: "initial", reason: null }).run();
        const results = await Promise.all(
          amounts.map((amount, i) =>
            reserveStatement(db, { companyId, reservationId: `${companyId}:c${i}`, amount, costKey: "sourcing", enforceAvailable: true }).run(),
          ),
        );
        const accepted = amounts.filter((_, i) => results[i].meta.changes === 1);
        const balance = await readBalance(db, companyId);
        expect(balance.reserved).toBe(accepted.reduce((a, b) => a + b, 0));
        expect(balance.available).toBeGreaterThanOrEqual(0);
        // Refusals are only for want of credits: each refused amount exceeds what was left at the end.
        for (const [i, amount] of amounts.entries()) if (results[i].meta.changes === 0) expect(amount).toBeGreaterThan(balance.available);
      }),
      { numRuns: 20 },
    );
  });
});

describe("credit ledger is append-only", () => {
  it("rejects UPDATE and DELETE of entries", async () => {
    const companyId = await createCompany(env.DB, true);
    await topUpStatement(env.DB, { companyId, amount: 10, idempotencyKey: "t1", reason: null }).run();
    await expect(env.DB.prepare(`UPDATE credit_ledger SET amount = 0, balance_delta = 0 WHERE company_id = ?`).bind(companyId).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare(`DELETE FROM credit_ledger WHERE company_id = ?`).bind(companyId).run()).rejects.toThrow(/append-only/);
    expect(await readBalance(env.DB, companyId)).toEqual({ balance: 10, reserved: 0, available: 10 });
  });

  it("a top-up replayed with its idempotency key applies once", async () => {
    const companyId = await createCompany(env.DB, true);
    const top = () => topUpStatement(env.DB, { companyId, amount: 25, idempotencyKey: "same", reason: null }).run();
    expect((await top()).meta.changes).toBe(1);
    expect((await top()).meta.changes).toBe(0);
    expect((await readBalance(env.DB, companyId)).balance).toBe(25);
  });
});
