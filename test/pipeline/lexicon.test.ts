import { describe, expect, it } from "vitest";
import lexicon from "../../src/pipeline/skills/lexicon.json";
import {
  allSkills,
  canonicalSkill,
  findSkillsInText,
  looseSkillKey,
  relatedSkills,
  skillAliases,
  skillDomain,
} from "../../src/pipeline/skills/lexicon";

describe("lexicon data", () => {
  it("covers many professions with hundreds of skills", () => {
    expect(allSkills().length).toBeGreaterThanOrEqual(300);
    const domains = new Set(allSkills().map((s) => skillDomain(s)));
    for (const domain of ["software", "data", "devops", "security", "design", "product", "sales", "marketing",
      "finance", "hr", "support", "healthcare", "legal", "operations", "teaching", "engineering", "project management"]) {
      expect(domains).toContain(domain);
    }
  });

  it("keeps canonical names lower case and unique", () => {
    const names = allSkills();
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toBe(name.toLowerCase());
  });

  it("never lets two skills share a spelling", () => {
    const owner = new Map<string, string>();
    for (const entry of lexicon.skills) {
      for (const surface of [entry.name, ...entry.aliases]) {
        const key = looseSkillKey(surface);
        expect(owner.get(key) ?? entry.name, `"${surface}"`).toBe(entry.name);
        owner.set(key, entry.name);
      }
    }
  });

  it("relates skills only to other known skills", () => {
    const names = new Set(allSkills());
    for (const name of names) {
      for (const related of relatedSkills(name)) {
        expect(names.has(related), `${name} → ${related}`).toBe(true);
        expect(related).not.toBe(name);
      }
    }
  });
});

describe("canonicalSkill", () => {
  it.each([
    ["Node", "node.js"],
    ["nodejs", "node.js"],
    ["Node.JS", "node.js"],
    ["node js", "node.js"],
    ["k8s", "kubernetes"],
    ["Kubernetes", "kubernetes"],
    ["golang", "go"],
    ["Go", "go"],
    ["C++", "c++"],
    ["cpp", "c++"],
    ["C#", "c#"],
    ["c", "c"],
    [".NET", ".net"],
    ["dotnet", ".net"],
    ["React.js", "react"],
    ["Postgres", "postgresql"],
    ["  • Python,  ", "python"],
    ["\"TypeScript\"", "typescript"],
    ["ACLS", "acls"],
    ["Advanced Cardiac Life Support", "acls"],
    ["ICU", "critical care"],
    ["Salesforce.com", "salesforce"],
    ["MS Excel", "excel"],
    ["FP&A", "fp&a"],
    ["Figma", "figma"],
    ["GAAP", "gaap"],
    ["AutoCAD", "autocad"],
    ["Forklift certified", "forklift"],
    ["ＰＹＴＨＯＮ", "python"], // full-width letters
  ])("%j → %j", (raw, canonical) => {
    expect(canonicalSkill(raw)).toBe(canonical);
  });

  it.each(["", "   ", "underwater basket weaving", "c+++", "!!!", "node.js.js"])("%j is unknown", (raw) => {
    expect(canonicalSkill(raw)).toBeNull();
  });
});

describe("skillAliases and relatedSkills", () => {
  it.each([
    ["node.js", ["node.js", "node", "nodejs"]],
    ["kubernetes", ["kubernetes", "k8s"]],
    ["critical care", ["critical care", "icu"]],
  ])("aliases of %j include %j, canonical first", (canonical, expected) => {
    const aliases = skillAliases(canonical);
    expect(aliases[0]).toBe(canonical);
    expect(aliases).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ["node.js", "javascript"],
    ["kubernetes", "docker"],
    ["critical care", "acls"],
    ["financial modeling", "excel"],
    ["figma", "prototyping"],
    ["salesforce", "crm"],
  ])("%j is related to %j", (canonical, related) => {
    expect(relatedSkills(canonical)).toContain(related);
  });

  it("returns empty lists for unknown skills", () => {
    expect(skillAliases("nope")).toEqual([]);
    expect(relatedSkills("nope")).toEqual([]);
  });
});

describe("findSkillsInText", () => {
  it.each<[string, string, string[]]>([
    ["a plain list", "Python, Go, Java and Rust", ["python", "go", "java", "rust"]],
    ["tricky punctuation", "We use C++, C#, .NET and Node.js daily.", ["c++", "c#", ".net", "node.js"]],
    ["c inside c++ is not c", "5 years of C++ and C++17", ["c++"]],
    ["c and c++ together", "Firmware in C/C++ on ARM", ["embedded systems", "c", "c++"]],
    ["java is not javascript", "JavaScript (not Java)", ["javascript", "java"]],
    ["golang alone", "We're a golang shop", ["go"]],
    ["go as a verb", "You will go above and beyond and go to meetings", []],
    ["go-to-market", "Own our go-to-market motion", ["go-to-market strategy"]],
    ["Go capitalised mid-sentence", "Our services are written in Go and deployed on Kubernetes", ["go", "kubernetes"]],
    ["Go with a tech follower", "Go developer with gRPC experience", ["go", "grpc"]],
    ["language header", "Languages: Go, Rust", ["go", "rust"]],
    ["excel at", "You will excel at building relationships", []],
    ["Excel the product", "Advanced knowledge of Excel and PowerPoint-level storytelling", ["excel"]],
    ["Excel in a list", "SQL, Excel, Tableau", ["sql", "excel", "tableau"]],
    ["r programming", "statistics in R or Python", ["statistics", "r", "python"]],
    ["R&D is not R", "Partner with R&D on roadmaps", ["roadmapping"]],
    ["swift the adjective", "a swift response to customers", []],
    ["Swift the language", "iOS apps in Swift and SwiftUI", ["ios", "swift"]],
    ["rust the noun", "remove rust from pipes", []],
    ["C-suite is not C", "Present to the C-suite", []],
    ["mL is not ML", "Administer 10 mL doses", []],
    ["react the verb", "react quickly to customer issues", []],
    ["React the library", "Build UIs with React and TypeScript", ["react", "typescript"]],
    ["hyphen and space spellings", "machine-learning and front end work", ["machine learning", "frontend development"]],
    ["repeats kept once, in order", "AWS then GCP then AWS again", ["aws", "gcp"]],
    ["nursing", "Current ACLS and BLS; 2 years ICU experience; Epic charting", ["acls", "bls", "critical care", "epic"]],
    ["sales", "Salesforce, MEDDIC, cold calling and negotiation", ["salesforce", "meddic", "cold calling", "negotiation"]],
    ["finance", "Build DCF models in Excel; FP&A under US GAAP", ["financial modeling", "excel", "fp&a", "gaap"]],
    ["warehouse", "WMS, forklift certified, OSHA, cycle counts", ["wms", "forklift", "osha", "inventory management"]],
    ["unicode text", "Expérience en Python et Kubernetes — très bien", ["python", "kubernetes"]],
    ["empty", "", []],
    ["no skills", "We value kindness.", []],
  ])("%s", (_case, text, expected) => {
    expect(findSkillsInText(text)).toEqual(expected);
  });

  it("does not take the js of an unknown .js name", () => {
    expect(findSkillsInText("written with foo.js")).toEqual([]);
  });
});
