// Retention cutoffs and the chunking of a purge (pure).
import { describe, expect, it } from "vitest";
import { purgeInChunks, type PurgeStep, retentionCutoffs, utcDay } from "../../src/maintenance/retention-policy";

const NOW = Date.parse("2026-06-15T12:00:00.000Z");

describe("retentionCutoffs", () => {
  const cases: [string, { runs: number; webhookDeliveries: number; idempotency: number }, Record<string, string | null>][] = [
    ["the defaults", { runs: 90, webhookDeliveries: 30, idempotency: 1 }, {
      runsEndedBefore: "2026-03-17T12:00:00.000Z", deliveriesFinishedBefore: "2026-05-16T12:00:00.000Z", idempotencyExpiredBefore: "2026-06-14T12:00:00.000Z",
    }],
    ["0 days keeps that kind forever", { runs: 0, webhookDeliveries: 7, idempotency: 0 }, {
      runsEndedBefore: null, deliveriesFinishedBefore: "2026-06-08T12:00:00.000Z", idempotencyExpiredBefore: null,
    }],
  ];
  it.each(cases)("%s", (_name, days, expected) => {
    expect(retentionCutoffs(NOW, days)).toEqual(expected);
  });
});

describe("utcDay", () => {
  it.each([
    ["2026-06-15T00:00:00.000Z", "2026-06-15"],
    ["2026-06-15T23:59:59.999Z", "2026-06-15"],
    ["2026-06-16T00:00:00.000Z", "2026-06-16"],
  ])("%s is on %s", (iso, day) => expect(utcDay(Date.parse(iso))).toBe(day));
});

describe("purgeInChunks", () => {
  const chunks = (steps: PurgeStep[]) => {
    let i = 0;
    return { calls: () => i, next: async () => steps[i++] };
  };
  it.each([
    ["drained by the first chunk", [{ deleted: 3, drained: true }], 4, { deleted: 3, drained: true }, 1],
    ["drained by the third", [{ deleted: 5, drained: false }, { deleted: 5, drained: false }, { deleted: 1, drained: true }], 4, { deleted: 11, drained: true }, 3],
    ["more than the bound: stops, not drained", [{ deleted: 5, drained: false }, { deleted: 5, drained: false }, { deleted: 5, drained: false }], 2, { deleted: 10, drained: false }, 2],
  ] as const)("%s", async (_name, steps, max, expected, calls) => {
    const c = chunks([...steps]);
    expect(await purgeInChunks(max, c.next)).toEqual(expected);
    expect(c.calls()).toBe(calls);
  });
});
