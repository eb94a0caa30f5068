import { readConfig } from "../../../config";
import type { Env } from "../../../env";
import { modelClientFor } from "../../llm/model-client";
import type { LlmCallRecord } from "../../llm/run-usage";
import type { Icp, IcpSource } from "../../types";
import type { JobToProfile } from "../derive-icp";
import { llmIcpAgent } from "./llm-icp-agent";
import { rulesAgent } from "./rules-agent";

/**
 * An ICP agent reads a job into the Ideal Candidate Profile. The rules agent is the embedded default
 * and the fallback of every other: an LLM agent that errs, times out or answers outside the schema
 * hands the job to the rules, so a run never fails because a model did. `icp.source` names the agent
 * whose ICP it is; `call` is what the model call cost and how it ended (null when none was made).
 */
export type IcpDerivation = { icp: Icp; call: LlmCallRecord | null };

export interface IcpAgent {
  readonly source: IcpSource;
  /** `tokensLeft`: what the run may still spend on the model (LLM_MAX_TOKENS_PER_RUN less what it spent). */
  derive(job: JobToProfile, ctx: { round: number; tokensLeft: number }): Promise<IcpDerivation>;
}

/** The agent LLM_PROVIDER chooses: the rules for "none", else that provider with the rules behind it. */
export function icpAgentFor(env: Env): IcpAgent {
  const client = modelClientFor(readConfig(env).llm, env);
  return client ? llmIcpAgent(client, rulesAgent) : rulesAgent;
}
