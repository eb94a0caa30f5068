import type { ModelAnswer, ModelFailure } from "../../llm/model-call";
import type { ModelClient } from "../../llm/model-client";
import { outputBudget } from "../../llm/run-usage";
import type { Icp, IcpSource } from "../../types";
import type { JobToProfile } from "../derive-icp";
import type { IcpAgent } from "./icp-agent";
import { IcpAnswer } from "./icp-answer";
import { icpAsk } from "./icp-prompt";
import { icpFromAnswer } from "./normalise-icp";

/** Below this output budget an ICP answer would be cut off mid-JSON: the rules answer instead of a call that cannot succeed. */
const MIN_ICP_OUTPUT_TOKENS = 400;

/**
 * A model's answer read as an ICP: validated against the answer schema, then resolved through the
 * lexicon, occupation model and geodata. Pure, so every way an answer can be wrong has a table test.
 */
export function readIcpAnswer(answer: ModelAnswer, job: JobToProfile, source: IcpSource): { ok: true; icp: Icp } | { ok: false; failure: ModelFailure; detail: string } {
  if (!answer.ok) return { ok: false, failure: answer.failure, detail: answer.detail };
  const parsed = IcpAnswer.safeParse(answer.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    return { ok: false, failure: "invalid", detail: `the answer is outside the schema: ${issues}` };
  }
  return { ok: true, icp: icpFromAnswer(parsed.data, job, source) };
}

export function llmIcpAgent(client: ModelClient, fallback: IcpAgent): IcpAgent {
  return {
    source: client.provider,
    async derive(job, { round, tokensLeft }) {
      const ask = icpAsk(job);
      const budget = outputBudget(ask, tokensLeft, MIN_ICP_OUTPUT_TOKENS);
      const answer: ModelAnswer = budget === null
        ? { ok: false, failure: "over_budget", detail: "LLM_MAX_TOKENS_PER_RUN leaves no room for the ICP call", usage: { inputTokens: 0, outputTokens: 0 } }
        : await client.call({ ...ask, maxOutputTokens: budget });
      const call = { step: "icp" as const, round, ...answer.usage };
      const read = readIcpAnswer(answer, job, client.provider);
      if (read.ok) return { icp: read.icp, call: { ...call, outcome: "answered" } };
      console.warn(JSON.stringify({ level: "warn", msg: "ICP agent fell back to the rules", provider: client.provider, failure: read.failure, detail: read.detail }));
      const ruled = await fallback.derive(job, { round, tokensLeft });
      return { icp: ruled.icp, call: { ...call, outcome: read.failure } };
    },
  };
}
