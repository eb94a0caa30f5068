// Scoutflare Worker: the HTTP API, the enrichment queue consumers and the Durable Object classes.
import { buildApp } from "./app";
import type { Env } from "./env";
import { attemptDueDeliveries } from "./webhooks/dispatcher";
import { consumeDeadLetters, consumeEnrichBatches } from "./queue/enrich-consumer";

export { SourcingRun } from "./runs/sourcing-run";
export { RateLimiter } from "./ratelimit/rate-limiter";
export { EnrichmentJob } from "./enrichment/enrichment-job";

const app = buildApp();

export default {
  fetch: app.fetch,
  async queue(batch, env, _ctx) {
    if (batch.queue.endsWith("-dlq")) return consumeDeadLetters(batch, env);
    return consumeEnrichBatches(batch, env);
  },
  async scheduled(_controller, env, ctx) {
    // The sweeper: deliveries whose owning object is done with them (e.g. a failed manual redelivery).
    ctx.waitUntil(attemptDueDeliveries(env).then(() => undefined));
  },
} satisfies ExportedHandler<Env>;
