// Matching end to end through the real Worker: import → facts → search from facts → gates → ranked results.
import { beforeAll, describe, expect, it } from "vitest";
import { api, createTenant, importProfiles, type TestTenant, validJob, waitForRun } from "../helpers";

type Result = {
  candidates: { name: string; matchScore: number; location: string | null; aiRedFlags: string[] }[];
  icp: { source: string; occupation: { id: string } | null; seniorityRange: { min: string; max: string }; locationPolicy: { mode: string; places: { name: string; radiusKm: number }[] } };
};

const engineer = (name: string, location: string, extra: Record<string, unknown> = {}) => ({
  externalId: name, fullName: name, currentTitle: "Senior Backend Engineer", location,
  skills: ["Node.js", "PostgreSQL", "Kubernetes"],
  experience: [{ title: "Senior Backend Engineer", company: "Acme", startDate: "2017-01", description: "Node.js services on PostgreSQL, deployed to Kubernetes." }],
  ...extra,
});

let lastIcp: Result["icp"] | undefined;
async function shortlist(t: TestTenant, job: Record<string, unknown>): Promise<Result["candidates"]> {
  const res = await api("/sourcing", { method: "POST", key: t.key, json: { ...job, limit: 20 } });
  expect(res.status).toBe(202);
  const { requestId } = await res.json<{ requestId: string }>();
  const done = (await waitForRun(t.key, requestId, 60_000)) as unknown as Result & { status: string };
  expect(done.status).toBe("completed");
  lastIcp = done.icp;
  return done.candidates;
}

describe("the README demo: Senior Backend Engineer, San Francisco (onsite)", () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await createTenant({ credits: 1000 });
    await importProfiles(t.key, [
      engineer("Phoenix Dev", "Phoenix, AZ"),
      engineer("Sacramento Dev", "Sacramento, CA"),
      engineer("London Dev", "London, UK"),
      engineer("Remote Dev", "Remote"),
      engineer("Oakland Dev", "Oakland, CA"),
      engineer("San Jose Dev", "San Jose, CA"),
      engineer("SF Dev", "San Francisco Bay Area"),
      engineer("Manager Dev", "San Francisco, CA", { currentTitle: "Engineering Manager" }),
    ]);
  });

  it("ranks Bay Area engineers above everyone outside the policy, and says why for each", async () => {
    const ranked = await shortlist(t, validJob);
    const names = ranked.map((c) => c.name);
    const bay = ["Oakland Dev", "San Jose Dev", "SF Dev"];
    expect(new Set(names.slice(0, 3))).toEqual(new Set(bay));
    for (const c of ranked.slice(0, 3)) expect(c.matchScore).toBeGreaterThanOrEqual(40);
    for (const c of ranked.filter((c) => !bay.includes(c.name))) {
      expect(c.matchScore).toBeLessThan(40);
      expect(c.aiRedFlags[0]).toMatch(/hard requirement|location policy|km from San Francisco|works remotely/u);
    }
    const phoenix = ranked.find((c) => c.name === "Phoenix Dev")!;
    expect(phoenix.aiRedFlags[0]).toMatch(/^Location "Phoenix, AZ" is about 1,\d{3} km from San Francisco; the role is onsite in San Francisco$/u);
    expect(ranked.find((c) => c.name === "Sacramento Dev")!.aiRedFlags[0]).toMatch(/about 1\d0 km from San Francisco/u);
    expect(ranked.find((c) => c.name === "Manager Dev")!.aiRedFlags[0]).toMatch(/Engineering Manager/u);
  });

  it("shows the caller the constraints it ranked by, in the results' icp", () => {
    expect(lastIcp).toMatchObject({
      source: "rules",
      occupation: { id: "backend-engineer" },
      seniorityRange: { min: "senior", max: "lead" },
      locationPolicy: { mode: "onsite", places: [{ name: "San Francisco", radiusKm: 75 }] },
    });
  });
});

describe("search from facts", () => {
  it("a strong candidate with a plain profile is not lost behind keyword-dense profiles", async () => {
    const t = await createTenant({ credits: 1000 });
    // 400 recruiters and managers whose every field repeats the job's keywords: plain FTS ranks them first.
    const dense = Array.from({ length: 400 }, (_, i) => ({
      externalId: `dense-${i}`, fullName: `Dense ${i}`, location: "San Francisco, CA",
      currentTitle: i % 2 ? "Technical Recruiter" : "Engineering Manager",
      headline: "Hiring Senior Backend Engineers: Node.js, PostgreSQL, Kubernetes, backend, Node.js, PostgreSQL",
      skills: ["Node.js", "PostgreSQL", "Kubernetes", "Backend", "Senior Backend Engineer"],
      summary: "Senior backend engineer hiring for Node.js and PostgreSQL backend engineers. Node.js PostgreSQL Kubernetes.",
    }));
    const plain = {
      externalId: "plain", fullName: "Plain Person", location: "Oakland, CA", currentTitle: "Software Engineer",
      experience: [{ title: "Software Engineer", company: "Small Co", startDate: "2016-05", description: "I write the server code in Node and keep our Postgres database fast." }],
    };
    await importProfiles(t.key, [...dense, plain]);
    const ranked = await shortlist(t, validJob);
    expect(ranked.findIndex((c) => c.name === "Plain Person")).toBe(0);
  });
});
