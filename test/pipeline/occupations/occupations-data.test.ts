import { describe, expect, it } from "vitest";
import { allOccupations, classifyTitle, occupationById } from "../../../src/pipeline/occupations";
import { titleSegments } from "../../../src/pipeline/occupations/normalize-title";
import { occupationLineage } from "../../../src/pipeline/occupations/occupations";
import { readSeniority } from "../../../src/pipeline/occupations/seniority";
import { contentKey, expandHeadAbbreviation } from "../../../src/pipeline/occupations/title-index";

const occupations = allOccupations();

/** The spelling a variant is compared by: normalised, head abbreviation expanded, level words dropped. */
function variantKey(text: string): string {
  const raw = titleSegments(text).flat();
  const tokens = expandHeadAbbreviation(raw, readSeniority(raw).levelWord);
  return contentKey(tokens, readSeniority(tokens).levelWord);
}

describe("occupations.json", () => {
  it("covers 200+ occupations across tech and non-tech professions", () => {
    expect(occupations.length).toBeGreaterThanOrEqual(200);
    const domains = new Set(occupations.map((o) => o.domain));
    for (const d of ["software", "data", "design", "product", "sales", "marketing", "finance", "hr", "support", "healthcare",
      "legal", "education", "trades", "engineering", "operations", "admin", "hospitality"]) {
      expect(domains, d).toContain(d);
    }
  });

  it("has unique kebab-case ids and SOC 2018 detailed codes", () => {
    const ids = occupations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of occupations) expect(o.soc, o.id).toMatch(/^(1[1-9]|2[0-9]|3[0-9]|4[0-9]|5[0-3])-\d{4}$/u);
  });

  it("points parents, adjacency and management only at known occupations, without cycles", () => {
    for (const o of occupations) {
      for (const ref of [o.parent, ...o.adjacent, ...o.manages].filter((r): r is string => r !== undefined)) {
        expect(occupationById(ref), `${o.id} → ${ref}`).toBeDefined();
      }
      expect(o.adjacent, o.id).not.toContain(o.id);
      if (o.parent) expect(o.adjacent, `${o.id} lists its parent as adjacent`).not.toContain(o.parent);
      const lineage = occupationLineage(o.id);
      expect(new Set(lineage).size, o.id).toBe(lineage.length);
    }
  });

  it("gives each occupation 5–30 lower-case title variants without level words", () => {
    // Level words are read by the seniority rules; a variant may keep only those that belong to the
    // role itself ("tech lead", "charge nurse", "associate attorney", "staff accountant").
    const ROLE_BOUND = new Set(["lead", "leader", "staff", "associate", "charge"]);
    for (const o of occupations) {
      expect(o.titles.length, o.id).toBeGreaterThanOrEqual(5);
      expect(o.titles.length, o.id).toBeLessThanOrEqual(30);
      for (const t of [...o.titles, ...o.abbreviations]) {
        expect(t, o.id).toBe(t.toLowerCase().trim());
        const tokens = titleSegments(t).flat();
        const levelWords = tokens.filter((w, i) => readSeniority(tokens).levelWord[i] && !ROLE_BOUND.has(w));
        expect(levelWords, `${o.id}: "${t}"`).toEqual([]);
      }
    }
  });

  it("never lets two occupations share a spelling", () => {
    const owner = new Map<string, string>();
    for (const o of occupations) {
      for (const t of [...o.titles, ...o.abbreviations]) {
        const key = variantKey(t);
        expect(owner.get(key) ?? o.id, `"${t}" (${o.id}) is also ${owner.get(key)}`).toBe(o.id);
        owner.set(key, o.id);
      }
    }
  });

  it("classifies every variant and abbreviation as its own occupation", () => {
    // A variant naming a narrower occupation would be allowed ("a documented more specific one");
    // today there is none, so the property is exact.
    const misread: string[] = [];
    for (const o of occupations) {
      for (const t of [...o.titles, ...o.abbreviations]) {
        const id = classifyTitle(t).occupationId;
        if (id !== o.id) misread.push(`"${t}": ${o.id} read as ${id}`);
      }
    }
    expect(misread).toEqual([]);
  });

  it("names each field (department) once", () => {
    const owner = new Map<string, string>();
    for (const o of occupations) {
      for (const f of o.fields) {
        const key = variantKey(f);
        expect(owner.get(key) ?? o.id, `field "${f}"`).toBe(o.id);
        owner.set(key, o.id);
      }
    }
  });
});
