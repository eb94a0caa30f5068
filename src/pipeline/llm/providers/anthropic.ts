import { failed, type ModelAnswer, retryAfterSeconds, type StructuredAsk, tokenCount } from "../model-call";

/**
 * Anthropic's Messages API: `POST {baseUrl}/messages`. Structured output goes through one tool whose
 * `input_schema` is the schema, forced with `tool_choice: { type: "tool", name }`; the answer is that
 * `tool_use` content block's `input` (already an object). `usage.input_tokens` / `output_tokens`
 * are what is billed.
 */

export const ANTHROPIC_VERSION = "2023-06-01";

export type AnthropicTarget = { baseUrl: string; model: string; apiKey: string | null };

export function anthropicRequest(target: AnthropicTarget, ask: StructuredAsk): { url: string; init: RequestInit } {
  const body = {
    model: target.model,
    max_tokens: ask.maxOutputTokens,
    system: ask.system,
    messages: [{ role: "user", content: ask.user }],
    tools: [{ name: ask.schemaName, description: ask.schemaDescription, input_schema: ask.schema }],
    tool_choice: { type: "tool", name: ask.schemaName },
  };
  const headers: Record<string, string> = { "content-type": "application/json", "anthropic-version": ANTHROPIC_VERSION };
  if (target.apiKey) headers["x-api-key"] = target.apiKey;
  return { url: `${target.baseUrl}/messages`, init: { method: "POST", headers, body: JSON.stringify(body) } };
}

type Message = {
  content?: { type?: unknown; name?: unknown; input?: unknown }[];
  stop_reason?: unknown;
  usage?: { input_tokens?: unknown; output_tokens?: unknown; cache_creation_input_tokens?: unknown; cache_read_input_tokens?: unknown };
};

export function readAnthropicAnswer(status: number, retryAfter: string | null, text: string, toolName: string, nowMs: number): ModelAnswer {
  // 529 is Anthropic's "overloaded": a rate limit in all but name.
  if (status === 429 || status === 529) return failed("rate_limited", `${status} from the Messages API`, undefined, retryAfterSeconds(retryAfter, nowMs));
  if (status < 200 || status > 299) return failed("http_error", `HTTP ${status}: ${text.slice(0, 200)}`);
  let body: Message;
  try {
    body = JSON.parse(text) as Message;
  } catch {
    return failed("malformed", "the response body is not JSON");
  }
  const u = body?.usage;
  // Cached prompt tokens are billed too (at other rates); all input the model read counts against the cap.
  const usage = {
    inputTokens: tokenCount(u?.input_tokens) + tokenCount(u?.cache_creation_input_tokens) + tokenCount(u?.cache_read_input_tokens),
    outputTokens: tokenCount(u?.output_tokens),
  };
  if (body?.stop_reason === "max_tokens") return failed("truncated", "the output budget ran out", usage);
  const block = Array.isArray(body?.content) ? body.content.find((b) => b?.type === "tool_use" && b.name === toolName) : undefined;
  if (!block) return failed("malformed", "no tool_use block for the tool", usage);
  if (typeof block.input !== "object" || block.input === null) return failed("malformed", "the tool input is not an object", usage);
  return { ok: true, value: block.input, usage };
}
