import type { Env } from "../../env";
import { readConfig } from "../../config";
import { FlakySource } from "./fault-injection";
import { PdlSource } from "./pdl-source";
import type { CandidateSource } from "./source";
import { TalentPoolSource } from "./talent-pool-source";

/**
 * The sources a run searches, from the SOURCES var. Unknown or unconfigured names are skipped. In
 * local development SOURCE_FAULT_RATE may wrap each in a FlakySource (the soak benchmark's faults).
 */
export function configuredSources(env: Env): CandidateSource[] {
  const { sourceFaultRate } = readConfig(env);
  const sources = namedSources(env);
  return sourceFaultRate > 0 ? sources.map((s) => new FlakySource(s, sourceFaultRate)) : sources;
}

function namedSources(env: Env): CandidateSource[] {
  const cfg = readConfig(env);
  return cfg.sources.flatMap((name): CandidateSource[] => {
    switch (name) {
      case "talent_pool":
        return [new TalentPoolSource(env.DB)];
      case "pdl":
        if (cfg.pdl) return [new PdlSource(env.DB, cfg.pdl)];
        // Said once per search, so a run that quietly searches without PDL shows why in the log.
        console.warn(JSON.stringify({ level: "warn", msg: "pdl source skipped: PDL_API_KEY unset or PDL_BASE_URL not allowed", source: name }));
        return [];
      default:
        console.warn(JSON.stringify({ level: "warn", msg: "unknown candidate source skipped", source: name }));
        return [];
    }
  });
}
