import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { AppEnv } from "../app-env";
import { requireScope } from "../auth/middleware";
import { ApiError } from "../errors";
import { getRun, type RunRow } from "../runs/run-store";
import { errorResponses } from "./common-schemas";
import { RequestIdParam } from "./sourcing-schemas";

export const sourcingEventRoutes = new OpenAPIHono<AppEnv>();

const POLL_MS = 500; // how often the read model is checked for changes
const HEARTBEAT_MS = 15_000; // a comment line keeps proxies from closing an idle stream
const MAX_STREAM_MS = 15 * 60_000; // a client reconnects after this; runs end well before

type RunEvent = { event: "stage" | "progress" | "completed" | "failed"; data: Record<string, unknown> };

/** The events that describe how a run changed between two reads (pure). */
export function runEvents(previous: RunRow | null, current: RunRow): RunEvent[] {
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
    return streamSSE(c, async (stream) => {
      let previous: RunRow | null = null;
      let current: RunRow | undefined = first;
      let lastWrite = Date.now();
      const started = Date.now();
      let seq = 0;
      while (current && !stream.aborted && Date.now() - started < MAX_STREAM_MS) {
        for (const e of runEvents(previous, current)) {
          await stream.writeSSE({ event: e.event, data: JSON.stringify(e.data), id: String(++seq) });
          lastWrite = Date.now();
        }
        if (current.status !== "processing") return;
        if (Date.now() - lastWrite > HEARTBEAT_MS) {
          await stream.write(": keep-alive\n\n");
          lastWrite = Date.now();
        }
        previous = current;
        await stream.sleep(POLL_MS);
        current = await getRun(c.env.DB, companyId, requestId);
      }
    });
  },
);
