import { deriveIcp } from "../derive-icp";
import type { IcpAgent } from "./icp-agent";

/** The embedded agent (derive-icp.ts): deterministic, no network, and so never fails. */
export const rulesAgent: IcpAgent = {
  source: "rules",
  derive: async (job) => ({ icp: deriveIcp(job), call: null }),
};
