// Erasure (DELETE /candidates/{id}) reaches every copy of a person: no candidate JSON is left in the
// object of a run that ended failed, no stored request keeps the plain emails or URLs it excluded,
// and an erase that lands while a run is writing its results is neither written back nor billed.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import type { Candidate } from "../../src/pipeline/types";
import { eraseProfile } from "../../src/talent-pool/store";
import { api, createTenant, importProfiles, type TestTenant, validJob, waitForRun } from "../helpers";

type Results = { status: string; errorCode?: string; candidates: Candidate[] };
type Statement = { statement: string; params: unknown[] };

let tenant: TestTenant;
// D1Database's methods live on its prototype, shared by the test's binding and the run object's.
const d1Prototype = Object.getPrototypeOf(env.DB) as D1Database;
const runStub = (runId: string) => env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(runId));
const sqlOf = (statements: D1PreparedStatement[]) => statements.map((s) => (s as unknown as Statement).statement);

async function startRun(body: Record<string, unknown>): Promise<string> {
  const res = await api("/sourcing", { method: "POST", key: tenant.key, json: body });
  expect(res.status).toBe(202);
  return (await res.json<{ requestId: string }>()).requestId;
}

async function ledgerEntries(reservationId: string) {
  const rows = await env.DB.prepare(`SELECT entry_type AS type, amount FROM credit_ledger WHERE reservation_id = ? ORDER BY seq`).bind(reservationId).all();
  return rows.results;
}

/** The run object's scored table: every row, and those still holding a candidate's JSON. */
async function scoredRows(runId: string): Promise<{ rows: number; withCandidate: number }> {
  return runInDurableObject(runStub(runId), (_instance, state) =>
    state.storage.sql
      .exec<{ rows: number; withCandidate: number }>(`SELECT COUNT(*) AS rows, COUNT(candidate) AS withCandidate FROM scored`)
      .one());
}

beforeAll(async () => {
  tenant = await createTenant({ credits: 1000 });
  await importProfiles(tenant.key, generateDemoPool({ count: 150, seed: 11 }));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("a run that ended failed", () => {
  it("keeps no candidate JSON in its object, even while its failure is still to be written to D1", async () => {
    // Every terminal write fails (D1 unavailable for them): the completion five times, then the failure.
    const batch = d1Prototype.batch;
    const terminalWrites = vi.spyOn(d1Prototype, "batch").mockImplementation(function (this: D1Database, statements) {
      if (sqlOf(statements).some((sql) => /SET status = '(completed|failed)'/.test(sql))) return Promise.reject(new Error("D1 unavailable"));
      return batch.call(this, statements) as never;
    });
    const runId = await startRun({ ...validJob, limit: 3 });
    const stub = runStub(runId);
    await vi.waitFor(async () => expect(await runInDurableObject(stub, (_i, state) => state.storage.get<number>("stepFailures"))).toBeGreaterThan(0), {
      timeout: 20_000, interval: 50,
    });

    // Drive the step's retries past their backoff until the run gives up on ranking and is failed.
    vi.useFakeTimers({ toFake: ["Date"] });
    const advance = async () => {
      const retryAt = await runInDurableObject(stub, (_i, state) => state.storage.get<number>("stepRetryAt"));
      vi.setSystemTime(Math.max(Date.now(), retryAt ?? 0) + 1);
      await runDurableObjectAlarm(stub);
    };
    for (let i = 0; i < 10 && (await stub.status())?.stage !== "failed"; i++) await advance();
    expect(await stub.status()).toMatchObject({ stage: "failed", outcomeRecorded: false, errorCode: "INTERNAL_ERROR" });
    const scored = await scoredRows(runId);
    expect(scored.rows).toBeGreaterThan(0); // people were scored, and their full JSON was held
    expect(scored.withCandidate).toBe(0);

    // Once D1 takes the failure, the round ends as usual: nobody delivered, nothing captured.
    terminalWrites.mockRestore();
    await advance();
    vi.useRealTimers();
    expect(await stub.status()).toMatchObject({ stage: "failed", outcomeRecorded: true });
    expect(await (await api(`/sourcing/${runId}/results`, { key: tenant.key })).json<Results>()).toMatchObject({ status: "failed", candidates: [] });
    expect(await ledgerEntries(`${runId}:r1`)).toEqual([{ type: "reserve", amount: 3 }, { type: "capture", amount: 0 }, { type: "release", amount: 3 }]);
    expect((await scoredRows(runId)).withCandidate).toBe(0);
  });
});

describe("a run's stored request", () => {
  it("holds excluded emails and LinkedIn URLs only as digests, and still excludes those people", async () => {
    const first = (await waitForRun(tenant.key, await startRun({ ...validJob, limit: 6 }))) as unknown as Results;
    const withEmail = first.candidates.find((c) => c.emails.length > 0)!;
    const withUrl = first.candidates.find((c) => c.linkedinUrl && c.profileId !== withEmail.profileId)!;
    const email = withEmail.emails[0];
    const urlPath = withUrl.linkedinUrl!.replace(/^https?:\/\/(www\.)?/, "");
    const exclude = { emails: [` ${email.toUpperCase()} `], linkedinUrls: [`${withUrl.linkedinUrl}/`] };

    const runId = await startRun({ ...validJob, limit: 6, exclude });
    const second = (await waitForRun(tenant.key, runId)) as unknown as Results;
    const ids = second.candidates.map((c) => c.profileId);
    expect(ids).not.toContain(withEmail.profileId);
    expect(ids).not.toContain(withUrl.profileId);
    expect(second.candidates).toHaveLength(6);

    const plain = (stored: string) => {
      expect(stored.toLowerCase()).not.toContain(email.toLowerCase());
      expect(stored.toLowerCase()).not.toContain(urlPath.toLowerCase());
    };
    const row = await env.DB.prepare(`SELECT request FROM sourcing_runs WHERE id = ?`).bind(runId).first<{ request: string }>();
    plain(row!.request);
    expect(JSON.parse(row!.request).exclude).toMatchObject({ emailDigests: [expect.any(String)], linkedinUrlDigests: [expect.any(String)] });
    plain(JSON.stringify(await runInDurableObject(runStub(runId), (_i, state) => state.storage.get("job"))));

    // The run reads back as the contract has it (the request's exclude is not part of it).
    const run = await api(`/sourcing/${runId}`, { key: tenant.key });
    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ success: true, requestId: runId, status: "completed", title: validJob.title });

    // A preview stores its request the same way, and excludes the same people.
    const preview = await api("/sourcing/preview", { method: "POST", key: tenant.key, json: { ...validJob, limit: 20, exclude } });
    expect(preview.status).toBe(202);
    const { requestId: previewId } = await preview.json<{ requestId: string }>();
    const previewRow = await env.DB.prepare(`SELECT request FROM sourcing_runs WHERE id = ?`).bind(previewId).first<{ request: string }>();
    plain(previewRow!.request);
    const previewed = await (await api(`/sourcing/preview/${previewId}/results`, { key: tenant.key })).json<{ candidates: { profileId: string }[] }>();
    expect(previewed.candidates.length).toBeGreaterThan(0);
    expect(previewed.candidates.map((c) => c.profileId)).not.toContain(withEmail.profileId);
    expect(previewed.candidates.map((c) => c.profileId)).not.toContain(withUrl.profileId);
  });
});

describe("an erase racing a run's completion write", () => {
  it("is not undone by the write: no result row and no credit for the erased person", async () => {
    // The person is erased after the run ranked (and checked the pool) but before its write commits.
    let erased: string | null = null;
    const batch = d1Prototype.batch;
    vi.spyOn(d1Prototype, "batch").mockImplementation(async function (this: D1Database, statements) {
      const insert = statements.find((s) => (s as unknown as Statement).statement.includes("INSERT INTO run_results"));
      if (insert && erased === null) {
        erased = (insert as unknown as Statement).params[1] as string;
        expect(await eraseProfile(this, tenant.companyId, erased)).toBe(true);
      }
      return batch.call(this, statements) as never;
    });
    const runId = await startRun({ ...validJob, limit: 3 });
    const done = (await waitForRun(tenant.key, runId)) as unknown as Results;
    vi.restoreAllMocks();

    expect(erased).not.toBeNull();
    expect(done.status).toBe("completed");
    expect(done.candidates.map((c) => c.profileId)).not.toContain(erased);
    expect(done.candidates).toHaveLength(2); // the other two the run ranked
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM run_results WHERE profile_id = ?`).bind(erased).first<{ n: number }>();
    expect(row?.n).toBe(0);
    expect((await api(`/candidates/${erased}`, { key: tenant.key })).status).toBe(404);
    // Billed exactly the rows written: 2 captured, the rest of the reservation released.
    expect(await ledgerEntries(`${runId}:r1`)).toEqual([{ type: "reserve", amount: 3 }, { type: "capture", amount: 2 }, { type: "release", amount: 1 }]);
    // The object holds no copy of the erased person either.
    expect((await scoredRows(runId)).withCandidate).toBe(0);
    expect(await runStub(runId).status()).toMatchObject({ stage: "completed" });
  });
});
