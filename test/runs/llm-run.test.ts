// Sourcing runs with a language model configured, through the real Worker, run object, D1 and Queue.
// Only the vendor is stubbed, at fetch, with OpenAI chat-completions bodies as documented.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPool } from "../../scripts/demo-pool.mjs";
import type { LlmUsage } from "../../src/pipeline/llm/run-usage";
import type { Candidate, Icp } from "../../src/pipeline/types";
import { api, createTenant, importProfiles, testDnsAnswer, type TestTenant, validJob, waitForRun } from "../helpers";
import { gate, watchD1 } from "../watched-d1";
import { icpOfRound, shortlistOfRound } from "../../src/runs/run-llm";
import { hangUntilAborted } from "../webhooks/receiver";
import { backendIcpAnswer, chatCompletion, openAiError } from "../pipeline/agents/vendor-responses";

type Results = { status: string; candidates: Candidate[]; icp: Icp };
type Run = { status: string; icp: Icp; llmUsage: LlmUsage | null };
type ChatBody = { model: string; messages: { role: string; content: string }[]; response_format: { json_schema: { name: string } }; max_completion_tokens: number };
type Sent = { step: "icp" | "rerank"; body: ChatBody };

const ICP_USAGE = { input: 812, output: 301 };
const RERANK_USAGE = { input: 4_200, output: 900 };
const INVENTED = "Invented the Zorblax protocol at NASA";

let tenant: TestTenant;
const vars = ["LLM_PROVIDER", "LLM_API_KEY", "LLM_MODEL", "LLM_TIMEOUT_MS", "LLM_RERANK_TOP_N", "LLM_MAX_TOKENS_PER_RUN"] as const;
const saved = Object.fromEntries(vars.map((v) => [v, (env as unknown as Record<string, string | undefined>)[v]]));

/** The run object reads its vars from the same env (vitest-pool-workers shares it), at each step. */
function configure(extra: Partial<Record<(typeof vars)[number], string>> = {}) {
  Object.assign(env, { LLM_PROVIDER: "openai", LLM_API_KEY: "sk-test", LLM_MODEL: "gpt-4.1-mini", LLM_TIMEOUT_MS: "1000", LLM_RERANK_TOP_N: "0", LLM_MAX_TOKENS_PER_RUN: "100000", ...extra });
}

/**
 * A stand-in for a chat-completions server: the ICP request (schema "ideal_candidate_profile") and the
 * re-ranking request ("candidate_reviews") are answered by their own functions.
 */
function stubModel(answer: { icp: (init: RequestInit | undefined) => Response | Promise<Response>; rerank?: (body: ChatBody) => Response }) {
  const sent: Sent[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const dns = testDnsAnswer(input, init);
    if (dns) return dns;
    const url = String(input instanceof Request ? input.url : input);
    if (url !== "https://api.openai.com/v1/chat/completions") return new Response("not found", { status: 404 });
    const body = JSON.parse(String(init?.body)) as ChatBody;
    const step = body.response_format.json_schema.name === "ideal_candidate_profile" ? "icp" : "rerank";
    sent.push({ step, body });
    if (step === "icp") return answer.icp(init);
    return answer.rerank ? answer.rerank(body) : new Response(JSON.stringify(openAiError("no", "server_error", "server_error")), { status: 500 });
  });
  return sent;
}

const goodIcp = () => new Response(JSON.stringify(chatCompletion(JSON.stringify(backendIcpAnswer), ICP_USAGE)));

/**
 * Reviews as a model would write them: for each candidate a raise (or, for the first, a cut), one fit
 * point quoting the first words of its profile's first field — real profile text — and one quoting
 * something the profile never says.
 */
function reviewsFor(body: ChatBody): Response {
  const doc = JSON.parse(body.messages[1].content) as { candidates: { id: string; score: number; profile: string }[] };
  const candidates = doc.candidates.map((c, i) => {
    const firstField = c.profile.split("\n")[0].replace(/^[^:]+:\s*/u, "");
    const real = firstField.split(" ").slice(0, 3).join(" ").replace(/…$/u, "");
    return {
      id: c.id,
      adjustment: i === 0 ? -10 : 10,
      fitPoints: [{ point: "Relevant background", quote: real }, { point: "Deep protocol work", quote: INVENTED }],
      redFlags: i === 0 ? [{ point: "Profile opens with", quote: real }] : [{ point: "Made up", quote: "fired for cause" }],
    };
  });
  return new Response(JSON.stringify(chatCompletion(JSON.stringify({ candidates }), RERANK_USAGE)));
}

function fakeCandidate(profileId: string, matchScore: number): Candidate {
  return {
    profileId, name: profileId, linkedinUrl: null, matchScore, rationale: "r", skills: [], headline: null, location: null, currentCompany: null,
    currentRole: null, aiFitPoints: [], aiRedFlags: [], aiDetailedRationale: [], detailedExperience: [], emails: [],
    scoreBreakdown: { skills: 80, title: 80, seniority: 80, experience: 80, location: 80 },
  };
}

async function startRun(body: Record<string, unknown>): Promise<string> {
  const res = await api("/sourcing", { method: "POST", key: tenant.key, json: body });
  expect(res.status).toBe(202);
  return (await res.json<{ requestId: string }>()).requestId;
}

async function runOf(requestId: string): Promise<Run> {
  return (await api(`/sourcing/${requestId}`, { key: tenant.key })).json<Run>();
}

beforeAll(async () => {
  tenant = await createTenant({ credits: 5000 });
  expect((await importProfiles(tenant.key, generateDemoPool({ count: 300, seed: 23 }))).imported).toBe(300);
});

afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(env, saved);
});

describe("with LLM_PROVIDER=openai", () => {
  it("the run's ICP is the model's, and its tokens are shown on the run", async () => {
    configure();
    const sent = stubModel({ icp: goodIcp });
    const runId = await startRun({ ...validJob, limit: 10 });
    const results = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(results.status).toBe("completed");
    expect(results.icp.source).toBe("openai");
    expect(results.icp.mustHaveSkills).toEqual(["node.js", "postgresql"]);
    expect(results.candidates.length).toBeGreaterThan(0);
    expect(sent.map((s) => s.step)).toEqual(["icp"]); // re-ranking is off by default
    const run = await runOf(runId);
    expect(run.icp.source).toBe("openai");
    expect(run.llmUsage).toEqual({
      provider: "openai", model: "gpt-4.1-mini", maxTokensPerRun: 100_000,
      inputTokens: ICP_USAGE.input, outputTokens: ICP_USAGE.output, totalTokens: ICP_USAGE.input + ICP_USAGE.output,
      calls: [{ step: "icp", round: 1, outcome: "answered", inputTokens: ICP_USAGE.input, outputTokens: ICP_USAGE.output }],
    });
  });

  it.each([
    { name: "garbage", icp: () => new Response(JSON.stringify(chatCompletion("Sure! The ideal candidate is a ninja.", { input: 800, output: 12 }))), outcome: "malformed" },
    { name: "an answer outside the schema", icp: () => new Response(JSON.stringify(chatCompletion(JSON.stringify({ ...backendIcpAnswer, mustHaveSkills: "Node.js" }), { input: 800, output: 250 }))), outcome: "invalid" },
    { name: "a 429 with a long Retry-After", icp: () => new Response(JSON.stringify(openAiError("Rate limit reached", "rate_limit_exceeded")), { status: 429, headers: { "retry-after": "60" } }), outcome: "rate_limited" },
    { name: "no answer within LLM_TIMEOUT_MS", icp: (init: RequestInit | undefined) => hangUntilAborted(init), outcome: "timeout" },
  ])("$name: the run completes with the rules' ICP and says why", async ({ icp, outcome }) => {
    configure({ LLM_TIMEOUT_MS: "300" });
    stubModel({ icp });
    const runId = await startRun({ ...validJob, limit: 5 });
    const results = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(results.status).toBe("completed");
    expect(results.icp.source).toBe("rules");
    expect(results.candidates).toHaveLength(5);
    const run = await runOf(runId);
    expect(run.llmUsage?.calls).toEqual([expect.objectContaining({ step: "icp", outcome })]);
  });

  it("re-ranks the best past the gates: bounded moves, and only quotes the profile really holds", async () => {
    configure({ LLM_RERANK_TOP_N: "6" });
    const sent = stubModel({ icp: goodIcp, rerank: reviewsFor });
    const runId = await startRun({ ...validJob, limit: 8 });
    const results = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(results.status).toBe("completed");

    expect(sent.map((s) => s.step)).toEqual(["icp", "rerank"]);
    const reviewed = JSON.parse(sent[1].body.messages[1].content).candidates as { id: string; score: number }[];
    expect(reviewed.length).toBeGreaterThan(0);
    expect(reviewed.length).toBeLessThanOrEqual(6);
    for (const c of reviewed) expect(c.score).toBeGreaterThanOrEqual(40); // only candidates past the gates
    expect(JSON.parse(sent[1].body.messages[1].content).job.mustHaveSkills).toEqual(["node.js", "postgresql"]);

    const scores = results.candidates.map((c) => c.matchScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const everyPoint = results.candidates.flatMap((c) => [...c.aiFitPoints, ...c.aiRedFlags]);
    expect(everyPoint.some((p) => p.includes("Zorblax") || p.includes("fired for cause"))).toBe(false); // invented evidence never shown
    const moved = results.candidates.filter((c) => c.rationale.includes("Language-model review (openai)"));
    expect(moved.length).toBeGreaterThan(0);
    for (const c of moved) {
      const modelPoints = [...c.aiFitPoints, ...c.aiRedFlags].filter((p) => p.startsWith("Relevant background") || p.startsWith("Profile opens with"));
      expect(modelPoints.length).toBeGreaterThan(0);
      const profile = JSON.stringify(await (await api(`/candidates/${c.profileId}`, { key: tenant.key })).json());
      for (const p of modelPoints) {
        const quoted = /\("(.*)"\)$/u.exec(p)![1];
        expect(profile).toContain(quoted); // verbatim profile text
      }
    }

    const run = await runOf(runId);
    expect(run.llmUsage).toMatchObject({
      inputTokens: ICP_USAGE.input + RERANK_USAGE.input,
      outputTokens: ICP_USAGE.output + RERANK_USAGE.output,
      calls: [{ step: "icp", outcome: "answered" }, { step: "rerank", round: 1, outcome: "answered", inputTokens: RERANK_USAGE.input, outputTokens: RERANK_USAGE.output }],
    });
  });

  it("re-ranking that fails leaves the rules' ranking and still completes the run", async () => {
    configure({ LLM_RERANK_TOP_N: "5" });
    stubModel({ icp: goodIcp, rerank: () => new Response(JSON.stringify(chatCompletion('{"candidates": "all great"}', { input: 3000, output: 10 }))) });
    const runId = await startRun({ ...validJob, limit: 5 });
    const results = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(results.status).toBe("completed");
    expect(results.candidates.some((c) => c.rationale.includes("Language-model review"))).toBe(false);
    expect((await runOf(runId)).llmUsage?.calls.map((c) => c.outcome)).toEqual(["answered", "invalid"]);
  });

  it("LLM_MAX_TOKENS_PER_RUN: a call that would not fit under the cap is not made", async () => {
    // The ICP call fits (its output budget shrunk to what is left); after its 1,113 tokens, not even one candidate's review does.
    configure({ LLM_RERANK_TOP_N: "10", LLM_MAX_TOKENS_PER_RUN: "2000" });
    const sent = stubModel({ icp: goodIcp, rerank: reviewsFor });
    const runId = await startRun({ ...validJob, limit: 5 });
    expect(((await waitForRun(tenant.key, runId)) as unknown as Results).status).toBe("completed");
    expect(sent.map((s) => s.step)).toEqual(["icp"]);
    const usage = (await runOf(runId)).llmUsage!;
    expect(usage.totalTokens).toBeLessThanOrEqual(2000);
    expect(usage.calls.map((c) => `${c.step}:${c.outcome}`)).toEqual(["icp:answered", "rerank:over_budget"]);
  });

  it("the ICP and the reviews are asked once per round: a step replayed after a failed D1 write reads the stored ones", async () => {
    configure({ LLM_RERANK_TOP_N: "3" });
    const sent = stubModel({ icp: goodIcp, rerank: reviewsFor });
    // The object's D1 fails its first spend write, which comes after the ICP (and later the reviews) are stored.
    let usageWrites = 0;
    const flaky = { ...env, DB: watchD1(env.DB, (sql) => { if (sql.includes("SET llm_usage") && usageWrites++ === 0) throw new Error("D1_ERROR: network connection lost"); }) } as typeof env;
    const job = { title: validJob.title, jobDescription: validJob.jobDescription, location: validJob.location };
    const stub = env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName("req_llm_replay"));
    await runInDurableObject(stub, async (_, state) => {
      const r = { runId: "req_llm_replay", round: 1 };
      await expect(icpOfRound(state.storage, flaky, r, job)).rejects.toThrow(/D1_ERROR/);
      const icp = await icpOfRound(state.storage, flaky, r, job); // the step's replay
      expect(icp.source).toBe("openai");
      expect(sent.filter((x) => x.step === "icp")).toHaveLength(1);

      const pool = await env.DB.prepare(`SELECT id FROM talent_profiles WHERE company_id = ? LIMIT 4`).bind(tenant.companyId).all<{ id: string }>();
      const eligible = pool.results.map((row, i) => JSON.stringify({ ...fakeCandidate(row.id, 90 - i) }));
      const ctx = { ...r, companyId: tenant.companyId, title: job.title, icp };
      const first = await shortlistOfRound(state.storage, flaky, ctx, eligible, 4);
      const replayed = await shortlistOfRound(state.storage, flaky, ctx, eligible, 4);
      expect(sent.filter((x) => x.step === "rerank")).toHaveLength(1);
      expect(replayed).toEqual(first);
      expect(((await state.storage.get<LlmUsage>("llm:usage"))!.calls).map((c) => c.step)).toEqual(["icp", "rerank"]);
    });
  });

  it("a progress write that fails right after the ICP neither asks the model again nor loses the ICP from the run", async () => {
    configure();
    const held = gate();
    let icpCalled!: () => void;
    const icpStarted = new Promise<void>((resolve) => (icpCalled = resolve));
    const sent = stubModel({ icp: async () => (icpCalled(), await held.wait, goodIcp()) });
    const runId = await startRun({ ...validJob, limit: 5 });
    await icpStarted;
    // While the model is answering, the object's next progress write to D1 (the one that mirrors the
    // ICP) is made to fail once: the step throws after the ICP is stored, and the alarm goes on later.
    let progressWrites = 0;
    await runInDurableObject(env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(runId)), (instance) => {
      const o = instance as unknown as { env: typeof env };
      o.env = { ...o.env, DB: watchD1(o.env.DB, (sql) => { if (sql.includes("UPDATE sourcing_runs SET stage") && progressWrites++ === 0) throw new Error("D1_ERROR: network connection lost"); }) };
    });
    held.release();
    const results = (await waitForRun(tenant.key, runId, 25_000)) as unknown as Results;
    expect(progressWrites).toBeGreaterThanOrEqual(2);
    expect(results.status).toBe("completed");
    expect(sent.filter((x) => x.step === "icp")).toHaveLength(1);
    expect(results.icp?.source).toBe("openai"); // written again with the round's outcome
    expect((await runOf(runId)).icp?.source).toBe("openai");
  });

  it("a PATCH round asks the model again, and the run's totals add up", async () => {
    configure();
    const sent = stubModel({ icp: goodIcp });
    const runId = await startRun({ ...validJob, limit: 3 });
    expect(((await waitForRun(tenant.key, runId)) as unknown as Results).status).toBe("completed");
    const patched = await api(`/sourcing/${runId}`, { method: "PATCH", key: tenant.key, json: { query: "fintech payments", limit: 3 } });
    expect(patched.status).toBe(202);
    expect(((await waitForRun(tenant.key, runId)) as unknown as Results).status).toBe("completed");
    expect(sent.filter((s) => s.step === "icp")).toHaveLength(2);
    expect(JSON.parse(sent[1].body.messages[1].content).recruiterQuery).toBe("fintech payments");
    const usage = (await runOf(runId)).llmUsage!;
    expect(usage.calls.map((c) => c.round)).toEqual([1, 2]);
    expect(usage.totalTokens).toBe(2 * (ICP_USAGE.input + ICP_USAGE.output));
  });
});

describe("a preview with LLM_PROVIDER=openai", () => {
  it("searches with the model's ICP and records what it cost on its row", async () => {
    configure();
    const sent = stubModel({ icp: goodIcp });
    const res = await api("/sourcing/preview", { method: "POST", key: tenant.key, json: { ...validJob, limit: 5 } });
    expect(res.status).toBe(202);
    const { requestId } = await res.json<{ requestId: string }>();
    const results = await (await api(`/sourcing/preview/${requestId}/results`, { key: tenant.key })).json<{ status: string; candidates: unknown[] }>();
    expect(results.status).toBe("completed");
    expect(sent.map((x) => x.step)).toEqual(["icp"]);
    const row = await env.DB.prepare(`SELECT icp, llm_usage AS usage FROM sourcing_runs WHERE id = ?`).bind(requestId).first<{ icp: string; usage: string }>();
    expect(JSON.parse(row!.icp).source).toBe("openai");
    expect(JSON.parse(row!.usage)).toMatchObject({ totalTokens: ICP_USAGE.input + ICP_USAGE.output, calls: [{ step: "icp", outcome: "answered" }] });
  });
});

describe("with LLM_PROVIDER=none (the default)", () => {
  it("no model is called and the run shows no model spend", async () => {
    const sent = stubModel({ icp: goodIcp });
    const runId = await startRun({ ...validJob, limit: 3 });
    const results = (await waitForRun(tenant.key, runId)) as unknown as Results;
    expect(results.icp.source).toBe("rules");
    expect(sent).toHaveLength(0);
    expect((await runOf(runId)).llmUsage).toBeNull();
  });
});
