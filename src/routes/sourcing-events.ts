import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { AppEnv } from "../app-env";
import { requireScope } from "../auth/middleware";
import { ApiError } from "../errors";
import { waitUntil } from "../execution";
import { claimStreamSlot, STREAM_SLOT_RENEW_MS } from "../ratelimit/stream-slots";
import { getRun } from "../runs/run-store";
import { errorResponses } from "./common-schemas";
import { MAX_D1_READS_PER_STREAM, nextPollDelayMs, nextRead, POLL_MIN_MS, type RunView } from "./sourcing-events-poll";
import { RequestIdParam } from "./sourcing-schemas";

export const sourcingEventRoutes = new OpenAPIHono<AppEnv>();

const HEARTBEAT_MS = 15_000; // a comment line keeps proxies from closing an idle stream
const MAX_STREAM_MS = 15 * 60_000; // a client reconnects after this; runs end well before

type RunEvent = { event: "stage" | "progress" | "completed" | "failed"; data: Record<string, unknown> };

/** The events that describe how a run changed between two reads (pure). */
export function runEvents(previous: RunView | null, current: RunView): RunEvent[] {
  const events: RunEvent[] = [];
  const progress = { stage: current.stage, round: current.round, batchesTotal: current.batchesTotal, batchesDone: current.batchesDone, foundCount: current.foundCount, scoredCount: current.scoredCount };
  if (current.status === "processing") {
    if (previous?.stage !== current.stage || previous?.round !== current.round) events.push({ event: "stage", data: { requestId: current.id, stage: current.stage, round: current.round } });
    if (!previous || previous.batchesDone !== current.batchesDone || previous.scoredCount !== current.scoredCount || previous.batchesTotal !== current.batchesTotal) {
      events.push({ event: "progress", data: { requestId: current.id, progress } });
    }
    return events;
  }
  const ended = { requestId: current.id, status: current.status, foundCount: current.foundCount, scoredCount: current.scoredCount, completedAt: current.completedAt };
  return [
    current.status === "completed"
      ? { event: "completed", data: ended }
      : { event: "failed", data: { ...ended, errorCode: current.errorCode, errorMessage: current.errorMessage } },
  ];
}

sourcingEventRoutes.openapi(
  createRoute({
    method: "get",
    path: "/sourcing/{requestId}/events",
    tags: ["Sourcing"],
    summary: "Server-sent events of a run's progress, ending when the run ends",
    middleware: [requireScope("sourcing:read")] as const,
    request: { params: RequestIdParam },
    responses: {
      200: { description: "`stage`, `progress`, then `completed` or `failed`", content: { "text/event-stream": { schema: z.string() } } },
      ...errorResponses(403, 404),
    },
  }),
  async (c) => {
    const { requestId } = c.req.valid("param");
    const companyId = c.get("tenant").companyId;
    const first = await getRun(c.env.DB, companyId, requestId);
    if (!first || first.kind !== "sourcing") throw new ApiError("REQUEST_NOT_FOUND", "Sourcing run not found", { requestId });
    // A run that has ended streams its final event and stops: it takes no slot.
    const slot = first.status === "processing" ? await claimStreamSlot(c) : null;
    const run = c.env.SOURCING_RUN.get(c.env.SOURCING_RUN.idFromName(requestId));
    return streamSSE(c, async (stream) => {
      const clientGone = new Promise<void>((resolve) => stream.onAbort(resolve));
      let previous: RunView | null = null;
      let current: RunView | undefined = first;
      let lastWrite = Date.now();
      let renewedAt = Date.now();
      const started = Date.now();
      let seq = 0;
      let delayMs = POLL_MIN_MS;
      let readD1 = false; // whether `current` came from D1
      let d1Reads = 0;
      try {
        while (current && !stream.aborted && Date.now() - started < MAX_STREAM_MS) {
          const events = runEvents(previous, current);
          for (const e of events) {
            await stream.writeSSE({ event: e.event, data: JSON.stringify(e.data), id: String(++seq) });
            lastWrite = Date.now();
          }
          if (current.status !== "processing") return;
          if (Date.now() - lastWrite > HEARTBEAT_MS) {
            await stream.write(": keep-alive\n\n");
            lastWrite = Date.now();
          }
          previous = current;
          delayMs = nextPollDelayMs(delayMs, { changed: events.length > 0, readD1 });
          await Promise.race([stream.sleep(delayMs), clientGone]); // a closed stream frees its slot at once
          if (stream.aborted) return;
          if (slot && Date.now() - renewedAt >= STREAM_SLOT_RENEW_MS) {
            // A renewal that cannot reach the limiter keeps the stream: the slot lapses on its own if it never can.
            if (!(await slot.renew().catch(() => true))) return;
            renewedAt = Date.now();
          }
          // The object answers from memory; if it cannot be reached, D1 stands in for it.
          const next = nextRead(await run.progress().catch(() => null), previous);
          readD1 = next.from === "d1";
          if (next.from === "object") current = next.view;
          if (next.from === "d1") {
            if (++d1Reads > MAX_D1_READS_PER_STREAM) return; // the client reconnects, in a new invocation
            current = await getRun(c.env.DB, companyId, requestId);
          }
        }
      } finally {
        // Given back after the response has ended; a release that fails leaves a lease that lapses on its own.
        if (slot) waitUntil(c, slot.release().catch(() => undefined));
      }
    });
  },
);
