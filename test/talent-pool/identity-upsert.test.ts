// One person, one row: imports upsert by identity under a unique index, whether retried or racing.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { upsertProfiles } from "../../src/talent-pool/store";
import type { ProfileInput } from "../../src/pipeline/types";
import { createTenant, type TestTenant } from "../helpers";

let tenant: TestTenant;
beforeEach(async () => {
  tenant = await createTenant();
});

const rows = async () =>
  (await env.DB.prepare(`SELECT full_name AS name FROM talent_profiles WHERE company_id = ?1 ORDER BY full_name`).bind(tenant.companyId).all<{ name: string }>()).results;
// Entries of the full-text index for this tenant's rows (a duplicate row would add its own).
const ftsRows = async () =>
  (await env.DB.prepare(
    `SELECT count(*) AS n FROM talent_profiles_fts WHERE talent_profiles_fts MATCH 'full_name : (ada OR identifiers)'
       AND rowid IN (SELECT seq FROM talent_profiles WHERE company_id = ?1)`,
  ).bind(tenant.companyId).first<{ n: number }>())!.n;

describe("identity upserts", () => {
  it("a retried import of a person with no identifier at all updates the row its first attempt wrote", async () => {
    const anonymous: ProfileInput = { fullName: "No Identifiers", currentTitle: "Paralegal", location: "Brooklyn, NY" };
    expect(await upsertProfiles(env.DB, tenant.companyId, [anonymous])).toEqual({ imported: 1, updated: 0 });
    expect(await upsertProfiles(env.DB, tenant.companyId, [anonymous])).toEqual({ imported: 0, updated: 1 });
    expect(await rows()).toEqual([{ name: "No Identifiers" }]);
    expect(await ftsRows()).toBe(1);
  });

  it.each<[string, ProfileInput, ProfileInput]>([
    ["LinkedIn URL", { fullName: "Ada One", linkedinUrl: "https://www.linkedin.com/in/ada" }, { fullName: "Ada Two", linkedinUrl: "https://www.linkedin.com/in/ada" }],
    ["email", { fullName: "Ada One", emails: ["ada@example.com"] }, { fullName: "Ada Two", emails: ["ADA@example.com"] }],
    ["externalId", { fullName: "Ada One", externalId: "ats-1" }, { fullName: "Ada Two", externalId: "ats-1" }],
  ])("two imports racing on one %s leave one row, the later write's", async (_key, first, second) => {
    // Both imports read "no such person" before either writes: the unique index decides.
    await Promise.all([upsertProfiles(env.DB, tenant.companyId, [first]), upsertProfiles(env.DB, tenant.companyId, [second])]);
    const names = (await rows()).map((r) => r.name);
    expect(names).toHaveLength(1);
    expect(["Ada One", "Ada Two"]).toContain(names[0]);
    expect(await ftsRows()).toBe(1);
  });

  it("the same person twice in one import is one row; different people without identifiers stay apart", async () => {
    const a: ProfileInput = { fullName: "Same Person", externalId: "dup-1", currentTitle: "Nurse" };
    const result = await upsertProfiles(env.DB, tenant.companyId, [a, { ...a, currentTitle: "Registered Nurse" }, { fullName: "Other A" }, { fullName: "Other B" }]);
    expect(result).toEqual({ imported: 3, updated: 1 });
    expect((await rows()).map((r) => r.name)).toEqual(["Other A", "Other B", "Same Person"]);
    const title = await env.DB.prepare(`SELECT current_title AS t FROM talent_profiles WHERE company_id = ?1 AND external_id = 'dup-1'`).bind(tenant.companyId).first<{ t: string }>();
    expect(title?.t).toBe("Registered Nurse");
  });
});
