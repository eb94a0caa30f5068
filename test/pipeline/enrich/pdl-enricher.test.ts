// POST /sourcing/enrich with People Data Labs: Person Enrichment completes a profile's emails; any
// failure of PDL answers with the pool's own record. Real D1 (breaker, usage), PDL stubbed at fetch.
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { readConfig } from "../../../src/config";
import { enrichProfiles } from "../../../src/enrichment/enrich-profiles";
import { embeddedEnricher } from "../../../src/pipeline/enrich/enricher";
import { configuredEnricher, PDL_ENRICH_BREAKER, PdlEnricher, pdlEnrichParams, withEmails } from "../../../src/pipeline/enrich/pdl-enricher";
import { BREAKER_COOLDOWN_MS } from "../../../src/pipeline/sources/resilience";
import type { TalentProfile } from "../../../src/pipeline/types";
import { vendorUsageOf } from "../../../src/pipeline/vendor-usage";
import { loadProfiles } from "../../../src/talent-pool/store";
import { createTenant, importProfiles, type TestTenant } from "../../helpers";
import { enrichAnswer, notFound, outOfCredits, PDL_BASE, pdlConfig, pdlPerson, rateLimited, slowly, stubPdl } from "../sources/pdl-fixtures";

const person = (o: Partial<TalentProfile> = {}): TalentProfile => ({ profileId: "prof_1", companyId: "co_1", fullName: "Ada Lovelace", ...o });

describe("pdlEnrichParams", () => {
  it.each([
    ["LinkedIn URL and first email", person({ linkedinUrl: "https://www.linkedin.com/in/ada", emails: ["ada@a.example", "ada@b.example"] }),
      "profile=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fada&email=ada%40a.example&min_likelihood=6&required=emails"],
    ["name and company", person({ currentCompany: "Analytical Engines" }), "name=Ada+Lovelace&company=Analytical+Engines&min_likelihood=6&required=emails"],
    ["name and place", person({ location: "London, UK" }), "name=Ada+Lovelace&location=London%2C+UK&min_likelihood=6&required=emails"],
  ])("%s", (_name, profile, expected) => {
    expect(String(pdlEnrichParams(profile, 6))).toBe(expected);
  });

  it("a name alone is nothing PDL could match on: no call", () => {
    expect(pdlEnrichParams(person(), 6)).toBeNull();
  });
});

describe("withEmails", () => {
  it.each([
    [["ada@a.example"], ["ADA@a.example", "ada@c.example"], ["ada@a.example", "ada@c.example"]],
    [undefined, ["x@y.example"], ["x@y.example"]],
    [Array.from({ length: 9 }, (_, i) => `o${i}@x.example`), ["n1@x.example", "n2@x.example"], [...Array.from({ length: 9 }, (_, i) => `o${i}@x.example`), "n1@x.example"]],
  ])("%j + %j → %j", (own, found, expected) => {
    expect(withEmails(person({ emails: own }), found).emails).toEqual(expected);
  });

  it("adds nothing → the same profile", () => {
    const p = person({ emails: ["a@b.example"] });
    expect(withEmails(p, ["A@b.example"])).toBe(p);
  });
});

describe("PdlEnricher in an enrichment", () => {
  let tenant: TestTenant;
  let profiles: TalentProfile[];
  let seq = 0;
  const now = new Date("2026-06-01T00:00:00.000Z");
  const requestOf = () => ({ runId: `enr_pdl_${++seq}`, companyId: tenant.companyId });
  const breaker = () => env.DB.prepare(`SELECT consecutive_failures AS n, opened_until AS until FROM source_health WHERE source = ?1`).bind(PDL_ENRICH_BREAKER).first<{ n: number; until: number | null }>();

  beforeAll(async () => {
    tenant = await createTenant();
    await importProfiles(tenant.key, [{ externalId: "e1", fullName: "Ada Lovelace", currentTitle: "Backend Engineer", linkedinUrl: "https://www.linkedin.com/in/ada-e1", emails: ["ada@own.example"] }]);
    const { results } = await env.DB.prepare(`SELECT id FROM talent_profiles WHERE company_id = ?1`).bind(tenant.companyId).all<{ id: string }>();
    profiles = await loadProfiles(env.DB, tenant.companyId, results.map((r) => r.id));
  });

  beforeEach(async () => {
    await env.DB.prepare(`DELETE FROM source_health`).run();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  const enrich = (request = requestOf(), opts = {}) => enrichProfiles(new PdlEnricher(env.DB, pdlConfig, request, opts), [profiles[0].profileId], profiles, now);

  it("a match adds its emails (the profile's own first); the call and the record bought are counted", async () => {
    const { requests } = stubPdl(() => enrichAnswer(pdlPerson("pdl_e", { emails: [{ address: "ada@work.example", type: "current_professional" }], personal_emails: ["ada@own.example"] })));
    const request = requestOf();
    const [outcome] = await enrich(request);
    expect(outcome).toMatchObject({ success: true, candidate: { emails: ["ada@own.example", "ada@work.example"] } });
    expect(requests[0].method).toBe("GET");
    expect(requests[0].url.pathname).toBe("/v5/person/enrich");
    expect(requests[0].url.searchParams.get("profile")).toBe("https://www.linkedin.com/in/ada-e1");
    expect(requests[0].headers.get("x-api-key")).toBe("pdl-test-key");
    expect(await vendorUsageOf(env.DB, tenant.companyId, request.runId)).toEqual([{ vendor: "pdl", operation: "enrich", calls: 1, failedCalls: 0, records: 1 }]);
  });

  it("no match (404): the pool's record, nothing bought", async () => {
    stubPdl(() => notFound());
    const request = requestOf();
    const [outcome] = await enrich(request);
    expect(outcome).toMatchObject({ success: true, candidate: { emails: ["ada@own.example"] } });
    expect((await vendorUsageOf(env.DB, tenant.companyId, request.runId))[0]).toMatchObject({ calls: 1, records: 0 });
  });

  it("a match below min_likelihood adds nothing, even if PDL sent it", async () => {
    stubPdl(() => enrichAnswer(pdlPerson("pdl_e", { emails: [{ address: "someone@else.example" }] }), 3));
    const [outcome] = await enrich();
    expect(outcome).toMatchObject({ success: true, candidate: { emails: ["ada@own.example"] } });
  });

  it("402 out of credits: the pool's record, and the breaker holds PDL off; the next profile is not even asked", async () => {
    const { requests } = stubPdl(() => outOfCredits());
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const before = Date.now();
    const [outcome] = await enrich();
    expect(outcome).toMatchObject({ success: true, candidate: { emails: ["ada@own.example"] } });
    expect((await breaker())?.until).toBeGreaterThanOrEqual(before + BREAKER_COOLDOWN_MS);
    await enrich();
    expect(requests).toHaveLength(1);
    expect(warn).toHaveBeenCalled();
  });

  it("429: the pool's record, and the breaker honours Retry-After", async () => {
    stubPdl(() => rateLimited(90));
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const before = Date.now();
    const [outcome] = await enrich();
    expect(outcome.success).toBe(true);
    expect((await breaker())?.until).toBeGreaterThanOrEqual(before + 90_000);
  });

  it("an answer slower than its timeout: the pool's record, within the contract's 10 s", async () => {
    stubPdl(() => slowly(2_000, () => enrichAnswer(pdlPerson("pdl_slow"))));
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const [outcome] = await enrich(requestOf(), { timeoutMs: 50 });
    expect(outcome).toMatchObject({ success: true, candidate: { emails: ["ada@own.example"] } });
  });

  it("malformed JSON: the pool's record", async () => {
    stubPdl(() => new Response("<html>bad gateway</html>", { status: 200 }));
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const [outcome] = await enrich();
    expect(outcome).toMatchObject({ success: true, candidate: { emails: ["ada@own.example"] } });
  });
});

describe("configuredEnricher", () => {
  it("is People Data Labs only when PDL is configured", () => {
    const request = { runId: "enr_x", companyId: "co_x" };
    expect(configuredEnricher(readConfig({ ...env, PDL_API_KEY: undefined }), env.DB, request)).toBe(embeddedEnricher);
    expect(configuredEnricher(readConfig({ ...env, PDL_API_KEY: "k", PDL_BASE_URL: PDL_BASE }), env.DB, request).name).toBe("pdl");
  });
});
