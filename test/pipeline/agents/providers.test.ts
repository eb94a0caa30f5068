// Each vendor's request as its API reference documents it, and its responses — good, malformed,
// refused, cut off, rate limited — read into one ModelAnswer. Pure: no fetch here.
import { describe, expect, it } from "vitest";
import { parseModelJson, retryAfterSeconds, type StructuredAsk } from "../../../src/pipeline/llm/model-call";
import { ANTHROPIC_VERSION, anthropicRequest, readAnthropicAnswer } from "../../../src/pipeline/llm/providers/anthropic";
import { openAiRequest, readOpenAiAnswer } from "../../../src/pipeline/llm/providers/openai";
import { readWorkersAiResult, workersAiInputs } from "../../../src/pipeline/llm/providers/workers-ai";
import { anthropicError, anthropicToolUse, chatCompletion, chatRefusal, openAiError, workersAiResult } from "./vendor-responses";

const ask: StructuredAsk = {
  system: "sys", user: '{"title":"x"}', schemaName: "ideal_candidate_profile", schemaDescription: "d",
  schema: { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false }, maxOutputTokens: 900,
};
const NOW = Date.parse("2026-12-02T12:00:00Z");
const json = (v: unknown) => JSON.stringify(v);

describe("OpenAI-compatible chat completions", () => {
  it("posts messages and a strict json_schema response_format to {base}/chat/completions", () => {
    const { url, init } = openAiRequest({ baseUrl: "https://api.openai.com/v1", model: "gpt-4.1-mini", apiKey: "sk-x" }, ask);
    expect(url).toBe("https://api.openai.com/v1/chat/completions");
    expect(init.method).toBe("POST");
    expect(init.headers).toMatchObject({ authorization: "Bearer sk-x", "content-type": "application/json" });
    const body = JSON.parse(String(init.body));
    expect(body).toMatchObject({
      model: "gpt-4.1-mini",
      messages: [{ role: "system", content: "sys" }, { role: "user", content: ask.user }],
      response_format: { type: "json_schema", json_schema: { name: "ideal_candidate_profile", strict: true, schema: ask.schema } },
      max_completion_tokens: 900,
    });
    expect(body.max_tokens).toBeUndefined();
  });

  it("gives a local server `max_tokens` and no Authorization header when there is no key", () => {
    const { url, init } = openAiRequest({ baseUrl: "http://127.0.0.1:8080/v1", model: "m", apiKey: null }, ask);
    expect(url).toBe("http://127.0.0.1:8080/v1/chat/completions");
    expect(init.headers).not.toHaveProperty("authorization");
    expect(JSON.parse(String(init.body)).max_tokens).toBe(900);
  });

  it.each([
    { name: "a good answer", status: 200, body: json(chatCompletion('{"a":"b"}', { input: 812, output: 301 })), want: { ok: true, value: { a: "b" }, usage: { inputTokens: 812, outputTokens: 301 } } },
    { name: "JSON in a Markdown fence (local models)", status: 200, body: json(chatCompletion('```json\n{"a":"b"}\n```')), want: { ok: true, value: { a: "b" } } },
    { name: "content that is not JSON", status: 200, body: json(chatCompletion("Sure! Here is the profile: {a: b}", { input: 10, output: 5 })), want: { ok: false, failure: "malformed", usage: { inputTokens: 10, outputTokens: 5 } } },
    { name: "JSON cut off by the output budget", status: 200, body: json(chatCompletion('{"a":', { input: 10, output: 900 }, "length")), want: { ok: false, failure: "truncated", usage: { inputTokens: 10, outputTokens: 900 } } },
    { name: "a refusal", status: 200, body: json(chatRefusal("I can't help with that.")), want: { ok: false, failure: "refused" } },
    { name: "a body that is not JSON (a proxy's HTML page)", status: 200, body: "<html>502 Bad Gateway</html>", want: { ok: false, failure: "malformed" } },
    { name: "no choices", status: 200, body: json({ ...chatCompletion("{}"), choices: [] }), want: { ok: false, failure: "malformed" } },
    { name: "401", status: 401, body: json(openAiError("Incorrect API key provided", "invalid_api_key", "invalid_request_error")), want: { ok: false, failure: "http_error" } },
    { name: "500", status: 500, body: json(openAiError("The server had an error", "server_error", "server_error")), want: { ok: false, failure: "http_error" } },
  ])("$name", ({ status, body, want }) => {
    expect(readOpenAiAnswer(status, null, body, NOW)).toMatchObject(want);
  });

  it("429 carries the Retry-After it was sent", () => {
    const body = json(openAiError("Rate limit reached for gpt-4.1-mini", "rate_limit_exceeded"));
    expect(readOpenAiAnswer(429, "7", body, NOW)).toMatchObject({ ok: false, failure: "rate_limited", retryAfterS: 7 });
    expect(readOpenAiAnswer(429, null, body, NOW)).not.toHaveProperty("retryAfterS");
  });
});

describe("Anthropic Messages with a forced tool", () => {
  it("posts the schema as the tool's input_schema and forces that tool", () => {
    const { url, init } = anthropicRequest({ baseUrl: "https://api.anthropic.com/v1", model: "claude-haiku-4-5", apiKey: "sk-ant" }, ask);
    expect(url).toBe("https://api.anthropic.com/v1/messages");
    expect(init.headers).toMatchObject({ "x-api-key": "sk-ant", "anthropic-version": ANTHROPIC_VERSION, "content-type": "application/json" });
    expect(JSON.parse(String(init.body))).toEqual({
      model: "claude-haiku-4-5", max_tokens: 900, system: "sys",
      messages: [{ role: "user", content: ask.user }],
      tools: [{ name: "ideal_candidate_profile", description: "d", input_schema: ask.schema }],
      tool_choice: { type: "tool", name: "ideal_candidate_profile" },
    });
  });

  it.each([
    { name: "a tool_use block", status: 200, body: json(anthropicToolUse("ideal_candidate_profile", { a: "b" }, { input: 1024, output: 356 })), want: { ok: true, value: { a: "b" }, usage: { inputTokens: 1024, outputTokens: 356 } } },
    { name: "text instead of the tool", status: 200, body: json({ ...anthropicToolUse("x", {}), content: [{ type: "text", text: "{\"a\":\"b\"}" }], stop_reason: "end_turn" }), want: { ok: false, failure: "malformed" } },
    { name: "another tool's block", status: 200, body: json(anthropicToolUse("some_other_tool", { a: "b" })), want: { ok: false, failure: "malformed" } },
    { name: "cut off at max_tokens", status: 200, body: json({ ...anthropicToolUse("ideal_candidate_profile", {}), stop_reason: "max_tokens" }), want: { ok: false, failure: "truncated" } },
    { name: "400", status: 400, body: json(anthropicError("invalid_request_error", "max_tokens: Field required")), want: { ok: false, failure: "http_error" } },
  ])("$name", ({ status, body, want }) => {
    expect(readAnthropicAnswer(status, null, body, "ideal_candidate_profile", NOW)).toMatchObject(want);
  });

  it("counts cached prompt tokens as input", () => {
    const body = anthropicToolUse("ideal_candidate_profile", { a: "b" });
    body.usage = { input_tokens: 10, output_tokens: 20, cache_creation_input_tokens: 100, cache_read_input_tokens: 1000 };
    expect(readAnthropicAnswer(200, null, json(body), "ideal_candidate_profile", NOW)).toMatchObject({ usage: { inputTokens: 1110, outputTokens: 20 } });
  });

  it.each([429, 529])("%i is a rate limit with its Retry-After", (status) => {
    const body = json(anthropicError(status === 429 ? "rate_limit_error" : "overloaded_error", "slow down"));
    expect(readAnthropicAnswer(status, "3", body, "ideal_candidate_profile", NOW)).toMatchObject({ ok: false, failure: "rate_limited", retryAfterS: 3 });
  });
});

describe("Workers AI JSON Mode", () => {
  it("asks with messages, response_format json_schema and max_tokens", () => {
    expect(workersAiInputs(ask)).toEqual({
      messages: [{ role: "system", content: "sys" }, { role: "user", content: ask.user }],
      response_format: { type: "json_schema", json_schema: ask.schema },
      max_tokens: 900,
    });
  });

  it.each([
    { name: "the response as an object", result: workersAiResult({ a: "b" }, { input: 930, output: 280 }), want: { ok: true, value: { a: "b" }, usage: { inputTokens: 930, outputTokens: 280 } } },
    { name: "the response as a JSON string", result: workersAiResult('{"a":"b"}'), want: { ok: true, value: { a: "b" } } },
    { name: "a string that is not JSON", result: workersAiResult("I think the answer is b"), want: { ok: false, failure: "malformed" } },
    { name: "no response", result: { usage: { prompt_tokens: 1, completion_tokens: 0 } }, want: { ok: false, failure: "malformed" } },
    { name: "not an object", result: "oops", want: { ok: false, failure: "malformed" } },
  ])("$name", ({ result, want }) => {
    expect(readWorkersAiResult(result)).toMatchObject(want);
  });
});

describe("shared readings", () => {
  it.each([
    { header: null, want: undefined },
    { header: "", want: undefined },
    { header: "12", want: 12 },
    { header: "Wed, 02 Dec 2026 12:00:30 GMT", want: 30 },
    { header: "Wed, 02 Dec 2026 11:59:00 GMT", want: 0 }, // a date already past: now
    { header: "soon", want: undefined },
  ])("Retry-After $header → $want s", ({ header, want }) => {
    expect(retryAfterSeconds(header, NOW)).toBe(want);
  });

  it.each([
    { text: '{"a":1}', ok: true },
    { text: '```\n{"a":1}\n```', ok: true },
    { text: '{"a":1', ok: false },
    { text: "", ok: false },
  ])("parseModelJson($text) ok=$ok", ({ text, ok }) => {
    expect(parseModelJson(text).ok).toBe(ok);
  });
});
