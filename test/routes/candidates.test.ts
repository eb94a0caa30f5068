// The talent pool: import (NDJSON and JSON), upsert rules, per-line rejections, limits, read and erasure.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, createTenant, errorOf, importProfiles, type TestTenant, validJob, waitForRun } from "../helpers";

let tenant: TestTenant;

const ndjson = (lines: unknown[]) => lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n");
const postImport = (key: string, body: string, type = "application/x-ndjson") =>
  api("/candidates/import", { method: "POST", key, body, headers: { "content-type": type } });

async function poolIds(companyId: string): Promise<{ id: string; full_name: string }[]> {
  return (await env.DB.prepare(`SELECT id, full_name FROM talent_profiles WHERE company_id = ? ORDER BY seq`).bind(companyId).all<{ id: string; full_name: string }>()).results;
}

const ada = {
  externalId: "ats-1", fullName: "Ada Lovelace", headline: "Senior Backend Engineer", currentTitle: "Senior Backend Engineer",
  skills: ["Node.js", "PostgreSQL", "Kubernetes"], location: "San Francisco, CA", emails: ["ada@example.com"],
  linkedinUrl: "https://www.linkedin.com/in/ada", experience: [{ title: "Senior Backend Engineer", company: "Analytical Engines", startDate: "2016-01", description: "Built payment APIs in Node.js on PostgreSQL." }],
};

beforeAll(async () => {
  tenant = await createTenant({ credits: 100 });
});

describe("POST /candidates/import", () => {
  it("keeps good lines and reports bad ones by line number", async () => {
    const t = await createTenant();
    const res = await postImport(t.key, ndjson([
      ada,
      "{not json",
      { fullName: "" },
      "",
      { fullName: "Grace Hopper", emails: ["not-an-email"] },
      { fullName: "Alan Turing", skills: ["Cryptanalysis"] },
    ]));
    expect(res.status).toBe(200);
    const body = await res.json<{ imported: number; updated: number; rejected: { line: number; error: string }[] }>();
    expect(body.imported).toBe(2);
    expect(body.updated).toBe(0);
    expect(body.rejected.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(body.rejected[0].error).toBe("not valid JSON");
    expect(body.rejected[1].error).toContain("fullName");
    expect(body.rejected[2].error).toContain("emails.0");
    expect((await poolIds(t.companyId)).map((p) => p.full_name)).toEqual(["Ada Lovelace", "Alan Turing"]);
  });

  it("accepts a JSON array, reporting positions as lines", async () => {
    const t = await createTenant();
    const res = await postImport(t.key, JSON.stringify([{ fullName: "A" }, { nope: 1 }, { fullName: "B" }]), "application/json");
    expect(await res.json()).toMatchObject({ imported: 2, updated: 0, rejected: [{ line: 2 }] });
  });

  it("upserts by externalId, then linkedinUrl, then first email", async () => {
    const t = await createTenant();
    await importProfiles(t.key, [
      ada,
      { fullName: "Bea", linkedinUrl: "https://www.linkedin.com/in/bea" },
      { fullName: "Cy", emails: ["cy@example.com", "cy2@example.com"] },
    ]);
    const again = await importProfiles(t.key, [
      { ...ada, fullName: "Ada King", linkedinUrl: "https://www.linkedin.com/in/someone-else" },
      { fullName: "Bea Updated", linkedinUrl: "https://www.linkedin.com/in/bea" },
      { fullName: "Cy Updated", emails: ["CY@example.com"] },
      { fullName: "Dee", emails: ["cy2@example.com"] }, // a second email is not an identity
    ]);
    expect(again).toMatchObject({ imported: 1, updated: 3 });
    expect((await poolIds(t.companyId)).map((p) => p.full_name)).toEqual(["Ada King", "Bea Updated", "Cy Updated", "Dee"]);
  });

  it("a repeated identity inside one import keeps the last line", async () => {
    const t = await createTenant();
    const res = await importProfiles(t.key, [{ ...ada, fullName: "First" }, { ...ada, fullName: "Second" }]);
    expect(res).toMatchObject({ imported: 1, updated: 1 });
    expect((await poolIds(t.companyId)).map((p) => p.full_name)).toEqual(["Second"]);
  });

  it("the same externalId in two companies are two people", async () => {
    const a = await createTenant();
    const b = await createTenant();
    await importProfiles(a.key, [ada]);
    expect(await importProfiles(b.key, [ada])).toMatchObject({ imported: 1, updated: 0 });
  });

  it("more than 5,000 profiles → 413 PAYLOAD_TOO_LARGE, nothing imported", async () => {
    const t = await createTenant();
    const res = await postImport(t.key, ndjson(Array.from({ length: 5001 }, (_, i) => ({ fullName: `P${i}` }))));
    expect(res.status).toBe(413);
    expect((await errorOf(res)).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await poolIds(t.companyId)).toHaveLength(0);
  });

  it("a body over 10 MB → 413 PAYLOAD_TOO_LARGE", async () => {
    const t = await createTenant();
    const line = JSON.stringify({ fullName: "Big", resumeText: "x".repeat(45_000) });
    const res = await postImport(t.key, ndjson(Array.from({ length: 240 }, () => line)));
    expect(res.status).toBe(413);
    expect((await errorOf(res)).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("an unsupported content type → 400", async () => {
    const res = await postImport(tenant.key, "fullName,Ada", "text/csv");
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error.code).toBe("VALIDATION_ERROR");
  });

  it("needs candidates:write", async () => {
    const reader = await createTenant({ scopes: ["candidates:read"] });
    expect((await postImport(reader.key, ndjson([ada]))).status).toBe(403);
  });
});

describe("GET and DELETE /candidates/{profileId}", () => {
  it("reads a profile; another company's is 404", async () => {
    await importProfiles(tenant.key, [ada]);
    const [{ id }] = await poolIds(tenant.companyId);
    const res = await api(`/candidates/${id}`, { key: tenant.key });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ profile: { profileId: id, fullName: "Ada Lovelace", skills: ada.skills } });
    const other = await createTenant();
    expect((await api(`/candidates/${id}`, { key: other.key })).status).toBe(404);
    expect((await api(`/candidates/${id}`, { method: "DELETE", key: other.key })).status).toBe(404);
    expect((await api(`/candidates/${id}`, { key: tenant.key })).status).toBe(200);
  });

  it("erases a person from the pool, the search index and every stored result", async () => {
    const t = await createTenant({ credits: 50 });
    await importProfiles(t.key, [ada, { ...ada, externalId: "ats-2", fullName: "Bob Backend", emails: ["bob@example.com"], linkedinUrl: "https://www.linkedin.com/in/bob" }]);
    const { requestId } = await (await api("/sourcing", { method: "POST", key: t.key, json: { ...validJob, limit: 5 } })).json<{ requestId: string }>();
    const before = (await waitForRun(t.key, requestId)) as { candidates: { profileId: string; name: string }[] };
    const victim = before.candidates.find((c) => c.name === "Ada Lovelace")!;
    expect(victim).toBeDefined();

    const del = await api(`/candidates/${victim.profileId}`, { method: "DELETE", key: t.key });
    expect(del.status).toBe(200);
    expect((await api(`/candidates/${victim.profileId}`, { key: t.key })).status).toBe(404);
    const after = (await (await api(`/sourcing/${requestId}/results`, { key: t.key })).json()) as { candidates: { profileId: string }[] };
    expect(after.candidates.map((c) => c.profileId)).not.toContain(victim.profileId);
    const fts = await env.DB.prepare(`SELECT COUNT(*) AS n FROM talent_profiles_fts WHERE talent_profiles_fts MATCH ?`)
      .bind(`tenant : "${t.companyId}" AND "lovelace"`).first<{ n: number }>();
    expect(fts?.n).toBe(0);
    const { requestId: second } = await (await api("/sourcing", { method: "POST", key: t.key, json: { ...validJob, limit: 5 } })).json<{ requestId: string }>();
    const rerun = (await waitForRun(t.key, second)) as { candidates: { name: string }[] };
    expect(rerun.candidates.map((c) => c.name)).toEqual(["Bob Backend"]);
    expect((await api(`/candidates/${victim.profileId}`, { method: "DELETE", key: t.key })).status).toBe(404);
  });
});
