// Faults on purpose, for the soak benchmark (bench/soak): a source wrapped here fails a share of its
// calls, so the retries, the breaker and the run's search retries are exercised under load. Only
// local development can switch it on (readConfig's sourceFaultRate is 0 unless WEBHOOK_ALLOW_LOCALHOST
// is "true", which production never sets); with a rate of 0 no source is wrapped at all.
import type { CandidateSource, SourceHit, SourceQuery } from "./source";

export class InjectedSourceFault extends Error {
  constructor(source: string) {
    super(`${source}: fault injected (SOURCE_FAULT_RATE)`);
  }
}

export class FlakySource implements CandidateSource {
  readonly name: string;
  readonly scope: CandidateSource["scope"];

  /** `rate`: probability in [0, 1] that a call fails before reaching the source. */
  constructor(
    private readonly inner: CandidateSource,
    private readonly rate: number,
    private readonly random: () => number = Math.random,
  ) {
    this.name = inner.name;
    this.scope = inner.scope;
  }

  async search(query: SourceQuery, signal: AbortSignal): Promise<SourceHit[]> {
    if (this.random() < this.rate) {
      // Logged so the soak can count the faults the runs survived.
      console.warn(JSON.stringify({ level: "warn", msg: "source fault injected", source: this.name, companyId: query.companyId }));
      throw new InjectedSourceFault(this.name);
    }
    return this.inner.search(query, signal);
  }
}
