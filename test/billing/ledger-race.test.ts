// The race, through the real Worker: a prepaid company with 100 credits fires 20 concurrent
// POST /sourcing of limit 10. Exactly 10 fit; once every run has ended, the balance is 100 minus
// what was delivered and nothing stays reserved.
import { describe, expect, it } from "vitest";
import { api, createTenant, importProfiles, ledgerOf, type TestTenant, validJob, waitForRun } from "../helpers";

const CREDITS = 100;
const LIMIT = 10;
const CONCURRENT = 20;
const RUN_TIMEOUT_MS = 60_000;

type Balance = { success: true; billingMode: string; balance: number; reserved: number; available: number };
type Usage = { totalCreditsUsed: number; breakdownByCostKey: { costKey: string; events: number; creditsUsed: number }[] };

/** Fire the burst; return the accepted run ids after checking the 202/402 split. */
async function fireBurst(t: TestTenant): Promise<string[]> {
  const responses = await Promise.all(
    Array.from({ length: CONCURRENT }, () => api("/sourcing", { method: "POST", key: t.key, json: { ...validJob, limit: LIMIT } })),
  );
  const bodies = await Promise.all(responses.map((r) => r.json<{ requestId?: string; error?: { code: string; details: Record<string, unknown> } }>()));
  expect(responses.filter((r) => r.status === 202)).toHaveLength(CREDITS / LIMIT);
  expect(responses.filter((r) => r.status === 402)).toHaveLength(CONCURRENT - CREDITS / LIMIT);
  for (const [i, r] of responses.entries()) {
    if (r.status === 402) expect(bodies[i].error).toMatchObject({ code: "INSUFFICIENT_CREDITS", details: { required: LIMIT } });
  }
  return bodies.flatMap((b, i) => (responses[i].status === 202 ? [b.requestId!] : []));
}

/** Wait for every run to end; return how many candidates each delivered. */
async function deliveredPerRun(key: string, runIds: string[]): Promise<number[]> {
  const results = await Promise.all(runIds.map((id) => waitForRun(key, id, RUN_TIMEOUT_MS)));
  for (const r of results) expect(r.status).toBe("completed");
  return results.map((r) => (r.candidates as unknown[]).length);
}

async function balanceOf(key: string): Promise<Balance> {
  return (await api("/billing/balance", { key })).json<Balance>();
}

describe("20 concurrent runs of limit 10 against 100 prepaid credits", () => {
  it("empty pool: 10 × 202, 10 × 402; every run ends delivering nothing, so all 100 credits come back", { timeout: 90_000 }, async () => {
    const t = await createTenant({ credits: CREDITS });
    const runIds = await fireBurst(t);
    expect((await ledgerOf(t.companyId)).reserved).toBe(CREDITS);

    const delivered = await deliveredPerRun(t.key, runIds);
    expect(delivered.every((n) => n === 0)).toBe(true);
    expect(await balanceOf(t.key)).toEqual({ success: true, billingMode: "prepaid", balance: CREDITS, reserved: 0, available: CREDITS });
    expect(await ledgerOf(t.companyId)).toEqual({ balance: CREDITS, reserved: 0, captured: 0 });
  });

  it("with a talent pool: the balance is 100 minus the candidates delivered, nothing reserved", { timeout: 90_000 }, async () => {
    const t = await createTenant({ credits: CREDITS });
    const imported = await importProfiles(t.key, backendEngineers(36));
    expect(imported).toMatchObject({ imported: 36, rejected: [] });

    const runIds = await fireBurst(t);
    const delivered = await deliveredPerRun(t.key, runIds);
    const total = delivered.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0); // the pool matches the job, so something is billed
    for (const n of delivered) expect(n).toBeLessThanOrEqual(LIMIT);

    expect(await balanceOf(t.key)).toEqual({ success: true, billingMode: "prepaid", balance: CREDITS - total, reserved: 0, available: CREDITS - total });
    const usage = await (await api("/billing/usage", { key: t.key })).json<Usage>();
    expect(usage.totalCreditsUsed).toBe(total);
    expect(usage.breakdownByCostKey[0]).toEqual({ costKey: "sourcing", events: delivered.filter((n) => n > 0).length, creditsUsed: total });
  });
});

// ---- A small, realistic pool of backend engineers (deterministic: picks cycle by index). ----
const FIRST = ["Maya", "Daniel", "Priya", "Tomás", "Aisha", "Lukas", "Mei", "Jonah", "Fatima", "Oliver", "Sofia", "Kenji"];
const LAST = ["Okafor", "Lindqvist", "Raman", "García", "Haddad", "Becker", "Chen", "Whitfield", "Nakamura", "Moreau", "Kowalski", "Adeyemi"];
const COMPANIES = ["Stripe", "Plaid", "Brex", "Ramp", "Chime", "Affirm", "Gusto", "Square", "Mercury"];
const TITLES = ["Senior Backend Engineer", "Backend Engineer", "Staff Software Engineer", "Senior Software Engineer, Platform", "Backend Developer", "Lead Backend Engineer"];
const LOCATIONS = ["San Francisco, CA", "Oakland, CA", "San Jose, CA", "Remote", "Seattle, WA", "New York, NY"];
const SKILL_SETS = [
  ["Node.js", "TypeScript", "PostgreSQL", "Kubernetes", "AWS"],
  ["Node.js", "PostgreSQL", "Redis", "Docker", "GraphQL"],
  ["Go", "PostgreSQL", "Kafka", "Kubernetes", "gRPC"],
  ["TypeScript", "Node.js", "MongoDB", "Terraform", "AWS"],
  ["Java", "Spring Boot", "PostgreSQL", "Kafka", "Kubernetes"],
  ["Python", "Django", "PostgreSQL", "Celery", "Docker"],
];

function backendEngineers(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]}`;
    const company = COMPANIES[i % COMPANIES.length];
    const previous = COMPANIES[(i + 4) % COMPANIES.length];
    const title = TITLES[i % TITLES.length];
    const skills = SKILL_SETS[i % SKILL_SETS.length];
    const startYear = 2016 + (i % 6);
    const handle = name.toLowerCase().replace(/[^a-z]+/g, "-");
    return {
      externalId: `ats-${1000 + i}`,
      fullName: name,
      headline: `${title} at ${company} · ${skills.slice(0, 3).join(", ")}`,
      summary: `Backend engineer focused on payment APIs and data-heavy services. ${skills.join(", ")} in production.`,
      location: LOCATIONS[i % LOCATIONS.length],
      country: "United States",
      currentTitle: title,
      currentCompany: company,
      skills,
      experience: [
        {
          title, company, startDate: `${startYear + 3}-03`,
          description: `Owns the ledger and payouts services (${skills[0]}, ${skills[2]}); cut p99 latency by 40%.`,
        },
        {
          title: "Software Engineer", company: previous, startDate: `${startYear}-06`, endDate: `${startYear + 3}-02`,
          description: `Built REST and event-driven services with ${skills[1]} and ${skills[3]}.`,
        },
      ],
      education: [{ school: "University of Washington", degree: "BSc", field: "Computer Science", endYear: startYear }],
      emails: [`${handle}.${i}@example.com`],
      linkedinUrl: `https://www.linkedin.com/in/${handle}-${i}`,
    };
  });
}
