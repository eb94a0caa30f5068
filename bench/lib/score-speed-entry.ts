// The pure functions bench/score-speed.mjs times, bundled for Node by esbuild (no Worker runtime needed):
// the import-time facts, the ICP of a posting, and scoring one profile from its facts.
export { deriveProfileFacts } from "../../src/pipeline/facts/profile-facts";
export { deriveIcp } from "../../src/pipeline/icp/derive-icp";
export { scoreCandidate } from "../../src/pipeline/score/score-candidate";
export { ProfileInput } from "../../src/pipeline/types";
