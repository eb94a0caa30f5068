import type { Env } from "./env";
export { SourcingRun } from "./runs/sourcing-run";
export { RateLimiter } from "./ratelimit/rate-limiter";

export default {
  async fetch() {
    return new Response("ok");
  },
  async queue(_batch, _env, _ctx) {},
} satisfies ExportedHandler<Env>;
