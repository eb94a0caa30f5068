import type { Context } from "hono";

/**
 * Let `task` finish after the response is sent (the ExecutionContext's waitUntil), so the runtime
 * does not cancel it with the request. Without an ExecutionContext (an app called bare, as some tests
 * do, where Hono throws on access) the task simply runs on.
 */
export function waitUntil(c: Context, task: Promise<unknown>): void {
  let ctx: ExecutionContext | undefined;
  try {
    ctx = c.executionCtx as ExecutionContext;
  } catch {
    ctx = undefined;
  }
  ctx?.waitUntil(task);
}
