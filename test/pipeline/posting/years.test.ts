import { describe, expect, it } from "vitest";
import { readSections } from "../../../src/pipeline/icp/posting/sections";
import { readYearsRequired } from "../../../src/pipeline/icp/posting/years";

const years = (description: string) => {
  const { min, max } = readYearsRequired(readSections(description));
  return { min, max };
};

describe("readYearsRequired", () => {
  it.each([
    { rule: "N+ years", text: "Requirements\n- 5+ years of backend experience", min: 5, max: null },
    { rule: "a range", text: "Requirements\n- 3-5 years of B2B sales experience", min: 3, max: 5 },
    { rule: "a range in words", text: "Requirements\n- three to five years of experience", min: 3, max: 5 },
    { rule: "the largest firm requirement", text: "Requirements\n- 5 years of warehouse experience including 2 years supervising", min: 5, max: null },
    { rule: "company age is ignored", text: "About us\nFounded 20 years ago.\nRequirements\n- 2+ years of experience", min: 2, max: null },
    { rule: "company age in an opening sentence is ignored", text: "Founded 20 years ago, Northwind runs 300 stores.", min: null, max: null },
    { rule: "benefits vesting is ignored", text: "Requirements\n- 2 years of teaching experience\nWe offer a pension after 10 years of service.", min: 2, max: null },
    { rule: "benefits under their heading are ignored", text: "Benefits\n- Equity after 2 years of service", min: null, max: null },
    { rule: "nice years only without firm ones", text: "Requirements\n- 8+ years of software engineering\n- Ideally 10+ years of experience", min: 8, max: null },
    { rule: "nice years when nothing firm", text: "Ideally you have 5+ years in supply chain management.", min: 5, max: null },
    { rule: "minimum of words", text: "Qualifications:\n• Minimum of two years of acute care experience, ICU preferred", min: 2, max: null },
    { rule: "nothing stated", text: "Requirements\n- A valid teaching license", min: null, max: null },
    { rule: "N or more years", text: "Requirements\n- Around three or more years of professional frontend work", min: 3, max: null },
    { rule: "years doing the work", text: "Who you are\nA recruiter with 3+ years hiring software engineers.", min: 3, max: null },
    { rule: "an award is not experience", text: "Requirements\n- Voted best workplace 3 years running", min: null, max: null },
  ])("$rule", ({ text, min, max }) => {
    expect(years(text)).toEqual({ min, max });
  });

  it("keeps the clause as evidence", () => {
    expect(readYearsRequired(readSections("Requirements\n- 3-5 years of sales experience")).evidence).toBe("3-5 years of sales experience");
  });
});
