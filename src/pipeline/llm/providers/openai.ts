import { failed, type ModelAnswer, parseModelJson, retryAfterSeconds, type StructuredAsk, tokenCount } from "../model-call";

/**
 * OpenAI-compatible chat completions (OpenAI itself, and llama.cpp, Ollama, vLLM, which speak the same
 * API): `POST {baseUrl}/chat/completions` with Structured Outputs, `response_format: { type:
 * "json_schema", json_schema: { name, strict, schema } }`. The answer is the first choice's message
 * content, a JSON string; `usage.prompt_tokens` / `completion_tokens` are what is billed.
 */

export type OpenAiTarget = { baseUrl: string; model: string; apiKey: string | null };

/**
 * OpenAI's own API takes the output budget as `max_completion_tokens` (its reasoning models refuse
 * `max_tokens`); the local servers document `max_tokens`. Each gets the name it reads.
 */
function budgetField(baseUrl: string): "max_completion_tokens" | "max_tokens" {
  try {
    return new URL(baseUrl).hostname === "api.openai.com" ? "max_completion_tokens" : "max_tokens";
  } catch {
    return "max_tokens";
  }
}

export function openAiRequest(target: OpenAiTarget, ask: StructuredAsk): { url: string; init: RequestInit } {
  const body = {
    model: target.model,
    messages: [
      { role: "system", content: ask.system },
      { role: "user", content: ask.user },
    ],
    response_format: {
      type: "json_schema",
      json_schema: { name: ask.schemaName, description: ask.schemaDescription, strict: true, schema: ask.schema },
    },
    [budgetField(target.baseUrl)]: ask.maxOutputTokens,
  };
  const headers: Record<string, string> = { "content-type": "application/json" };
  // A local server may need no key at all; sending "Bearer " with nothing after it would be refused.
  if (target.apiKey) headers.authorization = `Bearer ${target.apiKey}`;
  return { url: `${target.baseUrl}/chat/completions`, init: { method: "POST", headers, body: JSON.stringify(body) } };
}

type ChatCompletion = {
  choices?: { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
};

export function readOpenAiAnswer(status: number, retryAfter: string | null, text: string, nowMs: number): ModelAnswer {
  if (status === 429) return failed("rate_limited", "429 from the chat-completions server", undefined, retryAfterSeconds(retryAfter, nowMs));
  if (status < 200 || status > 299) return failed("http_error", `HTTP ${status}: ${text.slice(0, 200)}`);
  let body: ChatCompletion;
  try {
    body = JSON.parse(text) as ChatCompletion;
  } catch {
    return failed("malformed", "the response body is not JSON");
  }
  const usage = { inputTokens: tokenCount(body?.usage?.prompt_tokens), outputTokens: tokenCount(body?.usage?.completion_tokens) };
  const choice = Array.isArray(body?.choices) ? body.choices[0] : undefined;
  if (!choice) return failed("malformed", "the response has no choices", usage);
  if (typeof choice.message?.refusal === "string" && choice.message.refusal !== "") return failed("refused", choice.message.refusal.slice(0, 200), usage);
  if (choice.finish_reason === "length") return failed("truncated", "the output budget ran out", usage);
  if (typeof choice.message?.content !== "string") return failed("malformed", "the first choice has no text content", usage);
  const parsed = parseModelJson(choice.message.content);
  return parsed.ok ? { ok: true, value: parsed.value, usage } : failed("malformed", parsed.detail, usage);
}
