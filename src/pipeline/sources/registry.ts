import type { Env } from "../../env";
import { readConfig } from "../../config";
import type { CandidateSource } from "./source";
import { TalentPoolSource } from "./talent-pool-source";

/** The sources a run searches, from the SOURCES var. Unknown or unconfigured names are skipped. */
export function configuredSources(env: Env): CandidateSource[] {
  return readConfig(env).sources.flatMap((name): CandidateSource[] => {
    switch (name) {
      case "talent_pool":
        return [new TalentPoolSource(env.DB)];
      default:
        console.warn(JSON.stringify({ level: "warn", msg: "unknown candidate source skipped", source: name }));
        return [];
    }
  });
}
