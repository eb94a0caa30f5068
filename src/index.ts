// Scoutflare Worker: the HTTP API, the enrichment queue consumers and the Durable Object classes.
import { buildApp } from "./app";
import type { Env } from "./env";
import { consumeDeadLetters, consumeEnrichBatches } from "./queue/enrich-consumer";

export { SourcingRun } from "./runs/sourcing-run";
export { RateLimiter } from "./ratelimit/rate-limiter";

const app = buildApp();

export default {
  fetch: app.fetch,
  async queue(batch, env, _ctx) {
    if (batch.queue.endsWith("-dlq")) return consumeDeadLetters(batch, env);
    return consumeEnrichBatches(batch, env);
  },
} satisfies ExportedHandler<Env>;
