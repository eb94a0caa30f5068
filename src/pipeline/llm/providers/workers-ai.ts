import { failed, type ModelAnswer, parseModelJson, type StructuredAsk, tokenCount } from "../model-call";

/**
 * Workers AI through the `AI` binding: `env.AI.run(model, { messages, response_format: { type:
 * "json_schema", json_schema }, max_tokens })` (JSON Mode). The result's `response` is the answer —
 * an object under JSON Mode, though some models hand back the JSON as a string — and `usage` carries
 * OpenAI-style token counts.
 */

export function workersAiInputs(ask: StructuredAsk): Record<string, unknown> {
  return {
    messages: [
      { role: "system", content: ask.system },
      { role: "user", content: ask.user },
    ],
    response_format: { type: "json_schema", json_schema: ask.schema },
    max_tokens: ask.maxOutputTokens,
  };
}

export function readWorkersAiResult(result: unknown): ModelAnswer {
  if (typeof result !== "object" || result === null) return failed("malformed", "the binding returned no object");
  const r = result as { response?: unknown; usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } };
  const usage = { inputTokens: tokenCount(r.usage?.prompt_tokens), outputTokens: tokenCount(r.usage?.completion_tokens) };
  if (typeof r.response === "object" && r.response !== null) return { ok: true, value: r.response, usage };
  if (typeof r.response !== "string") return failed("malformed", "the result has no response", usage);
  const parsed = parseModelJson(r.response);
  return parsed.ok ? { ok: true, value: parsed.value, usage } : failed("malformed", parsed.detail, usage);
}
