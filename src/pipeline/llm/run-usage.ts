import type { ModelFailure, StructuredAsk, TokenUsage } from "./model-call";
import type { ModelClient } from "./model-client";

/**
 * What a run spent on the language model, as GET /sourcing/{id} shows it (`llmUsage`): the tokens the
 * vendor counted (its usage fields), against the run's cap (LLM_MAX_TOKENS_PER_RUN), and how each
 * call ended. Kept by the run's object and summed over all its rounds.
 */

export type LlmStep = "icp" | "rerank";
export type LlmCallRecord = TokenUsage & { step: LlmStep; round: number; outcome: "answered" | ModelFailure };

export type LlmUsage = {
  provider: string;
  model: string;
  maxTokensPerRun: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  calls: LlmCallRecord[];
};

/** Calls listed on the run (the latest); the totals count every call. Bounds the row as PATCH rounds add up. */
const MAX_CALLS_LISTED = 20;

export function emptyUsage(client: Pick<ModelClient, "provider" | "model">, maxTokensPerRun: number): LlmUsage {
  return { provider: client.provider, model: client.model, maxTokensPerRun, inputTokens: 0, outputTokens: 0, totalTokens: 0, calls: [] };
}

export function withCall(usage: LlmUsage, call: LlmCallRecord): LlmUsage {
  const inputTokens = usage.inputTokens + call.inputTokens;
  const outputTokens = usage.outputTokens + call.outputTokens;
  return { ...usage, inputTokens, outputTokens, totalTokens: inputTokens + outputTokens, calls: [...usage.calls, call].slice(-MAX_CALLS_LISTED) };
}

export function tokensLeft(usage: LlmUsage): number {
  return Math.max(0, usage.maxTokensPerRun - usage.totalTokens);
}

/**
 * Input tokens a request will cost, estimated before it is sent: ~3 characters a token, which
 * over-counts English prose (~4) and is about right for JSON, so the cap errs on the side of holding.
 */
export function estimatedInputTokens(ask: Pick<StructuredAsk, "system" | "user" | "schema">): number {
  return Math.ceil((ask.system.length + ask.user.length + JSON.stringify(ask.schema).length) / 3);
}

/**
 * The output budget a call may have within what the run has left, or null when it cannot fit even
 * `minOutputTokens` (the call is then not made: `over_budget`). The cap is checked against this
 * estimate, so the count after the call can pass it by the estimate's error, never by a whole call.
 */
export function outputBudget(ask: Pick<StructuredAsk, "system" | "user" | "schema" | "maxOutputTokens">, left: number, minOutputTokens: number): number | null {
  const room = left - estimatedInputTokens(ask);
  return room < minOutputTokens ? null : Math.min(ask.maxOutputTokens, room);
}
