import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { deriveIcp } from "../../src/pipeline/icp/derive-icp";
import { compileTalentPoolQuery, ftsPhrase, MAX_QUERY_TERMS } from "../../src/pipeline/query/compile-query";
import type { Icp } from "../../src/pipeline/types";
import { allJobs } from "./job-fixtures";

const baseIcp: Icp = {
  source: "rules",
  titles: ["backend engineer", "backend developer"],
  occupation: { id: "backend-engineer", name: "Backend Engineer" },
  seniority: "senior",
  seniorityRange: { min: "senior", max: "lead" },
  locationPolicy: { mode: "remote", places: [], remoteCountries: [], remoteRegions: [] },
  minYearsExperience: 5,
  mustHaveSkills: ["go", "postgresql"],
  mustHaveAlternatives: [],
  niceToHaveSkills: ["kafka", "terraform", "docker", "grpc", "redis", "helm", "aws"],
  locations: ["remote"],
  negativeKeywords: ["intern"],
  excludedOccupations: [],
};

/** The OR-ed phrases of an expression, unquoted again. */
function phrases(expression: string): string[] {
  return expression.split(" OR ").map((p) => p.slice(1, -1).replace(/""/g, '"'));
}

describe("ftsPhrase", () => {
  it.each([
    ["python", '"python"'],
    ["machine learning", '"machine learning"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ["", '""'],
    ["c++ AND NOT *", '"c++ AND NOT *"'],
    ["tab\there\u0000", '"tab here "'],
  ])("%j → %s", (text, phrase) => {
    expect(ftsPhrase(text)).toBe(phrase);
  });
});

describe("compileTalentPoolQuery", () => {
  it("OR-joins titles, must-haves, their aliases and a few nice-to-haves, every term quoted", () => {
    const expression = compileTalentPoolQuery(baseIcp);
    const terms = phrases(expression);
    expect(terms.slice(0, 4)).toEqual(["backend engineer", "backend developer", "go", "postgresql"]);
    expect(terms).toEqual(expect.arrayContaining(["golang", "postgres", "kafka", "redis"]));
    expect(terms).not.toContain("aws"); // only the first few nice-to-haves search
    expect(expression).toMatch(/^"[^"]*"( OR "[^"]*")*$/);
  });

  it.each<[string, string, string[], string[]]>([
    ["query words replace the titles", "fintech payments", ["fintech", "payments", "go", "postgresql"], ["backend engineer"]],
    ["stop-words are dropped", "looking for someone with strong experience in fintech", ["fintech"], ["looking", "with", "experience"]],
    ["skills in the query are kept whole", "machine learning and node.js", ["machine learning", "node.js"], []],
    ["a blank query changes nothing", "   ", ["backend engineer"], []],
  ])("%s", (_case, query, present, absent) => {
    const terms = phrases(compileTalentPoolQuery(baseIcp, query));
    expect(terms).toEqual(expect.arrayContaining(present));
    for (const term of absent) expect(terms).not.toContain(term);
  });

  it("falls back to the title words when nothing else is searchable", () => {
    const icp: Icp = { ...baseIcp, titles: ["ninja"], mustHaveSkills: [], niceToHaveSkills: [] };
    expect(compileTalentPoolQuery(icp, "the and of")).toBe('"ninja"');
  });

  it("is never empty, even for an ICP with nothing in it", () => {
    const icp: Icp = { ...baseIcp, titles: [], mustHaveSkills: [], niceToHaveSkills: [] };
    expect(compileTalentPoolQuery(icp, "!!!")).not.toBe("");
  });

  it("caps the number of terms and de-duplicates what FTS5 would read the same", () => {
    const many: Icp = { ...baseIcp, mustHaveSkills: allJobsSkills() };
    expect(phrases(compileTalentPoolQuery(many)).length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
    const terms = phrases(compileTalentPoolQuery({ ...baseIcp, mustHaveSkills: ["c", "c++", "c#"] }));
    expect(terms.filter((t) => ["c", "c++", "c#"].includes(t))).toEqual(["c"]);
  });

  it.each(Object.values(allJobs))("compiles a bounded expression for $title", (job) => {
    const expression = compileTalentPoolQuery(deriveIcp(job));
    expect(expression.length).toBeGreaterThan(2);
    expect(phrases(expression).length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
  });
});

function allJobsSkills(): string[] {
  return [...new Set(Object.values(allJobs).flatMap((j) => deriveIcp(j).mustHaveSkills.concat(deriveIcp(j).niceToHaveSkills)))];
}

describe("FTS5 syntax safety on the real engine", () => {
  beforeAll(async () => {
    await env.DB.prepare("CREATE VIRTUAL TABLE IF NOT EXISTS q_test USING fts5(body, tokenize='porter unicode61')").run();
    await env.DB.batch([
      env.DB.prepare("INSERT INTO q_test (body) VALUES (?)").bind("Senior backend engineer: Go, PostgreSQL, Kafka"),
      env.DB.prepare("INSERT INTO q_test (body) VALUES (?)").bind("ICU registered nurse with ACLS and BLS"),
      env.DB.prepare("INSERT INTO q_test (body) VALUES (?)").bind("Ingénieur logiciel à Zürich, C++ et Rust"),
    ]);
  });

  async function count(expression: string): Promise<number> {
    const row = await env.DB.prepare("SELECT count(*) AS n FROM q_test WHERE q_test MATCH ?").bind(expression).first<{ n: number }>();
    return row?.n ?? -1;
  }

  const hostile = [
    '"', '""', '"""', "'", "*", "^", ":", "(", ")", "()", "-", "+", "NEAR", "NEAR(a b, 2)", "AND", "OR", "NOT",
    "a AND OR NOT b", 'body:"x"', "{body}: x", "x*", "^x", "a + b", "c++ c# .net", "'; DROP TABLE q_test; --",
    "\u0000\u0001\u001f", "\ud800 lone surrogate", "emoji 🚀👩‍💻", "Zürich 東京 Москва", "\t\n\r", "x".repeat(5_000),
    '" OR "" OR *', "\\", "%_", "[a]", "{a b}",
  ];

  it.each(hostile)("runs %j as a query without a syntax error", async (query) => {
    const fromQuery = compileTalentPoolQuery(baseIcp, query);
    const fromTitle = compileTalentPoolQuery({ ...baseIcp, titles: [query], mustHaveSkills: [query], niceToHaveSkills: [query] });
    expect(await count(fromQuery)).toBeGreaterThanOrEqual(0);
    expect(await count(fromTitle)).toBeGreaterThanOrEqual(0);
  });

  it("finds what it should", async () => {
    expect(await count(compileTalentPoolQuery(baseIcp))).toBe(1);
    expect(await count(compileTalentPoolQuery(deriveIcp(allJobs.icuNurse)))).toBe(1);
    expect(await count(compileTalentPoolQuery(baseIcp, "zürich"))).toBe(2); // the query word, plus Go/PostgreSQL
  });

  it("holds for arbitrary strings", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 60 }), fc.string({ maxLength: 60 }), async (query, title) => {
        const expression = compileTalentPoolQuery({ ...baseIcp, titles: [title], mustHaveSkills: [title] }, query);
        expect(expression).not.toBe("");
        expect(await count(expression)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });
});
