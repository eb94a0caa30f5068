// Scoutflare Worker: the HTTP API, the enrichment queue consumers and the Durable Object classes.
import { buildApp } from "./app";
import type { Env } from "./env";
import { attemptDueDeliveries } from "./webhooks/dispatcher";
import { consumeDeadLetters, consumeEnrichBatches } from "./queue/enrich-consumer";
import { runDailyPass } from "./maintenance/daily-pass";
import { reconcileStuckRuns } from "./maintenance/reconcile";

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
    // Requests stuck in processing: re-armed, or failed with their credits released.
    ctx.waitUntil(cronTask("reconcile", () => reconcileStuckRuns(env)));
    // Once a UTC day (continued minute by minute while there is more than one invocation's worth):
    // retention purges and the full-text index merge.
    ctx.waitUntil(cronTask("daily pass", () => runDailyPass(env)));
  },
} satisfies ExportedHandler<Env>;

/** A cron task on its own: its failure is logged and leaves the others running; each is retried next minute. */
async function cronTask(name: string, task: () => Promise<unknown>): Promise<void> {
  try {
    await task();
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "cron task failed", task: name, error: String(err) }));
  }
}
