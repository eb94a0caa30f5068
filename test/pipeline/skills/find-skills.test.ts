import { describe, expect, it } from "vitest";
import { createSkillFinder, type SurfaceForm } from "../../../src/pipeline/skills/find-skills";

// A small lexicon of the spellings the boundary and joiner rules are about; the real one is tested in
// lexicon.test.ts and skill-mentions.test.ts.
const forms: SurfaceForm[] = [
  ["c", "c", true],
  ["c++", "c++", false],
  ["c#", "c#", false],
  [".net", ".net", false],
  ["java", "java", false],
  ["javascript", "javascript", false],
  ["js", "javascript", false],
  ["node.js", "node.js", false],
  ["nodejs", "node.js", false],
  ["r", "r", true],
  ["ci/cd", "ci/cd", false],
  ["a/b testing", "hypothesis testing", false],
  ["objective-c", "objective-c", false],
  ["front-end", "frontend development", false],
  ["front end", "frontend development", false],
  ["machine learning", "machine learning", false],
  ["fp&a", "fp&a", false],
  ["go", "go", true],
].map(([surface, canonical, ambiguous]) => ({ surface, canonical, ambiguous }) as SurfaceForm);

const find = createSkillFinder(forms);
const canonicals = (text: string) => find(text).map((m) => m.canonical);

describe("createSkillFinder: boundaries", () => {
  it.each<[string, string, string[]]>([
    ["c is not the start of c++", "C++ and C++17", ["c++"]],
    ["c and c++ side by side", "C/C++", ["c", "c++"]],
    ["c# stays whole", "C#, C", ["c#", "c"]],
    [".net after a space", "ASP and .NET", [".net"]],
    [".net not inside a word", "VB.NET", []],
    ["java is not javascript", "JavaScript, Java", ["javascript", "java"]],
    ["java followed by a digit is not java", "Java8", []],
    ["js is not the end of foo.js", "foo.js", []],
    ["node.js whole", "Node.js.", ["node.js"]],
    ["r is not in R&D", "R&D", []],
    ["fp&a keeps its ampersand", "FP&A", ["fp&a"]],
    ["ci/cd whole", "CI/CD pipelines", ["ci/cd"]],
    ["a/b testing whole", "A/B testing", ["hypothesis testing"]],
    ["objective-c whole, not c", "Objective-C", ["objective-c"]],
    ["objective c with a space", "Objective C", ["objective-c"]],
    ["an underscore joins words", "my_java", []],
  ])("%s", (_case, text, expected) => {
    expect(canonicals(text)).toEqual(expected);
  });
});

describe("createSkillFinder: spaces and hyphens", () => {
  it.each<[string, string, string[]]>([
    ["a hyphen form finds no joiner", "frontend", ["frontend development"]],
    ["a hyphen form finds a space", "front end", ["frontend development"]],
    ["a space form finds a hyphen", "machine-learning", ["machine learning"]],
    ["a space form finds several spaces and a line break", "machine  \nlearning", ["machine learning"]],
    ["a space form needs a joiner", "machinelearning", []],
    ["a hyphen form takes at most one joiner", "Objective  C", []],
  ])("%s", (_case, text, expected) => {
    expect(canonicals(text)).toEqual(expected);
  });
});

describe("createSkillFinder: mentions", () => {
  it("gives every counted mention with its offsets, as written", () => {
    const text = "Go developer: C++, node.js and Go";
    expect(find(text)).toEqual([
      { canonical: "go", start: 0, end: 2, text: "Go" },
      { canonical: "c++", start: 14, end: 17, text: "C++" },
      { canonical: "node.js", start: 19, end: 26, text: "node.js" },
      { canonical: "go", start: 31, end: 33, text: "Go" },
    ]);
  });

  it("leaves out the mentions the ambiguity rules reject", () => {
    expect(find("go to the C-suite")).toEqual([]);
  });

  it("points into the text as given when NFKC changes it", () => {
    const text = "ＰＹＴＨＯＮ? no: ﬀ Ｃ＋＋ and Ｊａｖａ";
    const mentions = find(text);
    expect(mentions.map((m) => m.canonical)).toEqual(["c++", "java"]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(mentions.map((m) => m.text)).toEqual(["Ｃ＋＋", "Ｊａｖａ"]);
  });

  it("keeps offsets right after characters NFKC lengthens", () => {
    const text = "ﬃ ﬃ Java"; // each ligature is one UTF-16 unit and three letters after NFKC
    expect(find(text)).toEqual([{ canonical: "java", start: 4, end: 8, text: "Java" }]);
  });

  it("keeps offsets right around combining marks", () => {
    const text = "Expe\u0301rience en Java";
    expect(find(text)).toEqual([{ canonical: "java", start: 15, end: 19, text: "Java" }]);
  });

  it("finds nothing in empty or skill-free text", () => {
    expect(find("")).toEqual([]);
    expect(find("   \n  ")).toEqual([]);
    expect(find("We value kindness.")).toEqual([]);
  });
});
