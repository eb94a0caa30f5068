// Exclusions are kept as digests (pure rules): equal identities meet, nothing plain is kept, and a
// run stored before digests existed is matched the same way.
import { describe, expect, it } from "vitest";
import { applyExclusions, digestExclusions, hitDigests } from "../../src/pipeline/exclusions";
import type { SourceHit } from "../../src/pipeline/sources/source";

const hit = (profileId: string, emails: string[] = [], linkedinUrl: string | null = null): SourceHit => ({ profileId, emails, linkedinUrl });

async function kept(companyId: string, hits: SourceHit[], exclude: Parameters<typeof digestExclusions>[1], alreadyScored: string[] = []) {
  const stored = await digestExclusions(companyId, exclude);
  const digested = await Promise.all(hits.map(async (h) => ({ ...h, ...(await hitDigests(companyId, h, stored)) })));
  return applyExclusions(digested, stored, new Set(alreadyScored)).map((h) => h.profileId);
}

describe("digestExclusions", () => {
  it("keeps profile ids, and emails and URLs only as digests of their normalised form", async () => {
    const stored = await digestExclusions("co_1", { profileIds: ["p1"], emails: [" Ada@Example.com "], linkedinUrls: ["https://www.linkedin.com/in/Ada/"] });
    expect(stored).toEqual({ profileIds: ["p1"], emailDigests: [expect.any(String)], linkedinUrlDigests: [expect.any(String)] });
    expect(JSON.stringify(stored).toLowerCase()).not.toMatch(/ada/);
    expect(await digestExclusions("co_1", { emails: ["ada@example.com"], linkedinUrls: ["linkedin.com/in/ada"] }))
      .toEqual({ emailDigests: stored!.emailDigests, linkedinUrlDigests: stored!.linkedinUrlDigests });
  });

  it("is safe to apply twice, and turns a legacy plain list into digests", async () => {
    const once = await digestExclusions("co_1", { emails: ["ada@example.com"] });
    expect(await digestExclusions("co_1", once)).toEqual(once);
    const mixed = await digestExclusions("co_1", { ...once, emails: ["bob@example.com"] });
    expect(mixed?.emailDigests).toHaveLength(2);
    expect(mixed).not.toHaveProperty("emails");
  });

  it("digests per company: the same email of two tenants never shares a digest", async () => {
    const a = await digestExclusions("co_1", { emails: ["ada@example.com"] });
    const b = await digestExclusions("co_2", { emails: ["ada@example.com"] });
    expect(a?.emailDigests).not.toEqual(b?.emailDigests);
  });

  it("stores nothing for no exclusions", async () => {
    expect(await digestExclusions("co_1", undefined)).toBeUndefined();
    expect(await digestExclusions("co_1", { emails: [] })).toEqual({});
  });
});

describe("applyExclusions over digests", () => {
  const hits = [
    hit("p1"),
    hit("p2", ["Ada@Example.com"]),
    hit("p3", [], "https://linkedin.com/in/bob?trk=x"),
    hit("p4", ["carol@example.com"], "https://www.linkedin.com/in/carol"),
    hit("p5"),
  ];

  it.each([
    { name: "by profile id", exclude: { profileIds: ["p1"] }, expected: ["p2", "p3", "p4", "p5"] },
    { name: "by email, whatever its case and spaces", exclude: { emails: [" ada@example.COM"] }, expected: ["p1", "p3", "p4", "p5"] },
    { name: "by LinkedIn URL, whatever its form", exclude: { linkedinUrls: ["www.linkedin.com/in/Bob/"] }, expected: ["p1", "p2", "p4", "p5"] },
    { name: "by email and id together", exclude: { emails: ["carol@example.com"], profileIds: ["p5"] }, expected: ["p1", "p2", "p3"] },
    { name: "nobody for nothing excluded", exclude: undefined, expected: ["p1", "p2", "p3", "p4", "p5"] },
  ])("drops $name", async ({ exclude, expected }) => {
    expect(await kept("co_1", hits, exclude)).toEqual(expected);
  });

  it("drops people already scored in an earlier round", async () => {
    expect(await kept("co_1", hits, undefined, ["p2", "p4"])).toEqual(["p1", "p3", "p5"]);
  });

  it("a digest of another company matches nobody", async () => {
    const foreign = await digestExclusions("co_2", { emails: ["ada@example.com"] });
    expect(await kept("co_1", hits, foreign)).toEqual(["p1", "p2", "p3", "p4", "p5"]);
  });
});
