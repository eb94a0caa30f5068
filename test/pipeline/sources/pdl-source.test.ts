// People Data Labs as a candidate source, against real D1 with PDL stubbed at fetch: bought people
// land in the company's pool (facts and all) and come back as pool hits, merge with people the
// company holds, and PDL's failures go through the shared retries, timeouts and breaker.
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Env } from "../../../src/env";
import { scoreProfiles } from "../../../src/pipeline/enrich/enrich-batch";
import { digestExclusions } from "../../../src/pipeline/exclusions";
import { findCandidates } from "../../../src/pipeline/find-candidates";
import { deriveIcp } from "../../../src/pipeline/icp/derive-icp";
import { PdlSource } from "../../../src/pipeline/sources/pdl-source";
import { pdlProfileOf } from "../../../src/pipeline/sources/pdl/pdl-record";
import { BREAKER_COOLDOWN_MS } from "../../../src/pipeline/sources/resilience";
import { searchSources } from "../../../src/pipeline/sources/search-sources";
import type { SourceQuery } from "../../../src/pipeline/sources/source";
import { vendorUsageOf } from "../../../src/pipeline/vendor-usage";
import { eraseProfile, loadProfilesWithFacts, upsertProfiles } from "../../../src/talent-pool/store";
import { api, createTenant, importProfiles, type TestTenant } from "../../helpers";
import {
  notFound, outOfCredits, PDL_BASE, pdlConfig, pdlPerson, rateLimited, searchAnswer, serverError, slowly, stubPdl,
} from "./pdl-fixtures";

const icp = deriveIcp({
  title: "Senior Backend Engineer",
  jobDescription: "We need a senior backend engineer with 5+ years of Node.js and PostgreSQL experience. Kubernetes is a plus.",
  location: "San Francisco, CA",
});

let tenant: TestTenant;
let runSeq = 0;
const signal = () => new AbortController().signal;
const source = () => new PdlSource(env.DB, pdlConfig);
const queryOf = (o: Partial<SourceQuery> = {}): SourceQuery => ({ companyId: tenant.companyId, icp, freeText: undefined, limit: 150, runId: `req_pdl_${++runSeq}`, ...o });

type Row = { id: string; origin: string; originRef: string | null; fullName: string; currentTitle: string | null; factsVersion: number | null; occupationId: string | null };
async function rowsOf(ids: string[]): Promise<Row[]> {
  const { results } = await env.DB.prepare(
    `SELECT id, origin, origin_ref AS originRef, full_name AS fullName, current_title AS currentTitle, facts_version AS factsVersion, occupation_id AS occupationId
     FROM talent_profiles WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY full_name`,
  ).bind(JSON.stringify(ids)).all<Row>();
  return results;
}
const breaker = (key = "pdl") => env.DB.prepare(`SELECT consecutive_failures AS n, opened_until AS until FROM source_health WHERE source = ?1`).bind(key).first<{ n: number; until: number | null }>();

beforeAll(async () => {
  tenant = await createTenant();
});

beforeEach(async () => {
  await env.DB.prepare(`DELETE FROM source_health`).run();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a good answer", () => {
  it("asks Person Search with the key and a bounded size, keeps the people in the pool with facts, and answers with their pool ids", async () => {
    const { requests } = stubPdl(() => searchAnswer([pdlPerson("pdl_a1"), pdlPerson("pdl_a2", { full_name: "Grace Hopper", linkedin_url: "linkedin.com/in/grace-a2", emails: [] })]));
    const q = queryOf();
    const hits = await source().search(q, signal());

    expect(requests).toHaveLength(1);
    expect(requests[0].method).toBe("POST");
    expect(requests[0].url.pathname).toBe("/v5/person/search");
    expect(requests[0].headers.get("x-api-key")).toBe("pdl-test-key");
    expect(requests[0].body).toMatchObject({ size: 20, titlecase: true, query: { bool: { must: expect.any(Array) } } });

    expect(hits).toHaveLength(2);
    expect(hits.every((h) => h.profileId.startsWith("prof_"))).toBe(true);
    expect(hits[0]).toMatchObject({ linkedinUrl: "https://www.linkedin.com/in/pdl_a1", emails: ["pdl_a1@example.com"] });
    const rows = await rowsOf(hits.map((h) => h.profileId));
    expect(rows.map((r) => [r.fullName, r.origin, r.originRef])).toEqual([["Ada Lovelace", "pdl", "pdl_a1"], ["Grace Hopper", "pdl", "pdl_a2"]]);
    expect(rows.every((r) => r.factsVersion !== null && r.occupationId !== null)).toBe(true);
    const shown = await (await api(`/candidates/${hits[0].profileId}`, { key: tenant.key })).json<{ profile: { origin: string; fullName: string } }>();
    expect(shown.profile).toMatchObject({ origin: "pdl", fullName: "Ada Lovelace" });

    expect(await vendorUsageOf(env.DB, tenant.companyId, q.runId!)).toEqual([{ vendor: "pdl", operation: "search", calls: 1, failedCalls: 0, records: 2 }]);
  });

  it("size is the smaller of PDL_SEARCH_SIZE and what the search asks for", async () => {
    const { requests } = stubPdl(() => searchAnswer([]));
    await source().search(queryOf({ limit: 7 }), signal());
    expect((requests[0].body as { size: number }).size).toBe(7);
  });

  it("a 404 (nothing matches) is an empty answer: one call, nothing bought", async () => {
    stubPdl(() => notFound());
    const q = queryOf();
    expect(await source().search(q, signal())).toEqual([]);
    expect(await vendorUsageOf(env.DB, tenant.companyId, q.runId!)).toEqual([{ vendor: "pdl", operation: "search", calls: 1, failedCalls: 0, records: 0 }]);
  });

  it("records PDL cannot make a profile of are paid for but not kept", async () => {
    stubPdl(() => searchAnswer([pdlPerson("pdl_bad", { full_name: null }), pdlPerson("pdl_ok1")]));
    const q = queryOf();
    const hits = await source().search(q, signal());
    expect(hits).toHaveLength(1);
    expect((await vendorUsageOf(env.DB, tenant.companyId, q.runId!))[0].records).toBe(2);
  });
});

describe("people the company already holds", () => {
  it("are merged by LinkedIn URL (however it was written) or by email, and the company's record is left as it is", async () => {
    await importProfiles(tenant.key, [
      { externalId: "ats-1", fullName: "Pool Person One", currentTitle: "Backend Engineer", linkedinUrl: "https://linkedin.com/in/Merge-Me/" },
      { externalId: "ats-2", fullName: "Pool Person Two", currentTitle: "Backend Engineer", emails: ["two@corp.example"] },
    ]);
    const pool = await env.DB.prepare(`SELECT id, external_id AS ext FROM talent_profiles WHERE company_id = ?1 AND external_id IN ('ats-1', 'ats-2') ORDER BY external_id`)
      .bind(tenant.companyId).all<{ id: string; ext: string }>();
    stubPdl(() => searchAnswer([
      pdlPerson("pdl_m1", { linkedin_url: "linkedin.com/in/merge-me", full_name: "Vendor Name One" }),
      pdlPerson("pdl_m2", { linkedin_url: "linkedin.com/in/someone-else-m2", emails: [{ address: "Two@Corp.example", type: "professional" }], full_name: "Vendor Name Two" }),
    ]));
    const hits = await source().search(queryOf(), signal());
    expect(hits.map((h) => h.profileId)).toEqual(pool.results.map((r) => r.id));
    const rows = await rowsOf(hits.map((h) => h.profileId));
    expect(rows.map((r) => [r.fullName, r.origin])).toEqual([["Pool Person One", "import"], ["Pool Person Two", "import"]]);
  });

  it("a person bought before is not bought again (must_not their PDL id), and if PDL sends them anyway they are refreshed under the same id", async () => {
    stubPdl(() => searchAnswer([pdlPerson("pdl_r1", { job_title: "Backend Engineer" })]));
    const [first] = await source().search(queryOf(), signal());
    vi.restoreAllMocks();
    const { requests } = stubPdl(() => searchAnswer([pdlPerson("pdl_r1", { job_title: "Staff Backend Engineer" })]));
    const [again] = await source().search(queryOf(), signal());
    expect(JSON.stringify(requests[0].body)).toMatch(/"must_not":\[.*\{"terms":\{"id":\[[^\]]*"pdl_r1"/);
    expect(again.profileId).toBe(first.profileId);
    expect((await rowsOf([again.profileId]))[0].currentTitle).toBe("Staff Backend Engineer");
  });

  it("a later import of the same person makes the row the company's own; PDL never overwrites it again", async () => {
    stubPdl(() => searchAnswer([pdlPerson("pdl_i1")]));
    const [bought] = await source().search(queryOf(), signal());
    await importProfiles(tenant.key, [{ fullName: "Imported Ada", linkedinUrl: "https://www.linkedin.com/in/pdl_i1" }]);
    vi.restoreAllMocks();
    stubPdl(() => searchAnswer([pdlPerson("pdl_i1", { full_name: "Vendor Ada" })]));
    const [hit] = await source().search(queryOf(), signal());
    expect(hit.profileId).toBe(bought.profileId);
    expect((await rowsOf([hit.profileId]))[0]).toMatchObject({ fullName: "Imported Ada", origin: "import", originRef: "pdl_i1" });
  });
});

describe("people who must not be kept", () => {
  it("the caller's exclusions are dropped before anything is stored", async () => {
    stubPdl(() => searchAnswer([pdlPerson("pdl_x1"), pdlPerson("pdl_x2", { linkedin_url: "linkedin.com/in/keep-x2" })]));
    const exclude = await digestExclusions(tenant.companyId, { emails: ["PDL_X1@example.com"] });
    const hits = await source().search(queryOf({ exclude }), signal());
    expect(hits).toHaveLength(1);
    const stored = await env.DB.prepare(`SELECT origin_ref AS ref FROM talent_profiles WHERE company_id = ?1 AND origin_ref IN ('pdl_x1', 'pdl_x2')`).bind(tenant.companyId).all<{ ref: string }>();
    expect(stored.results.map((r) => r.ref)).toEqual(["pdl_x2"]);
  });

  it("a person the company erased is not brought back by the next purchase", async () => {
    stubPdl(() => searchAnswer([pdlPerson("pdl_e1")]));
    const [bought] = await source().search(queryOf(), signal());
    expect(await eraseProfile(env.DB, tenant.companyId, bought.profileId)).toBe(true);
    const kept = await env.DB.prepare(`SELECT digest FROM vendor_suppressions WHERE company_id = ?1`).bind(tenant.companyId).all<{ digest: string }>();
    expect(kept.results.length).toBeGreaterThanOrEqual(3); // LinkedIn URL, email, PDL id
    expect(JSON.stringify(kept.results)).not.toMatch(/pdl_e1|example\.com|linkedin/);
    // PDL sends them again, even under another LinkedIn URL: the vendor id and the email still match.
    const hits = await source().search(queryOf(), signal());
    expect(hits).toEqual([]);
    vi.restoreAllMocks();
    stubPdl(() => searchAnswer([pdlPerson("pdl_e1_other_id", { linkedin_url: "linkedin.com/in/new-url-e1", emails: [{ address: "pdl_e1@example.com" }] })]));
    expect(await source().search(queryOf(), signal())).toEqual([]);
    const left = await env.DB.prepare(`SELECT COUNT(*) AS n FROM talent_profiles WHERE company_id = ?1 AND origin_ref LIKE 'pdl_e1%'`).bind(tenant.companyId).first<{ n: number }>();
    expect(left?.n).toBe(0);
  });
});

describe("failures, through the shared retries, timeouts and breaker", () => {
  const fast = { timeoutMs: 200, retries: 2 };

  it("402 out of credits: not retried (a retry cannot help), and the breaker holds PDL off for its cooldown", async () => {
    const { requests } = stubPdl(() => outOfCredits());
    const q = queryOf();
    const before = Date.now();
    const { outcomes } = await searchSources(env.DB, [source()], q, fast);
    expect(outcomes[0]).toMatchObject({ ok: false, error: expect.stringContaining("402 payment_required") });
    expect(requests).toHaveLength(1);
    expect((await breaker())?.until).toBeGreaterThanOrEqual(before + BREAKER_COOLDOWN_MS);
    expect(await vendorUsageOf(env.DB, tenant.companyId, q.runId!)).toEqual([{ vendor: "pdl", operation: "search", calls: 1, failedCalls: 1, records: 0 }]);
  });

  it("429 with a short Retry-After: waited out, then retried", async () => {
    const at: number[] = [];
    stubPdl((_req, n) => {
      at.push(Date.now());
      return n === 1 ? rateLimited(1) : searchAnswer([pdlPerson("pdl_t1")]);
    });
    const { outcomes } = await searchSources(env.DB, [source()], queryOf(), fast);
    expect(outcomes[0].ok).toBe(true);
    expect(outcomes[0].hits).toHaveLength(1);
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(950);
  });

  it("429 with a long Retry-After: not slept through; the breaker keeps every run off PDL until then", async () => {
    const { requests } = stubPdl(() => rateLimited(120));
    const before = Date.now();
    const { outcomes } = await searchSources(env.DB, [source()], queryOf(), fast);
    expect(outcomes[0]).toMatchObject({ ok: false, error: expect.stringContaining("429 rate_limit_error") });
    expect(requests).toHaveLength(1);
    expect((await breaker())?.until).toBeGreaterThanOrEqual(before + 120_000);
    const next = await searchSources(env.DB, [source()], queryOf(), fast);
    expect(next.outcomes[0].error).toBe("circuit open");
    expect(requests).toHaveLength(1);
  });

  it("5xx: retried twice, then the call fails and counts towards the breaker", async () => {
    const { requests } = stubPdl(() => serverError());
    const q = queryOf();
    const { outcomes } = await searchSources(env.DB, [source()], q, fast);
    expect(outcomes[0]).toMatchObject({ ok: false, error: expect.stringContaining("500") });
    expect(requests).toHaveLength(3);
    expect(await breaker()).toEqual({ n: 1, until: null });
    expect((await vendorUsageOf(env.DB, tenant.companyId, q.runId!))[0]).toMatchObject({ calls: 3, failedCalls: 3, records: 0 });
  });

  it("malformed JSON in a 200 is retried (a cut-off body); a body of another shape is not", async () => {
    const garbled = stubPdl(() => new Response('{"status": 200, "data": [{"id": "x"', { status: 200, headers: { "content-type": "application/json" } }));
    expect((await searchSources(env.DB, [source()], queryOf(), fast)).outcomes[0]).toMatchObject({ ok: false, error: expect.stringContaining("not JSON") });
    expect(garbled.requests).toHaveLength(3);
    vi.restoreAllMocks();
    const odd = stubPdl(() => new Response(JSON.stringify({ status: 200, data: "nope" }), { status: 200 }));
    expect((await searchSources(env.DB, [source()], queryOf(), fast)).outcomes[0]).toMatchObject({ ok: false, error: expect.stringContaining("documented shape") });
    expect(odd.requests).toHaveLength(1);
  });

  it("an answer slower than the timeout is aborted and never half-used", async () => {
    const { requests } = stubPdl(() => slowly(1_000, () => searchAnswer([pdlPerson("pdl_slow")])));
    const { outcomes } = await searchSources(env.DB, [source()], queryOf(), { timeoutMs: 50, retries: 2 });
    expect(outcomes[0]).toMatchObject({ ok: false, error: "pdl did not answer within 50 ms" });
    expect(requests).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 1_100)); // the late answers arrive: nothing is kept from them
    const kept = await env.DB.prepare(`SELECT COUNT(*) AS n FROM talent_profiles WHERE origin_ref = 'pdl_slow'`).first<{ n: number }>();
    expect(kept?.n).toBe(0);
  });
});

describe("in a run's search, next to the talent pool", () => {
  const withPdl = (): Env => ({ ...env, SOURCES: "talent_pool,pdl", PDL_API_KEY: "pdl-test-key", PDL_BASE_URL: PDL_BASE });

  it("PDL's people are found with the pool's, and scored exactly as the same person imported into a pool", async () => {
    await importProfiles(tenant.key, [{ fullName: "Pool Backend", currentTitle: "Senior Backend Engineer", location: "San Francisco, CA", skills: ["Node.js", "PostgreSQL"] }]);
    const record = pdlPerson("pdl_s1", { full_name: "Vendor Backend", linkedin_url: "linkedin.com/in/vendor-backend-s1" });
    stubPdl(() => searchAnswer([record]));
    const found = await findCandidates(withPdl(), { companyId: tenant.companyId, icp, freeText: undefined, depth: 150, runId: "req_pdl_run" });
    expect(found.ok).toBe(true);
    const hits = found.ok ? found.hits : [];
    const [bought] = await env.DB.prepare(`SELECT id FROM talent_profiles WHERE origin_ref = 'pdl_s1'`).all<{ id: string }>().then((r) => r.results);
    expect(hits.map((h) => h.profileId)).toContain(bought.id);

    const [scored] = (await scoreProfiles(icp, [bought.id], await loadProfilesWithFacts(env.DB, tenant.companyId, [bought.id]))).candidates;
    // The same profile imported by another company, scored by the same code path.
    const other = await createTenant();
    await upsertProfiles(env.DB, other.companyId, [pdlProfileOf(record)!.profile]);
    const { id: importedId } = (await env.DB.prepare(`SELECT id FROM talent_profiles WHERE company_id = ?1`).bind(other.companyId).first<{ id: string }>())!;
    const [imported] = (await scoreProfiles(icp, [importedId], await loadProfilesWithFacts(env.DB, other.companyId, [importedId]))).candidates;
    expect(scored.matchScore).toBeGreaterThanOrEqual(70);
    expect({ ...scored, profileId: "" }).toEqual({ ...imported, profileId: "" });
  });

  it("a failing PDL never fails the search while the pool answers", async () => {
    stubPdl(() => serverError());
    const found = await findCandidates(withPdl(), { companyId: tenant.companyId, icp, freeText: undefined, depth: 150, runId: "req_pdl_down" });
    expect(found.ok).toBe(true);
    expect(found.ok && found.hits.length).toBeGreaterThan(0);
  });

  it("PDL listed without PDL_API_KEY is skipped, and the pool alone answers", async () => {
    const { requests } = stubPdl(() => searchAnswer([]));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const found = await findCandidates({ ...withPdl(), PDL_API_KEY: "" }, { companyId: tenant.companyId, icp, freeText: undefined, depth: 150 });
    expect(found.ok).toBe(true);
    expect(requests).toHaveLength(0);
    expect(warn.mock.calls.some(([line]) => String(line).includes("pdl source skipped"))).toBe(true);
  });
});
