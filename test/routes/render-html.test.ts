// POST /sourcing/render-html through the real Worker: the per-entry result shape, request order,
// tenant isolation per entry, and the request-level rejections (400, 401, 403).
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, createTenant, errorOf, importProfiles, type TestTenant } from "../helpers";

type Entry = { profileId: string; success: boolean; name: string | null; htmlContent: string | null; errorCode?: string };
type RenderResult = { success: true; renderedCount: number; data: Entry[] };

let tenant: TestTenant;
let other: TestTenant;
let ada: string;
let grace: string;
let hostile: string;
let othersProfile: string;

async function profileIdOf(companyId: string, externalId: string): Promise<string> {
  const row = await env.DB.prepare(`SELECT id FROM talent_profiles WHERE company_id = ?1 AND external_id = ?2`)
    .bind(companyId, externalId).first<{ id: string }>();
  if (!row) throw new Error(`no profile ${externalId}`);
  return row.id;
}

const render = (key: string, json: unknown) => api("/sourcing/render-html", { method: "POST", key, json });

beforeAll(async () => {
  tenant = await createTenant();
  other = await createTenant();
  await importProfiles(tenant.key, [
    {
      externalId: "ada", fullName: "Ada Lovelace", headline: "Staff engineer", skills: ["TypeScript"],
      experience: [{ title: "Staff Engineer", company: "Analytical Engines", startDate: "2019-01" }],
      linkedinUrl: "https://www.linkedin.com/in/ada",
    },
    { externalId: "grace", fullName: "Grace Hopper" },
    { externalId: "eve", fullName: "<script>alert(1)</script>", headline: '"><img src=x onerror=alert(1)>' },
  ]);
  await importProfiles(other.key, [{ externalId: "bob", fullName: "Bob of Another Co" }]);
  ada = await profileIdOf(tenant.companyId, "ada");
  grace = await profileIdOf(tenant.companyId, "grace");
  hostile = await profileIdOf(tenant.companyId, "eve");
  othersProfile = await profileIdOf(other.companyId, "bob");
});

describe("rendering", () => {
  it("returns one rendered card per id, in request order", async () => {
    const res = await render(tenant.key, { profileIds: [grace, ada], theme: "dark" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = await res.json<RenderResult>();
    expect(body.success).toBe(true);
    expect(body.renderedCount).toBe(2);
    expect(body.data.map((d) => [d.profileId, d.success, d.name])).toEqual([[grace, true, "Grace Hopper"], [ada, true, "Ada Lovelace"]]);
    for (const entry of body.data) {
      expect(entry).not.toHaveProperty("errorCode");
      expect(entry.htmlContent).toMatch(/^<article [^>]*data-theme="dark"/);
    }
    const adaCard = body.data[1].htmlContent!;
    expect(adaCard).toContain('href="https://www.linkedin.com/in/ada" rel="noopener noreferrer"');
    expect(adaCard).toContain("Staff Engineer · Analytical Engines");
    expect(adaCard).toMatch(/2019-01 – present · \d+ yrs/);
  });

  it("uses the dark theme by default, as the contract says, and light when asked", async () => {
    const body = await (await render(tenant.key, { profileIds: [ada] })).json<RenderResult>();
    expect(body.data[0].htmlContent).toContain('data-theme="dark"');
    const light = await (await render(tenant.key, { profileIds: [ada], theme: "light" })).json<RenderResult>();
    expect(light.data[0].htmlContent).toContain('data-theme="light"');
  });

  it("escapes a hostile profile and includes no script", async () => {
    const body = await (await render(tenant.key, { profileIds: [hostile] })).json<RenderResult>();
    const [entry] = body.data;
    expect(entry.name).toBe("<script>alert(1)</script>"); // JSON carries the raw name; only the HTML escapes it
    expect(entry.htmlContent).not.toMatch(/<script|<img/i);
    expect(entry.htmlContent).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(entry.htmlContent).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("fails unknown ids and another company's ids per entry, still rendering the rest", async () => {
    const res = await render(tenant.key, { profileIds: ["prof_unknown", ada, othersProfile, grace] });
    expect(res.status).toBe(200);
    const body = await res.json<RenderResult>();
    expect(body.renderedCount).toBe(2);
    expect(body.data.map((d) => d.profileId)).toEqual(["prof_unknown", ada, othersProfile, grace]);
    for (const failed of [body.data[0], body.data[2]]) {
      expect(failed).toEqual({ profileId: failed.profileId, success: false, name: null, htmlContent: null, errorCode: "RESOURCE_NOT_FOUND" });
    }
    expect(JSON.stringify(body)).not.toContain("Bob of Another Co");
    expect([body.data[1].success, body.data[3].success]).toEqual([true, true]);
  });

  it("renders a repeated id at each of its positions", async () => {
    const body = await (await render(tenant.key, { profileIds: [ada, grace, ada] })).json<RenderResult>();
    expect(body.renderedCount).toBe(3);
    expect(body.data.map((d) => d.profileId)).toEqual([ada, grace, ada]);
    expect(body.data[0].htmlContent).toBe(body.data[2].htmlContent);
  });

  it("succeeds with zero rendered when no id is known", async () => {
    const body = await (await render(tenant.key, { profileIds: ["prof_nope"] })).json<RenderResult>();
    expect(body).toEqual({
      success: true, renderedCount: 0,
      data: [{ profileId: "prof_nope", success: false, name: null, htmlContent: null, errorCode: "RESOURCE_NOT_FOUND" }],
    });
  });
});

describe("rejections", () => {
  it.each([
    ["no ids", { profileIds: [] }, "profileIds"],
    ["11 ids", { profileIds: Array.from({ length: 11 }, (_, i) => `prof_${i}`) }, "profileIds"],
    ["missing profileIds", { theme: "dark" }, "profileIds"],
    ["an empty id", { profileIds: [""] }, "profileIds"],
    ["ids not strings", { profileIds: [1, 2] }, "profileIds"],
    ["unknown theme", { profileIds: ["prof_1"], theme: "sepia" }, "theme"],
  ])("400 VALIDATION_ERROR for %s", async (_name, json, path) => {
    const res = await render(tenant.key, json);
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err.error.code).toBe("VALIDATION_ERROR");
    const issues = err.error.details.issues as { path: string }[];
    expect(issues.some((i) => i.path.split(".")[0] === path)).toBe(true);
  });

  it("400 for malformed JSON", async () => {
    const res = await api("/sourcing/render-html", { method: "POST", key: tenant.key, body: "{", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error.code).toBe("VALIDATION_ERROR");
  });

  it("403 INSUFFICIENT_PERMISSIONS without enrich:write", async () => {
    const t = await createTenant({ scopes: ["sourcing:read", "sourcing:write", "candidates:read"] });
    const res = await render(t.key, { profileIds: [ada] });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).error).toMatchObject({ code: "INSUFFICIENT_PERMISSIONS", details: { requiredScope: "enrich:write" } });
  });

  it("401 INVALID_API_KEY without a key", async () => {
    const res = await api("/sourcing/render-html", { method: "POST", json: { profileIds: [ada] } });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).error.code).toBe("INVALID_API_KEY");
  });

  it("401 INVALID_API_KEY with an unknown key", async () => {
    const res = await render(`sk_test_${"A".repeat(38)}`, { profileIds: [ada] });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).error.code).toBe("INVALID_API_KEY");
  });
});
