import { describe, it, expect, beforeAll } from "vitest";
import { generateDemoPool, DEMO_PROFESSIONS } from "../../scripts/demo-pool.mjs";
import professionsData from "../../scripts/demo-professions.json";
import { ProfileInput } from "../../src/pipeline/types";

type Profession = { id: string; titles: Record<string, string[]> };
const professions = (professionsData as { professions: Profession[] }).professions;

const YM = /^(\d{4})-(\d{2})$/;
const LATEST = "2026-10";

describe("demo talent pool", () => {
  let pool: ProfileInput[];
  beforeAll(() => {
    pool = generateDemoPool({ count: 5000, seed: 42 });
  });

  it("has the requested size and stable ids", () => {
    expect(pool).toHaveLength(5000);
    pool.forEach((p, i) => expect(p.externalId).toBe(`demo-${i + 1}`));
  });

  it("is deterministic: same seed gives identical output, a prefix does not depend on count", () => {
    const again = generateDemoPool({ count: 5000, seed: 42 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(pool));
    expect(generateDemoPool({ count: 50, seed: 42 })).toEqual(pool.slice(0, 50));
    expect(generateDemoPool()).toHaveLength(5000);
  });

  it("differs for a different seed", () => {
    const other = generateDemoPool({ count: 50, seed: 7 });
    const same = other.filter((p, i) => JSON.stringify(p) === JSON.stringify(pool[i])).length;
    expect(same).toBe(0);
    expect(other.map((p) => p.fullName)).not.toEqual(pool.slice(0, 50).map((p) => p.fullName));
  });

  it("every profile passes ProfileInput", () => {
    const bad = pool
      .map((p, i) => ({ i, r: ProfileInput.safeParse(p) }))
      .filter(({ r }) => !r.success)
      .slice(0, 3)
      .map(({ i, r }) => ({ i, issues: r.error?.issues }));
    expect(bad).toEqual([]);
  });

  it("has unique externalIds, linkedinUrls and primary emails", () => {
    expect(new Set(pool.map((p) => p.externalId)).size).toBe(pool.length);
    expect(new Set(pool.map((p) => p.linkedinUrl)).size).toBe(pool.length);
    expect(new Set(pool.map((p) => p.emails![0])).size).toBe(pool.length);
    for (const p of pool) expect(p.linkedinUrl).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]+-\d+$/);
  });

  it("represents every profession at least 150 times", () => {
    expect(professions.length).toBeGreaterThanOrEqual(20);
    expect(DEMO_PROFESSIONS.map((p) => p.id)).toEqual(professions.map((p) => p.id));
    // The current title identifies the profession (titles are unique to one profession or shared
    // only as executive titles; attribute by the profession whose ladder holds the title).
    const counts = new Map<string, number>();
    for (const p of pool) {
      const owners = professions.filter((pr) => Object.values(pr.titles).some((ts) => ts.includes(p.currentTitle!)));
      expect(owners.length, p.currentTitle).toBeGreaterThan(0);
      for (const o of owners) counts.set(o.id, (counts.get(o.id) ?? 0) + 1 / owners.length);
    }
    for (const pr of professions) expect(counts.get(pr.id) ?? 0, pr.id).toBeGreaterThanOrEqual(150);
  });

  it("spreads seniority from junior to executive", () => {
    const levelOf = (title: string) => {
      for (const pr of professions) for (const [lvl, ts] of Object.entries(pr.titles)) if (ts.includes(title)) return lvl;
      return "unknown";
    };
    const levels = new Map<string, number>();
    for (const p of pool) levels.set(levelOf(p.currentTitle!), (levels.get(levelOf(p.currentTitle!)) ?? 0) + 1);
    for (const lvl of ["junior", "mid", "senior", "lead", "principal", "executive"]) expect(levels.get(lvl) ?? 0, lvl).toBeGreaterThan(200);
  });

  it("has ordered experience dates, none after 2026-10 or in the future", () => {
    const now = new Date();
    const nowYm = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
    const limit = LATEST < nowYm ? LATEST : nowYm;
    for (const p of pool) {
      const exp = p.experience!;
      expect(exp.length).toBeGreaterThanOrEqual(1);
      expect(exp.length).toBeLessThanOrEqual(5);
      expect(exp[0].endDate, p.externalId).toBeUndefined();
      expect(exp[0].title).toBe(p.currentTitle);
      expect(exp[0].company).toBe(p.currentCompany);
      exp.forEach((e, j) => {
        expect(e.startDate, p.externalId).toMatch(YM);
        expect(e.startDate! <= limit, p.externalId).toBe(true);
        if (j > 0) {
          expect(e.endDate, p.externalId).toMatch(YM);
          expect(e.startDate! <= e.endDate!, p.externalId).toBe(true);
          expect(e.endDate! <= exp[j - 1].startDate!, p.externalId).toBe(true); // newest first, no overlap
        }
        const sentences = e.description!.split(/(?<=\.)\s+/).length;
        expect(sentences).toBeGreaterThanOrEqual(1);
        expect(sentences).toBeLessThanOrEqual(3);
      });
      for (const ed of p.education!) if (ed.endYear !== undefined) expect(ed.endYear).toBeLessThanOrEqual(now.getUTCFullYear());
      expect(p.education!.length).toBeGreaterThanOrEqual(1);
      expect(p.education!.length).toBeLessThanOrEqual(2);
    }
  });

  it("uses only example.* email domains", () => {
    for (const p of pool) {
      expect(p.emails!.length).toBeGreaterThanOrEqual(1);
      expect(p.emails!.length).toBeLessThanOrEqual(2);
      for (const e of p.emails!) expect(e).toMatch(/^[a-z.]+\d+@example\.(com|org|net)$/);
    }
  });

  it("looks like a varied, realistic pool", () => {
    const remote = pool.filter((p) => p.location === "Remote").length / pool.length;
    expect(remote).toBeGreaterThan(0.1);
    expect(remote).toBeLessThan(0.2);
    for (const p of pool) {
      expect(p.skills!.length).toBeGreaterThanOrEqual(5);
      expect(p.skills!.length).toBeLessThanOrEqual(12);
      expect(new Set(p.skills).size).toBe(p.skills!.length);
      if (p.location !== "Remote") {
        if (p.country === "United States") expect(p.location).toMatch(/^[A-Za-z. ]+, [A-Z]{2}$/);
        else expect(p.location!.endsWith(`, ${p.country}`)).toBe(true);
      }
      const sentences = p.summary!.split(/(?<!\bSt)\.\s+/).length;
      expect(sentences).toBeGreaterThanOrEqual(2);
      expect(sentences).toBeLessThanOrEqual(3);
      expect(p.skills!.slice(0, 3).every((s) => p.summary!.includes(s))).toBe(true);
      expect(JSON.stringify(p)).not.toMatch(/\{[a-z0-9]+\}/); // no unfilled template placeholders
    }
    expect(new Set(pool.map((p) => p.country)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(pool.map((p) => p.fullName)).size).toBeGreaterThan(4500);
    const withResume = pool.filter((p) => p.resumeText).length;
    expect(withResume).toBeGreaterThan(200);
    expect(withResume).toBeLessThan(1000);
  });

  it("fits the NDJSON size budget", () => {
    const bytes = new TextEncoder().encode(pool.map((p) => JSON.stringify(p)).join("\n") + "\n").length;
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
  });
});
