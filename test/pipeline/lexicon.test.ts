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

  it("has grown to at least three times its first 427 skills", () => {
    expect(allSkills().length).toBeGreaterThanOrEqual(3 * 427);
    const domains = new Set(allSkills().map((s) => skillDomain(s)));
    for (const domain of ["pharmacy", "trades"]) expect(domains).toContain(domain);
  });

  it("resolves every surface form to the skill that lists it", () => {
    for (const entry of lexicon.skills) {
      for (const surface of [entry.name, ...entry.aliases]) expect(canonicalSkill(surface), `"${surface}"`).toBe(entry.name);
    }
  });

  it("lists every ambiguous form among the skill's own forms", () => {
    for (const entry of lexicon.skills) {
      const own = new Set([entry.name, ...entry.aliases].map(looseSkillKey));
      for (const surface of ("ambiguous" in entry ? entry.ambiguous : []) ?? []) {
        expect(own.has(looseSkillKey(surface)), `${entry.name}: "${surface}"`).toBe(true);
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
    ["nursing, more", "BLS, ACLS and PALS certified; telemetry, IV therapy, wound care and triage in Cerner", ["bls", "acls", "pals", "telemetry", "iv therapy", "wound care", "triage", "cerner"]],
    ["patient assessment", "Head-to-toe patient assessment and care plans", ["patient assessment", "care planning"]],
    ["pharmacy", "PharmD with sterile compounding (USP 797), medication therapy management and immunizations", ["pharmacy", "sterile compounding", "medication therapy management", "immunizations"]],
    ["accounting", "Own the month-end close, account reconciliation and SOX testing in NetSuite and QuickBooks", ["month-end close", "reconciliation", "sox compliance", "netsuite", "quickbooks"]],
    ["close as a verb", "close the gap and close to the team", []],
    ["close in a list", "Skills: close, reconciliations, IFRS", ["month-end close", "reconciliation", "ifrs"]],
    ["finance reporting", "Financial reporting under IFRS; budgeting and forecasting; tax preparation; audit", ["financial reporting", "ifrs", "forecasting", "tax preparation", "audit"]],
    ["sales, more", "Enterprise sales of SaaS: pipeline management in HubSpot and Salesforce, account management", ["enterprise sales", "pipeline management", "hubspot", "salesforce", "account management"]],
    ["marketing", "SEO, SEM and Google Ads; content marketing and email marketing in Marketo; Google Analytics", ["seo", "sem", "google ads", "content marketing", "email marketing", "marketo", "google analytics"]],
    ["design", "Prototyping and wireframing in Figma; user research, usability testing, design systems and interaction design", ["prototyping", "wireframing", "figma", "user research", "usability testing", "design systems", "interaction design"]],
    ["sketch the tool", "Design tools: Sketch, Adobe Creative Suite", ["sketch", "adobe creative suite"]],
    ["sketch the verb", "sketch out ideas with the team", []],
    ["recruiting", "Full-cycle recruiting and sourcing in Greenhouse, Lever and Workday; onboarding; HRIS; employee relations", ["full-cycle recruiting", "sourcing", "greenhouse", "lever", "workday", "onboarding", "hris", "employee relations"]],
    ["greenhouse and lever the words", "grew tomatoes in a greenhouse and pulled the lever", []],
    ["legal", "Litigation support: contract drafting, legal research on Westlaw and LexisNexis, e-discovery", ["litigation", "contract drafting", "legal research", "westlaw", "lexisnexis", "ediscovery"]],
    ["teaching", "Lesson planning, classroom management, curriculum development, differentiated instruction and special education", ["lesson planning", "classroom management", "curriculum development", "differentiated instruction", "special education"]],
    ["trades", "Journeyman electrician: NEC code, PLC programming, blueprint reading, MIG and TIG welding, HVAC systems, OSHA 30", ["electrician", "nec code", "plc programming", "blueprint reading", "mig welding", "tig welding", "hvac systems", "osha 30"]],
    ["engineering", "SolidWorks, AutoCAD, CATIA, ANSYS FEA, GD&T, MATLAB, Revit and Civil 3D", ["solidworks", "autocad", "catia", "ansys", "fea", "gd&t", "matlab", "revit", "civil 3d"]],
    ["operations", "Supply chain and inventory management; WMS; lean and six sigma", ["supply chain management", "inventory management", "wms", "lean", "six sigma"]],
    ["lean the verb", "lean into ambiguity", []],
    ["support", "Tickets in Zendesk and Intercom; CSAT above 95%", ["zendesk", "intercom", "customer satisfaction"]],
    ["epic the adjective", "an epic journey", []],
    ["excel in a finance list", "Tools: Excel, SAP, NetSuite", ["excel", "sap", "netsuite"]],
    ["empty", "", []],
    ["no skills", "We value kindness.", []],
  ])("%s", (_case, text, expected) => {
    expect(findSkillsInText(text)).toEqual(expected);
  });

  it("does not take the js of an unknown .js name", () => {
    expect(findSkillsInText("written with foo.js")).toEqual([]);
  });
});
