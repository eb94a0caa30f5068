// Import-time facts in D1: derived on every write, indexed, re-derived by version, erased with the person.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { FACTS_VERSION } from "../../src/pipeline/facts/profile-facts";
import { allSkills } from "../../src/pipeline/skills/lexicon";
import { skillToken } from "../../src/talent-pool/skill-tokens";
import { readStaleFacts, rederiveStaleFacts, writeRederivedFacts } from "../../src/talent-pool/store";
import { ADMIN, api, createTenant, importProfiles, type TestTenant } from "../helpers";

let tenant: TestTenant;

const ada = {
  externalId: "facts-ada", fullName: "Ada Lovelace", currentTitle: "Senior Backend Engineer", location: "Oakland, CA",
  skills: ["PostgreSQL"],
  experience: [
    { title: "Senior Backend Engineer", company: "Analytical Engines", startDate: "2019-01", description: "Payment APIs in Go, deployed with Kubernetes." },
    { title: "Java Developer", company: "Looms Ltd", startDate: "2012-01", endDate: "2018-12", description: "Spring services in Java." },
  ],
};

type Row = { occupation_family: string | null; seniority_rank: number | null; country: string | null; lat: number | null; facts_version: number };
const rowOf = (externalId: string) =>
  env.DB.prepare(`SELECT occupation_family, seniority_rank, country, lat, facts_version FROM talent_profiles WHERE company_id = ?1 AND external_id = ?2`)
    .bind(tenant.companyId, externalId)
    .first<Row>();
// The skills the full-text index holds for a person: the skill tokens it matches, mapped back to names.
const byToken = new Map(allSkills().map((s) => [skillToken(s), s]));
const skillsOf = async (externalId: string) => {
  const row = await env.DB.prepare(`SELECT seq, skill_keys FROM talent_profiles WHERE company_id = ?1 AND external_id = ?2`)
    .bind(tenant.companyId, externalId).first<{ seq: number; skill_keys: string }>();
  const indexed = await env.DB.prepare(`SELECT rowid FROM talent_profiles_fts WHERE talent_profiles_fts MATCH ?1`)
    .bind(`skill_keys : (${row!.skill_keys.split(" ").filter(Boolean).join(" OR ") || '""'})`).all<{ rowid: number }>();
  if (!indexed.results.some((r) => r.rowid === row!.seq)) return [];
  return row!.skill_keys.split(" ").filter(Boolean).map((t) => byToken.get(t) ?? t).sort();
};

beforeAll(async () => {
  tenant = await createTenant();
  await importProfiles(tenant.key, [ada]);
});

describe("facts at import", () => {
  it("stores the occupation, level, place and skills a search filters on", async () => {
    const row = await rowOf("facts-ada");
    expect(row).toMatchObject({ country: "US", facts_version: FACTS_VERSION });
    expect(row?.occupation_family).not.toBeNull();
    expect(row?.seniority_rank).toBe(3); // senior
    expect(row?.lat).toBeCloseTo(37.8, 0);
    expect(await skillsOf("facts-ada")).toEqual(expect.arrayContaining(["go", "java", "kubernetes", "postgresql"]));
  });

  it("an upsert replaces the person's skills in the index instead of adding to them", async () => {
    await importProfiles(tenant.key, [{ ...ada, skills: [], experience: [{ title: "Backend Engineer", company: "X", startDate: "2020-01", description: "Rust services." }] }]);
    const skills = await skillsOf("facts-ada");
    expect(skills).toContain("rust");
    for (const gone of ["go", "java", "kubernetes", "postgresql"]) expect(skills).not.toContain(gone);
    await importProfiles(tenant.key, [ada]);
  });

  it("erasing a person erases their skills from the index", async () => {
    await importProfiles(tenant.key, [{ ...ada, externalId: "facts-erase" }]);
    const { id } = (await env.DB.prepare(`SELECT id FROM talent_profiles WHERE external_id = 'facts-erase'`).first<{ id: string }>())!;
    expect((await api(`/candidates/${id}`, { method: "DELETE", key: tenant.key })).status).toBe(200);
    const left = await env.DB.prepare(`SELECT count(*) AS n FROM talent_profiles_fts WHERE talent_profiles_fts MATCH ?1`)
      .bind(`tenant : "${tenant.companyId}" AND skill_keys : ${skillToken("go")}`).first<{ n: number }>();
    // Ada herself still has Go; the erased copy must not be among the matches any more.
    expect(left?.n).toBe(1);
  });
});

describe("re-deriving facts after a version change", () => {
  it("brings stale rows to FACTS_VERSION, and a second pass finds nothing to do", async () => {
    // A row as a migration leaves it: no facts yet.
    await env.DB.prepare(`UPDATE talent_profiles SET facts = NULL, facts_version = 0, occupation_family = NULL, skill_keys = '' WHERE external_id = 'facts-ada'`).run();
    expect(await skillsOf("facts-ada")).toEqual([]);
    const first = await rederiveStaleFacts(env.DB, 100);
    expect(first.updated).toBeGreaterThanOrEqual(1);
    expect(first.remaining).toBe(0);
    expect((await rowOf("facts-ada"))?.facts_version).toBe(FACTS_VERSION);
    expect(await skillsOf("facts-ada")).toContain("go");
    expect(await rederiveStaleFacts(env.DB, 100)).toEqual({ updated: 0, remaining: 0 });
  });

  it("never overwrites a row that an import rewrote in between (guarded by the version it read)", async () => {
    await env.DB.prepare(`UPDATE talent_profiles SET facts_version = 0 WHERE external_id = 'facts-ada'`).run();
    const stale = await readStaleFacts(env.DB, 100);
    expect(stale.length).toBeGreaterThanOrEqual(1);
    // The import lands between the read and the write: it moves Ada to Berlin with current facts.
    await importProfiles(tenant.key, [{ ...ada, location: "Berlin, Germany" }]);
    await writeRederivedFacts(env.DB, stale);
    expect((await rowOf("facts-ada"))?.country).toBe("DE");
    await importProfiles(tenant.key, [ada]);
  });

  it("is served to the operator as POST /admin/facts/rederive", async () => {
    await env.DB.prepare(`UPDATE talent_profiles SET facts_version = 0 WHERE external_id = 'facts-ada'`).run();
    const res = await api("/admin/facts/rederive", { method: "POST", headers: ADMIN, body: JSON.stringify({ limit: 10 }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, factsVersion: FACTS_VERSION, remaining: 0 });
    const denied = await api("/admin/facts/rederive", { method: "POST", json: { limit: 10 } });
    expect(denied.status).toBe(401);
  });
});

describe("skill tokens", () => {
  it("give every skill of the lexicon its own token, one the tokenizer keeps whole", () => {
    const tokens = allSkills().map(skillToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const t of tokens) expect(t).toMatch(/^k[0-9a-z]+0$/u);
  });
});
