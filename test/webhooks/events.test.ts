import { describe, expect, it } from "vitest";
import { deliveryPayload, sourcingEventData, sourcingEventName } from "../../src/webhooks/events";

describe("sourcing event data", () => {
  it("a completed run: the contract's fields, no error fields", () => {
    const data = sourcingEventData({ id: "req_1", status: "completed", title: "SRE", foundCount: 40, scoredCount: 20, errorCode: null, errorMessage: null }, "https://api.example.com/");
    expect(data).toEqual({ requestId: "req_1", status: "completed", title: "SRE", foundCount: 40, scoredCount: 20, resultsUrl: "https://api.example.com/sourcing/req_1/results" });
    expect(sourcingEventName("completed")).toBe("SOURCING_COMPLETED");
  });

  it("a failed run carries its error", () => {
    const data = sourcingEventData({ id: "req_2", status: "failed", title: "SRE", foundCount: 0, scoredCount: 0, errorCode: "INTERNAL_ERROR", errorMessage: "boom" }, "https://x.test");
    expect(data).toMatchObject({ status: "failed", errorCode: "INTERNAL_ERROR", errorMessage: "boom" });
    expect(sourcingEventName("failed")).toBe("SOURCING_FAILED");
  });

  it("the envelope is { event, timestamp, deliveryId, data } in that order", () => {
    expect(deliveryPayload("PING", "msg_1", "2026-01-01T00:00:00.000Z", { a: 1 })).toBe(
      '{"event":"PING","timestamp":"2026-01-01T00:00:00.000Z","deliveryId":"msg_1","data":{"a":1}}',
    );
  });
});
