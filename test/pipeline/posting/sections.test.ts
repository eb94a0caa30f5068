import { describe, expect, it } from "vitest";
import { headingKind, isStackHeading, readSections, sentenceKind } from "../../../src/pipeline/icp/posting/sections";

describe("headingKind", () => {
  it.each([
    ["Requirements", "requirements"], ["What you'll bring", "requirements"], ["What we’re looking for", "requirements"],
    ["About you", "requirements"], ["You have", "requirements"], ["Must haves", "requirements"], ["Qualifications", "requirements"],
    ["Minimum qualifications", "requirements"], ["Who we're looking for", "requirements"], ["Your profile", "requirements"],
    ["Preferred qualifications", "nice"], ["Bonus points", "nice"], ["Nice to have", "nice"], ["Nice-to-haves", "nice"],
    ["It'd be great if", "nice"], ["Ideally you also have", "nice"],
    ["What you'll do", "duties"], ["Responsibilities", "duties"], ["Key responsibilities", "duties"], ["Your day-to-day", "duties"],
    ["Our stack", "duties"], ["Tech stack", "duties"],
    ["The role", "role"], ["About the role", "role"], ["The opportunity", "role"],
    ["About us", "company"], ["Who we are", "company"], ["About Brightloop", "company"], ["Life at Acme", "company"],
    ["Perks", "benefits"], ["Benefits", "benefits"], ["What we offer", "benefits"], ["Compensation", "benefits"], ["Why join us", "benefits"],
    ["Our process", "process"], ["Equal opportunity", "process"], ["How to apply", "process"],
    ["Location", "other"], ["Schedule", "other"],
  ])("%s → %s", (heading, kind) => {
    expect(headingKind(heading)).toBe(kind);
  });

  it.each(["Strong SQL skills", "Registered Nurse - ICU", "Go, Rust"])("%s is not a heading we know", (line) => {
    expect(headingKind(line)).toBeNull();
  });

  it("knows a stack heading", () => {
    expect(isStackHeading("Our stack")).toBe(true);
    expect(isStackHeading("What you'll do")).toBe(false);
    expect(isStackHeading(null)).toBe(false);
  });
});

describe("sentenceKind (text under no heading)", () => {
  it.each([
    ["You have 5+ years of experience with Python.", "requirements"],
    ["Experience with Kafka is a plus.", "nice"],
    ["Ideally you know Airflow.", "nice"],
    ["We're a fintech that helps 2,000 companies close their books.", "company"],
    ["Acme is the leading reconciliation platform.", "company"],
    ["Founded 20 years ago, Northwind runs 300 stores.", "company"],
    ["We offer a 401(k) match and 25 days of PTO.", "benefits"],
    ["Acme is an equal opportunity employer.", "process"],
    ["You'll build services in Go.", "duties"],
    ["Fernway is a travel marketplace, and we're hiring someone who will build models in Python.", "company"],
    ["Fernway is a travel marketplace, and you will build the models that set our fares.", "duties"],
    ["Design and build APIs.", "duties"],
    ["Mercy General Hospital is seeking an ICU nurse.", null],
    ["This is not a senior role.", null],
  ])("%s → %s", (sentence, kind) => {
    expect(sentenceKind(sentence)).toBe(kind);
  });
});

const kinds = (description: string) => readSections(description).map((s) => [s.kind, s.heading]);

describe("readSections", () => {
  it.each([
    { shape: "markdown", text: "## About us\nAcme builds payroll software.\n## Requirements\n- 3+ years of Go", want: [["company", "About us"], ["requirements", "Requirements"]] },
    { shape: "trailing colon", text: "Responsibilities:\n• Run payroll\nQualifications:\n• CPA", want: [["duties", "Responsibilities"], ["requirements", "Qualifications"]] },
    { shape: "capitals", text: "MINIMUM QUALIFICATIONS\n- Swift\nPREFERRED QUALIFICATIONS\n- SwiftUI", want: [["requirements", "MINIMUM QUALIFICATIONS"], ["nice", "PREFERRED QUALIFICATIONS"]] },
    { shape: "bold", text: "**The role**\nYou'll build dashboards.\n**Perks**\n* Slack", want: [["role", "The role"], ["benefits", "Perks"]] },
    { shape: "inline", text: "Requirements: Excel; GAAP.\nPreferred: CPA.", want: [["requirements", "Requirements"], ["nice", "Preferred"]] },
    { shape: "numbered", text: "Requirements:\n1) Forklift\n2) Lean is a plus", want: [["requirements", "Requirements"]] },
    { shape: "middle-dot bullets", text: "Nice to have\n· Kafka\n· dbt\nBenefits\n· Equity", want: [["nice", "Nice to have"], ["benefits", "Benefits"]] },
    {
      shape: "prose, one paragraph",
      text: "Acme is a fintech in Austin. You'll build APIs in Go. You have 3 years of Go experience. Kafka is a plus. We offer equity.",
      want: [["company", null], ["duties", null], ["requirements", null], ["nice", null], ["benefits", null]],
    },
    {
      shape: "opening company paragraph without a heading",
      text: "Ledgerly is the reconciliation platform for finance teams. Its products automate bank reconciliation.\n\nRequirements\n- SQL",
      want: [["company", null], ["requirements", "Requirements"]],
    },
    { shape: "label line is not a heading for what follows", text: "Location: London, UK\nWe use Python and SQL.", want: [["other", "Location"], ["duties", null]] },
    { shape: "EEO after requirements", text: "Requirements\n- SQL\n\nAcme is an equal opportunity employer.", want: [["requirements", "Requirements"], ["process", "Requirements"]] },
  ])("$shape", ({ text, want }) => {
    expect(kinds(text)).toEqual(want);
  });

  it("keeps one clause per line with bullets removed", () => {
    const [section] = readSections("Requirements\n• 5+ years of Go\n- Strong SQL; Kafka a plus");
    expect(section.text).toBe("5+ years of Go\nStrong SQL\nKafka a plus");
  });

  it("reads an empty description as no sections", () => {
    expect(readSections("")).toEqual([]);
  });
});
