import { describe, expect, it } from "vitest";
import { findSkillMentions, findSkillsInText } from "../../../src/pipeline/skills/lexicon";

describe("findSkillMentions", () => {
  it("quotes each mention where it occurs, repeats included", () => {
    const text = "AWS then GCP then aws again; Node.JS";
    expect(findSkillMentions(text)).toEqual([
      { canonical: "aws", start: 0, end: 3, text: "AWS" },
      { canonical: "gcp", start: 9, end: 12, text: "GCP" },
      { canonical: "aws", start: 18, end: 21, text: "aws" },
      { canonical: "node.js", start: 29, end: 36, text: "Node.JS" },
    ]);
  });

  it("takes the longest form at each place", () => {
    expect(findSkillMentions("month-end close and Salesforce Service Cloud").map((m) => [m.canonical, m.text])).toEqual([
      ["month-end close", "month-end close"],
      ["salesforce service cloud", "Salesforce Service Cloud"],
    ]);
  });

  it.each([
    "Firmware in C/C++ on ARM",
    "You will go above and beyond and go to meetings",
    "Current ACLS and BLS; 2 years ICU experience; Epic charting",
    "Registered Nurse with PALS, telemetry and IV therapy; charting in Cerner.",
    "Skills: Figma, Sketch, usability testing",
    "",
  ])("findSkillsInText is the unique canonicals of findSkillMentions: %j", (text) => {
    const mentions = findSkillMentions(text);
    expect(findSkillsInText(text)).toEqual([...new Set(mentions.map((m) => m.canonical))]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
