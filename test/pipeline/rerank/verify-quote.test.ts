// Evidence a model cites is shown only when the profile says it: the quote check, case by case.
import { describe, expect, it } from "vitest";
import { profileSites, type TextSite } from "../../../src/pipeline/rerank/profile-text";
import { bareQuote, findQuote, foldWithMap } from "../../../src/pipeline/rerank/verify-quote";
import type { TalentProfile } from "../../../src/pipeline/types";

const profile: TalentProfile = {
  profileId: "prof_1", companyId: "c1", fullName: "Ana Souza",
  headline: "Senior Backend Engineer — Node.js & PostgreSQL",
  summary: "Built   payment\nAPIs at “Acme Pay”; led the migration to Kubernetes.",
  currentTitle: "Staff Engineer", currentCompany: "Acme Pay", location: "Oakland, CA",
  skills: ["Node.js", "PostgreSQL", "JavaScript"],
  experience: [
    { title: "Staff Engineer", company: "Acme Pay", startDate: "2020-01", description: 'Owns the "ledger" service. Cut p99 latency by 40%.' },
    { title: "Software Engineer", company: "Shopfront", startDate: "2016-03", endDate: "2019-12", description: "Java services on AWS." },
  ],
};
const sites = profileSites(profile);

describe("a quote is found", () => {
  it.each([
    { quote: "led the migration to Kubernetes", want: "led the migration to Kubernetes" },
    { quote: "LED THE MIGRATION TO KUBERNETES", want: "led the migration to Kubernetes" }, // case folded, the profile's spelling shown
    { quote: "Built payment APIs", want: "Built   payment\nAPIs" }, // whitespace runs folded, shown as written
    { quote: '"Acme Pay"', want: "Acme Pay" }, // the model's own quote marks are not part of it
    { quote: 'at "Acme Pay"; led', want: "at “Acme Pay”; led" }, // typographic quotes fold to plain ones, shown as the profile writes them
    { quote: 'Owns the "ledger" service', want: null }, // …but a passage holding plain double quotes cannot be shown between them
    { quote: "Senior Backend Engineer - Node.js", want: "Senior Backend Engineer — Node.js" }, // dashes folded
    { quote: "…Cut p99 latency by 40%…", want: "Cut p99 latency by 40%" }, // ellipses around it dropped
    { quote: "Ｎｏｄｅ.ｊｓ", want: "Node.js" }, // Unicode compatibility forms
  ])("$quote → $want", ({ quote, want }) => {
    expect(findQuote(sites, quote)).toBe(want);
  });
});

describe("a quote is dropped", () => {
  it.each([
    { name: "invented", quote: "10 years of Rust in production" },
    { name: "paraphrased", quote: "migrated the company to Kubernetes" },
    { name: "stitched from two fields", quote: "Staff Engineer Acme Pay" },
    { name: "a word cut in half (Java in JavaScript)", quote: "Java", sitesOverride: [{ where: "skill", text: "JavaScript" }] },
    { name: "the inside of a word", quote: "ava services" },
    { name: "too short to prove anything", quote: "AW" },
    { name: "only punctuation", quote: "— … —" },
    { name: "empty", quote: "" },
    { name: "longer than any passage shown", quote: "x".repeat(400) },
  ])("$name", ({ quote, sitesOverride }) => {
    expect(findQuote((sitesOverride as TextSite[] | undefined) ?? sites, quote)).toBeNull();
  });

  it("a whole word at the start or end of a field is found", () => {
    expect(findQuote([{ where: "skill", text: "Java" }], "java")).toBe("Java");
  });
});

describe("folding", () => {
  it("maps every folded unit back to the original span", () => {
    const text = "A  “B”\u2014c";
    const { folded, starts, ends } = foldWithMap(text);
    expect(folded).toBe('a "b"-c');
    expect(starts).toHaveLength(folded.length);
    expect(text.slice(starts[2], ends[4])).toBe("“B”");
  });

  it.each([
    { raw: '  "Node.js"  ', want: "Node.js" },
    { raw: "...led the team...", want: "led the team" },
    { raw: "“quoted”", want: "quoted" },
  ])("bareQuote($raw)", ({ raw, want }) => {
    expect(bareQuote(raw)).toBe(want);
  });
});
