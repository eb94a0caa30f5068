// The events a webhook can subscribe to and the body each delivery carries. The body is built once,
// when the delivery is created, so every attempt sends the same bytes.
import { WEBHOOK_EVENTS, type WebhookEvent } from "../db/schema";

export { WEBHOOK_EVENTS, type WebhookEvent };

/** `data` of SOURCING_COMPLETED / SOURCING_FAILED, exactly as the contract lists it. */
export type SourcingEventData = {
  requestId: string;
  status: "completed" | "failed";
  title: string;
  foundCount: number;
  scoredCount: number;
  errorCode?: string;
  errorMessage?: string;
  resultsUrl: string;
};

export type EndedSourcingRun = {
  id: string;
  status: "completed" | "failed";
  title: string;
  foundCount: number;
  scoredCount: number;
  errorCode?: string | null;
  errorMessage?: string | null;
};

/** `baseUrl` is the public origin without a trailing slash (PUBLIC_BASE_URL, or the API's own). */
export function sourcingEventData(run: EndedSourcingRun, baseUrl: string): SourcingEventData {
  return {
    requestId: run.id,
    status: run.status,
    title: run.title,
    foundCount: run.foundCount,
    scoredCount: run.scoredCount,
    // Absent rather than null on success: the contract marks both optional.
    ...(run.errorCode ? { errorCode: run.errorCode } : {}),
    ...(run.errorMessage ? { errorMessage: run.errorMessage } : {}),
    resultsUrl: `${baseUrl.replace(/\/+$/, "")}/sourcing/${run.id}/results`,
  };
}

export function sourcingEventName(status: "completed" | "failed"): WebhookEvent {
  return status === "completed" ? "SOURCING_COMPLETED" : "SOURCING_FAILED";
}

/** The envelope `{ event, timestamp, deliveryId, data }` serialised once; these bytes are signed and sent. */
export function deliveryPayload(event: WebhookEvent, deliveryId: string, timestampIso: string, data: unknown): string {
  return JSON.stringify({ event, timestamp: timestampIso, deliveryId, data });
}
