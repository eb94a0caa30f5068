import type { LlmConfig } from "../../config";
import type { Env } from "../../env";
import { failed, type ModelAnswer, type StructuredAsk } from "./model-call";
import { anthropicRequest, readAnthropicAnswer } from "./providers/anthropic";
import { openAiRequest, readOpenAiAnswer } from "./providers/openai";
import { readWorkersAiResult, workersAiInputs } from "./providers/workers-ai";

/**
 * The one way this Worker talks to a language model: the configured vendor behind `call`, bounded by
 * LLM_TIMEOUT_MS (one deadline for the whole call, retry included) and never throwing — every failure
 * is a ModelAnswer, so a caller can only choose what answers instead.
 */

export type ModelProvider = Exclude<LlmConfig["provider"], "none">;

export type ModelClient = {
  provider: ModelProvider;
  model: string;
  call(ask: StructuredAsk): Promise<ModelAnswer>;
};

/**
 * A 429 is tried once more when the vendor says how long to wait, that wait is this short, and it fits
 * before the deadline; a longer one means the quota is spent for now, and the rules answer at once.
 */
const MAX_RETRY_WAIT_S = 5;

type Attempt = (signal: AbortSignal) => Promise<ModelAnswer>;

export function modelClientFor(cfg: LlmConfig, env: Env): ModelClient | null {
  if (cfg.provider === "none") return null;
  const attempt = attemptFor(cfg, env);
  return {
    provider: cfg.provider,
    model: cfg.model,
    call: (ask) => (typeof attempt === "string" ? Promise.resolve(failed("not_configured", attempt)) : withDeadline(cfg.timeoutMs, (signal) => attempt(ask, signal))),
  };
}

/** How one request is made for the configured vendor, or why none can be. */
function attemptFor(cfg: LlmConfig, env: Env): string | ((ask: StructuredAsk, signal: AbortSignal) => Promise<ModelAnswer>) {
  const target = { baseUrl: cfg.baseUrl ?? "", model: cfg.model, apiKey: cfg.apiKey };
  switch (cfg.provider) {
    case "openai":
      if (!cfg.baseUrl) return "LLM_BASE_URL is not an allowed URL (https, or http://127.0.0.1 in local development)";
      return async (ask, signal) => {
        const { url, init } = openAiRequest(target, ask);
        const res = await fetch(url, { ...init, signal });
        return readOpenAiAnswer(res.status, res.headers.get("retry-after"), await res.text(), Date.now());
      };
    case "anthropic":
      if (!cfg.baseUrl) return "LLM_BASE_URL is not an allowed URL (https, or http://127.0.0.1 in local development)";
      if (!cfg.apiKey) return "LLM_API_KEY is not set";
      return async (ask, signal) => {
        const { url, init } = anthropicRequest(target, ask);
        const res = await fetch(url, { ...init, signal });
        return readAnthropicAnswer(res.status, res.headers.get("retry-after"), await res.text(), ask.schemaName, Date.now());
      };
    case "workers-ai": {
      const ai = env.AI;
      // `wrangler dev --local` and the tests have no AI binding: Workers AI has no local simulation.
      if (!ai || typeof ai.run !== "function") return "the AI binding is not available (Workers AI runs only on Cloudflare)";
      return async (ask, signal) => {
        const run = ai.run as (model: string, inputs: Record<string, unknown>, options: { signal: AbortSignal }) => Promise<unknown>;
        return readWorkersAiResult(await run.call(ai, cfg.model, workersAiInputs(ask), { signal }));
      };
    }
    default:
      return `unknown provider ${String(cfg.provider)}`;
  }
}

/** Run attempts under one deadline: a thrown or aborted request becomes a failure, a short 429 is tried once more. */
async function withDeadline(timeoutMs: number, attempt: Attempt): Promise<ModelAnswer> {
  const deadline = Date.now() + timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException("model call timed out", "TimeoutError")), timeoutMs);
  let spent = { inputTokens: 0, outputTokens: 0 };
  try {
    for (let tries = 1; ; tries++) {
      const answer = await guarded(attempt, controller.signal);
      spent = { inputTokens: spent.inputTokens + answer.usage.inputTokens, outputTokens: spent.outputTokens + answer.usage.outputTokens };
      const result = { ...answer, usage: spent };
      if (result.ok || result.failure !== "rate_limited" || tries > 1 || result.retryAfterS === undefined) return result;
      const waitMs = result.retryAfterS * 1000;
      if (result.retryAfterS > MAX_RETRY_WAIT_S || Date.now() + waitMs >= deadline) return result;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One attempt, never longer than the deadline: raced against the abort too, so a request that ignores
 * its signal (or a binding that does) still ends on time.
 */
async function guarded(attempt: Attempt, signal: AbortSignal): Promise<ModelAnswer> {
  const timedOut = () => failed("timeout", "no answer within LLM_TIMEOUT_MS");
  if (signal.aborted) return timedOut();
  const aborted = new Promise<ModelAnswer>((resolve) => signal.addEventListener("abort", () => resolve(timedOut()), { once: true }));
  try {
    return await Promise.race([attempt(signal), aborted]);
  } catch (err) {
    if (signal.aborted) return timedOut();
    return failed("http_error", `the request failed: ${String(err).slice(0, 200)}`);
  }
}
