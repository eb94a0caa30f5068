// The ICP agents end to end at the vendor's HTTP boundary: fetch is stubbed with documented response
// shapes, and whatever goes wrong (errors, garbage, schema violations, 429s, slowness) the rules answer.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readConfig } from "../../../src/config";
import type { Env } from "../../../src/env";
import { icpAgentFor } from "../../../src/pipeline/icp/agents/icp-agent";
import { deriveIcp } from "../../../src/pipeline/icp/derive-icp";
import { hangUntilAborted } from "../../webhooks/receiver";
import { validJob } from "../../helpers";
import { anthropicError, anthropicToolUse, backendIcpAnswer, chatCompletion, openAiError, workersAiResult } from "./vendor-responses";

type Sent = { url: string; headers: Record<string, string>; body: Record<string, unknown> };

function stubVendor(respond: (sent: Sent, index: number, init: RequestInit | undefined) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = { url: String(input instanceof Request ? input.url : input), headers: Object.fromEntries(new Headers(init?.headers).entries()), body: JSON.parse(String(init?.body ?? "{}")) };
    sent.push(request);
    return respond(request, sent.length - 1, init);
  });
  return sent;
}

const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

const withVars = (vars: Record<string, string>, extra: Partial<Env> = {}): Env => ({ ...env, ...vars, ...extra }) as Env;
const openai = (vars: Record<string, string> = {}) => withVars({ LLM_PROVIDER: "openai", LLM_API_KEY: "sk-test", LLM_MODEL: "gpt-4.1-mini", LLM_TIMEOUT_MS: "200", ...vars });
const derive = (e: Env, tokensLeft = 100_000) => icpAgentFor(e).derive(validJob, { round: 1, tokensLeft });
const rulesIcp = deriveIcp(validJob);

afterEach(() => vi.restoreAllMocks());

describe("configuration", () => {
  it.each([
    { vars: {}, want: { provider: "none" } },
    { vars: { LLM_PROVIDER: "OpenAI" }, want: { provider: "openai", baseUrl: "https://api.openai.com/v1", model: "gpt-4.1-mini", timeoutMs: 20_000, rerankTopN: 0 } },
    { vars: { LLM_PROVIDER: "anthropic" }, want: { provider: "anthropic", baseUrl: "https://api.anthropic.com/v1" } },
    { vars: { LLM_PROVIDER: "gemini" }, want: { provider: "none" } },
    { vars: { LLM_PROVIDER: "openai", LLM_BASE_URL: "https://llm.internal.example/v1/" }, want: { baseUrl: "https://llm.internal.example/v1" } },
    { vars: { LLM_PROVIDER: "openai", LLM_BASE_URL: "http://127.0.0.1:8080/v1" }, want: { baseUrl: null } }, // plain http outside local development
    { vars: { LLM_PROVIDER: "openai", LLM_BASE_URL: "http://127.0.0.1:8080/v1", WEBHOOK_ALLOW_LOCALHOST: "true" }, want: { baseUrl: "http://127.0.0.1:8080/v1" } },
    { vars: { LLM_PROVIDER: "openai", LLM_BASE_URL: "http://10.0.0.7:8000/v1", WEBHOOK_ALLOW_LOCALHOST: "true" }, want: { baseUrl: null } }, // plain http off this machine
    { vars: { LLM_PROVIDER: "openai", LLM_BASE_URL: "https://user:pw@llm.example/v1" }, want: { baseUrl: null } },
    { vars: { LLM_PROVIDER: "openai", LLM_RERANK_TOP_N: "500", LLM_TIMEOUT_MS: "abc" }, want: { rerankTopN: 50, timeoutMs: 20_000 } },
  ])("$vars", ({ vars, want }) => {
    const base = { ...env, LLM_PROVIDER: undefined, WEBHOOK_ALLOW_LOCALHOST: "false" } as unknown as Env;
    expect(readConfig({ ...base, ...vars } as Env).llm).toMatchObject(want);
  });
});

describe("LLM_PROVIDER=none", () => {
  it("is the rules agent: no call, no cost", async () => {
    const sent = stubVendor(() => jsonResponse({}));
    const got = await derive(withVars({ LLM_PROVIDER: "none" }));
    expect(got).toEqual({ icp: rulesIcp, call: null });
    expect(got.icp.source).toBe("rules");
    expect(sent).toHaveLength(0);
  });
});

describe("openai", () => {
  it("a good answer is the ICP, with the vendor's token counts", async () => {
    const sent = stubVendor(() => jsonResponse(chatCompletion(JSON.stringify(backendIcpAnswer), { input: 812, output: 301 })));
    const got = await derive(openai());
    expect(got.icp.source).toBe("openai");
    expect(got.icp.mustHaveSkills).toEqual(["node.js", "postgresql"]);
    expect(got.call).toEqual({ step: "icp", round: 1, outcome: "answered", inputTokens: 812, outputTokens: 301 });
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe("https://api.openai.com/v1/chat/completions");
    expect(sent[0].headers.authorization).toBe("Bearer sk-test");
    expect(sent[0].body).toMatchObject({ model: "gpt-4.1-mini", response_format: { type: "json_schema" } });
  });

  it.each([
    { name: "malformed JSON in the answer", respond: () => jsonResponse(chatCompletion("{ titles: [senior backend engineer", { input: 800, output: 40 })), outcome: "malformed", tokens: 840 },
    { name: "an answer outside the schema", respond: () => jsonResponse(chatCompletion(JSON.stringify({ ...backendIcpAnswer, seniority: "rockstar" }), { input: 800, output: 290 })), outcome: "invalid", tokens: 1090 },
    { name: "a body that is not JSON", respond: () => new Response("<html>upstream error</html>", { status: 200 }), outcome: "malformed", tokens: 0 },
    { name: "401", respond: () => jsonResponse(openAiError("Incorrect API key provided", "invalid_api_key", "invalid_request_error"), 401), outcome: "http_error", tokens: 0 },
    { name: "503", respond: () => jsonResponse(openAiError("The engine is currently overloaded", "server_error", "server_error"), 503), outcome: "http_error", tokens: 0 },
    { name: "a connection that fails", respond: () => Promise.reject(new TypeError("Network connection lost.")), outcome: "http_error", tokens: 0 },
  ])("$name → the rules' ICP, outcome $outcome", async ({ respond, outcome, tokens }) => {
    const sent = stubVendor(respond);
    const got = await derive(openai());
    expect(got.icp).toEqual(rulesIcp);
    expect(got.call?.outcome).toBe(outcome);
    expect((got.call?.inputTokens ?? 0) + (got.call?.outputTokens ?? 0)).toBe(tokens); // a failed answer still bills what it used
    expect(sent).toHaveLength(1);
  });

  it("429 with a short Retry-After is tried once more, and both calls are counted", async () => {
    const sent = stubVendor((_, i) =>
      i === 0 ? jsonResponse(openAiError("Rate limit reached", "rate_limit_exceeded"), 429, { "retry-after": "0" }) : jsonResponse(chatCompletion(JSON.stringify(backendIcpAnswer), { input: 812, output: 301 })),
    );
    const got = await derive(openai({ LLM_TIMEOUT_MS: "2000" }));
    expect(sent).toHaveLength(2);
    expect(got.icp.source).toBe("openai");
    expect(got.call).toMatchObject({ outcome: "answered", inputTokens: 812, outputTokens: 301 });
  });

  it.each<{ name: string; headers: Record<string, string> }>([
    { name: "a long Retry-After", headers: { "retry-after": "120" } },
    { name: "no Retry-After", headers: {} },
  ])("429 with $name → the rules at once, no second call", async ({ headers }) => {
    const sent = stubVendor(() => jsonResponse(openAiError("Rate limit reached", "rate_limit_exceeded"), 429, headers));
    const started = Date.now();
    const got = await derive(openai({ LLM_TIMEOUT_MS: "5000" }));
    expect(sent).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(got.icp).toEqual(rulesIcp);
    expect(got.call?.outcome).toBe("rate_limited");
  });

  it("a Retry-After that would outlast LLM_TIMEOUT_MS is not waited for", async () => {
    const sent = stubVendor(() => jsonResponse(openAiError("Rate limit reached", "rate_limit_exceeded"), 429, { "retry-after": "1" }));
    const got = await derive(openai({ LLM_TIMEOUT_MS: "300" }));
    expect(sent).toHaveLength(1);
    expect(got.call?.outcome).toBe("rate_limited");
  });

  it.each([
    { name: "a server that never answers", respond: (_: Sent, __: number, init: RequestInit | undefined) => hangUntilAborted(init) },
    // Ignores the abort signal and answers well after the deadline: the race still ends the call on time.
    { name: "an answer slower than the timeout", respond: () => new Promise<Response>((r) => setTimeout(() => r(jsonResponse(chatCompletion(JSON.stringify(backendIcpAnswer)))), 1500)) },
  ])("$name → timeout, the rules' ICP, within LLM_TIMEOUT_MS", async ({ respond }) => {
    stubVendor(respond);
    const started = Date.now();
    const got = await derive(openai({ LLM_TIMEOUT_MS: "150" }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(got.icp).toEqual(rulesIcp);
    expect(got.call).toEqual({ step: "icp", round: 1, outcome: "timeout", inputTokens: 0, outputTokens: 0 });
  });

  it("no room left under LLM_MAX_TOKENS_PER_RUN → the rules, and no call is made", async () => {
    const sent = stubVendor(() => jsonResponse(chatCompletion(JSON.stringify(backendIcpAnswer))));
    const got = await derive(openai(), 500);
    expect(sent).toHaveLength(0);
    expect(got.icp).toEqual(rulesIcp);
    expect(got.call?.outcome).toBe("over_budget");
  });

  it("the output budget shrinks to what the run has left", async () => {
    const sent = stubVendor(() => jsonResponse(chatCompletion(JSON.stringify(backendIcpAnswer))));
    await derive(openai(), 2200);
    const budget = sent[0].body.max_completion_tokens as number;
    expect(budget).toBeGreaterThanOrEqual(400);
    expect(budget).toBeLessThan(1500);
  });

  it("a refused LLM_BASE_URL makes no call", async () => {
    const sent = stubVendor(() => jsonResponse(chatCompletion(JSON.stringify(backendIcpAnswer))));
    const got = await derive(openai({ LLM_BASE_URL: "http://10.1.2.3/v1" }));
    expect(sent).toHaveLength(0);
    expect(got.call?.outcome).toBe("not_configured");
    expect(got.icp).toEqual(rulesIcp);
  });

  it("a local server on 127.0.0.1 in local development, with no key", async () => {
    const sent = stubVendor(() => jsonResponse(chatCompletion(JSON.stringify(backendIcpAnswer))));
    const got = await derive(openai({ LLM_BASE_URL: "http://127.0.0.1:11434/v1", WEBHOOK_ALLOW_LOCALHOST: "true", LLM_API_KEY: "" }));
    expect(sent[0].url).toBe("http://127.0.0.1:11434/v1/chat/completions");
    expect(sent[0].headers.authorization).toBeUndefined();
    expect(got.icp.source).toBe("openai");
  });
});

describe("anthropic", () => {
  const anthropic = (vars: Record<string, string> = {}) => withVars({ LLM_PROVIDER: "anthropic", LLM_API_KEY: "sk-ant-test", LLM_TIMEOUT_MS: "200", ...vars });

  it("the forced tool's input is the ICP", async () => {
    const sent = stubVendor((s) => jsonResponse(anthropicToolUse(String((s.body.tool_choice as { name: string }).name), backendIcpAnswer, { input: 1024, output: 356 })));
    const got = await derive(anthropic());
    expect(sent[0].url).toBe("https://api.anthropic.com/v1/messages");
    expect(sent[0].headers).toMatchObject({ "x-api-key": "sk-ant-test", "anthropic-version": "2023-06-01" });
    expect(got.icp.source).toBe("anthropic");
    expect(got.icp.occupation?.id).toBe("backend-engineer");
    expect(got.call).toMatchObject({ outcome: "answered", inputTokens: 1024, outputTokens: 356 });
  });

  it("overloaded (529) with a long Retry-After → the rules", async () => {
    stubVendor(() => jsonResponse(anthropicError("overloaded_error", "Overloaded"), 529, { "retry-after": "30" }));
    const got = await derive(anthropic());
    expect(got.icp).toEqual(rulesIcp);
    expect(got.call?.outcome).toBe("rate_limited");
  });

  it("a tool input outside the schema → the rules", async () => {
    stubVendor((s) => jsonResponse(anthropicToolUse(String((s.body.tool_choice as { name: string }).name), { ...backendIcpAnswer, locationPolicy: { mode: "moon" } })));
    const got = await derive(anthropic());
    expect(got.icp).toEqual(rulesIcp);
    expect(got.call?.outcome).toBe("invalid");
  });

  it("no API key → no call", async () => {
    const sent = stubVendor(() => jsonResponse({}));
    const got = await derive(anthropic({ LLM_API_KEY: "" }));
    expect(sent).toHaveLength(0);
    expect(got.call?.outcome).toBe("not_configured");
  });
});

describe("workers-ai", () => {
  // Workers AI is a binding, not HTTP: the stand-in is an object with the binding's run(model, inputs, options).
  const binding = (run: (model: string, inputs: Record<string, unknown>, options: { signal: AbortSignal }) => Promise<unknown>) => ({ run }) as unknown as Ai;

  it("the binding's JSON Mode response is the ICP", async () => {
    const calls: { model: string; inputs: Record<string, unknown> }[] = [];
    const e = withVars({ LLM_PROVIDER: "workers-ai", LLM_TIMEOUT_MS: "200" }, { AI: binding(async (model, inputs) => (calls.push({ model, inputs }), workersAiResult(backendIcpAnswer, { input: 930, output: 280 }))) });
    const got = await derive(e);
    expect(calls[0].model).toBe("@cf/meta/llama-3.3-70b-instruct-fp8-fast");
    expect(calls[0].inputs.response_format).toMatchObject({ type: "json_schema" });
    expect(got.icp.source).toBe("workers-ai");
    expect(got.call).toMatchObject({ outcome: "answered", inputTokens: 930, outputTokens: 280 });
  });

  it("a binding that throws (e.g. 3040: capacity) → the rules", async () => {
    const e = withVars({ LLM_PROVIDER: "workers-ai" }, { AI: binding(async () => { throw new Error("AiError: 3040: Capacity temporarily exceeded"); }) });
    const got = await derive(e);
    expect(got.icp).toEqual(rulesIcp);
    expect(got.call?.outcome).toBe("http_error");
  });

  it("no AI binding (local development, tests) → the rules", async () => {
    const got = await derive(withVars({ LLM_PROVIDER: "workers-ai" }, { AI: undefined }));
    expect(got.icp).toEqual(rulesIcp);
    expect(got.call?.outcome).toBe("not_configured");
  });
});
