import { describe, expect, it } from "vitest";
import { readSections } from "../../../src/pipeline/icp/posting/sections";
import { MAX_POSTING_MUST_HAVES, alternativesIn, isMeansOfWork, readSkillRequirements } from "../../../src/pipeline/icp/posting/skill-requirements";

const read = (description: string, leading: string[] = [], excluded: string[] = []) =>
  readSkillRequirements(readSections(description), { leading, excluded });

describe("readSkillRequirements by section", () => {
  it.each([
    { rule: "requirements are must-haves", text: "Requirements\n- Strong SQL\n- Python", must: ["sql", "python"], nice: [] },
    { rule: "nice section is nice", text: "Requirements\n- SQL\nNice to have\n- dbt", must: ["sql"], nice: ["dbt"] },
    { rule: "'is a plus' inside requirements", text: "Requirements\n- SQL\n- Kafka is a plus", must: ["sql"], nice: ["kafka"] },
    { rule: "'ideally' after a comma", text: "Requirements\n- 5+ years of Python, ideally with Airflow", must: ["python"], nice: ["airflow"] },
    { rule: "a plus in an aside", text: "What you bring:\n- Proficient with Salesforce (MEDDIC a plus)", must: ["salesforce"], nice: ["meddic"] },
    { rule: "trailing plus after a firm part", text: "Requirements\n- Minimum of two years of nursing, ICU preferred", must: ["nursing"], nice: ["critical care"] },
    { rule: "a list ending in 'a plus' is nice as a whole", text: "Requirements\n- SQL\n- React, Redux and TypeScript are a plus", must: ["sql"], nice: ["react", "redux", "typescript"] },
    { rule: "duties: the means of the work is nice", text: "What you'll do\n- Build services in Golang on Kubernetes\nRequirements\n- SQL", must: ["sql"], nice: ["go", "kubernetes"] },
    { rule: "duties: incidental nouns are nothing", text: "What you'll do\n- Partner with sales on B2B campaigns\n- Work with the data visualization team\nRequirements\n- Figma", must: ["figma"], nice: [] },
    { rule: "company blurb is nothing", text: "About us\nAcme builds reconciliation and payroll software.\nRequirements\n- Microsoft Excel", must: ["excel"], nice: [] },
    { rule: "benefits naming tools are nothing", text: "Requirements\n- Python\nPerks\n- Slack, Notion and Jira licenses", must: ["python"], nice: [] },
    { rule: "process is nothing", text: "Requirements\n- Java\nOur process\nA take-home exercise in Python.", must: ["java"], nice: [] },
    { rule: "stack lists are the environment", text: "Our stack\nPostgreSQL, Redis, AWS\nAbout you\n- Ruby on Rails", must: ["ruby on rails"], nice: ["postgresql", "redis", "aws"] },
    { rule: "no requirements part: the means are must-haves", text: "Looking for someone to build our dashboard in React and TypeScript.", must: ["react", "typescript"], nice: [] },
    { rule: "industry adjective is not a skill", text: "Requirements\n- 4+ years of product management in B2B SaaS", must: ["product management"], nice: [] },
    { rule: "but B2B sales is", text: "Requirements\n- 3 years of B2B SaaS sales", must: ["b2b sales", "saas sales"], nice: [] },
    { rule: "'is an asset' is nice", text: "Requirements\n- Strong Excel\n- A Salesforce certification is an asset", must: ["excel"], nice: ["salesforce"] },
    { rule: "'would be lovely' is nice", text: "Requirements\n- Swift and UIKit; Core Data would be lovely", must: ["swift", "uikit"], nice: ["core data"] },
    { rule: "one tool 'or similar' stands for its kind", text: "Requirements\n- Strong SQL\n- Jira or similar", must: ["sql"], nice: ["jira"] },
    { rule: "examples in an aside illustrate, they are not required", text: "Requirements\n- Strong SQL\n- You know a cloud (AWS, GCP, Azure)", must: ["sql"], nice: ["aws", "gcp", "azure"] },
    { rule: "'e.g.' opens examples", text: "Requirements\n- Python\n- Reporting (e.g. Tableau)", must: ["python"], nice: ["tableau"] },
    { rule: "a credential in an aside is still required", text: "Requirements\n- A nursing degree (BSN)", must: ["nursing"], nice: [] },
    { rule: "requirements naming no skill: the means stand in", text: "What you'll do\n- Build models in Python\nRequirements\n- 5+ years, comfortable explaining a model to a product manager", must: ["python"], nice: [] },
    { rule: "'or comparable' offers its own list item, not the sentence", text: "Requirements\n- Three years of litigation at a firm, hands-on Relativity (or comparable platform) experience, and strong Westlaw", must: ["litigation", "westlaw"], nice: ["e-discovery platforms"] },
    { rule: "a list before 'or similar' is one group", text: "Requirements\n- Dayforce, ADP or similar\n- Strong Excel", must: ["excel", "dayforce", "adp"], nice: [] },
    { rule: "the people the work is for are no skill", text: "Requirements\n- Python\n- You explain a model to a product manager and work alongside nurses", must: ["python"], nice: [] },
    { rule: "an adjectived responsibilities heading is duties", text: "Qualifications:\n- Python\nMajor responsibilities:\n- Plan lessons in Google Classroom", must: ["python"], nice: ["google classroom"] },
  ])("$rule", ({ text, must, nice }) => {
    const reading = read(text);
    expect(reading.mustHave).toEqual(must);
    expect(reading.niceToHave).toEqual(nice);
  });

  it("puts leading skills first and never demotes them", () => {
    const reading = read("Nice to have\n- Go\n- Kafka", ["go"]);
    expect(reading.mustHave).toEqual(["go"]);
    expect(reading.niceToHave).toEqual(["kafka"]);
    expect(reading.evidence.go).toBe("job title or query");
  });

  it("drops skills the query excludes", () => {
    expect(read("Requirements\n- Java\n- Kotlin", ["kotlin"], ["java"]).mustHave).toEqual(["kotlin"]);
  });

  it("caps must-haves, keeping the firm ones and moving the rest to nice", () => {
    const tools = "Snowflake, BigQuery, Redshift, Databricks, dbt, Kafka, Docker, Kubernetes, Terraform, AWS, GCP, Azure, Tableau, Looker";
    const reading = read(`Requirements\n- ${tools}\n- Must have expert SQL\n- 5+ years of Python`);
    expect(reading.mustHave).toHaveLength(MAX_POSTING_MUST_HAVES);
    expect(reading.mustHave.slice(0, 2)).toEqual(["sql", "python"]);
    expect(reading.niceToHave).toEqual(expect.arrayContaining(["tableau", "looker"]));
  });

  it("keeps the clause each skill was read from", () => {
    const { evidence } = read("Requirements\n- Strong SQL\nNice to have\n- dbt is a plus");
    expect(evidence).toEqual({ sql: "Strong SQL", dbt: "dbt is a plus" });
  });
});

describe("isMeansOfWork", () => {
  it.each([
    ["go", "Build services in Golang on Kubernetes", true],
    ["kubernetes", "Build services in Go on Kubernetes", true],
    ["epic", "Document in Epic", true],
    ["salesforce", "Track every deal using Salesforce", true],
    ["b2b sales", "Partner with sales on B2B campaigns", false],
    ["data visualization", "Work with the data visualization team", false],
    ["variance analysis", "Run monthly variance analysis", false],
    ["seo", "Work with the SEO agency on campaigns", false],
  ])("%s in %j → %s", (skill, clause, want) => {
    expect(isMeansOfWork(skill, clause)).toBe(want);
  });
});

describe("what a posting rules out is never wanted", () => {
  it.each([
    ["Requirements:\n- 3+ years of recruiting\n- This is not an HR generalist role.", "hr generalist", "recruiting"],
    ["Who you are\nYou source with LinkedIn Recruiter, and this is not an HR generalist role.", "hr generalist", "linkedin recruiter"],
    ["Requirements:\n- Strong Python\n- You are not expected to run Kubernetes yourself.", "kubernetes", "python"],
  ])("%j drops %s and keeps %s", (description, dropped, kept) => {
    const reading = readSkillRequirements(readSections(description), { leading: [] });
    expect(reading.mustHave).toContain(kept);
    expect([...reading.mustHave, ...reading.niceToHave]).not.toContain(dropped);
  });
});

describe("alternatives", () => {
  it.each([
    ["Strong experience with Go or Node.js", [["go", "node.js"]]],
    ["Python, Go or Rust", [["python", "go", "rust"]]],
    ["React/Vue and TypeScript", [["react", "vue.js"]]],
    ["Python, SQL and Docker", []],
    ["Python and SQL", []],
    ["Deep, hands-on HubSpot (or Marketo and a willingness to switch)", [["hubspot", "marketo"]]],
  ])("%j → %j", (text, groups) => {
    expect(alternativesIn(text)).toEqual(groups);
  });

  it.each([
    ["Requirements:\n- Deep, hands-on HubSpot (or Marketo and a willingness to switch)", [["hubspot", "marketo"]]],
    ["Requirements:\n- Hands-on Relativity (or a comparable e-discovery platform) experience", [["e-discovery platforms", "ediscovery"]]],
    ["Requirements:\n- Dayforce, ADP Workforce Now or similar", [["dayforce", "adp"]]],
  ])("an '(or …)' aside or an 'or similar' makes one group: %j", (description, groups) => {
    const reading = readSkillRequirements(readSections(description), { leading: [] });
    expect(reading.alternatives).toEqual(groups);
    expect(reading.mustHave).toEqual(groups[0]);
  });

  it("reads a requirement's alternatives as a group of must-haves", () => {
    const reading = readSkillRequirements(readSections("Requirements:\n- 5+ years with Go or Node.js\n- PostgreSQL"), { leading: [] });
    expect(reading.mustHave).toEqual(expect.arrayContaining(["go", "node.js", "postgresql"]));
    expect(reading.alternatives).toEqual([["go", "node.js"]]);
  });
});
