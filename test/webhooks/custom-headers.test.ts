import { describe, expect, it } from "vitest";
import {
  applyHeaderUpdate, duplicateHeaderIndex, headerNameProblem, headerValueProblem, maskHeaders, outgoingHeaders,
} from "../../src/webhooks/custom-headers";

describe("headerNameProblem", () => {
  it.each(["X-Api-Key", "Authorization", "x-tenant", "X_Custom.1"])("accepts %s", (name) => {
    expect(headerNameProblem(name)).toBeNull();
  });

  it.each([
    ["", /1–100/],
    ["x".repeat(101), /1–100/],
    ["X Space", /valid HTTP header name/],
    ["X:Colon", /valid HTTP header name/],
    ["webhook-signature", /cannot be overridden/],
    ["Webhook-Id", /cannot be overridden/],
    ["WEBHOOK-TIMESTAMP", /cannot be overridden/],
    ["Content-Type", /cannot be overridden/],
    ["content-length", /cannot be overridden/],
    ["Host", /cannot be overridden/],
    ["Transfer-Encoding", /cannot be overridden/],
  ])("refuses %j", (name, reason) => {
    expect(headerNameProblem(name)).toMatch(reason);
  });
});

describe("headerValueProblem", () => {
  it("accepts visible text and tabs", () => expect(headerValueProblem("Bearer abc\tdef")).toBeNull());
  it.each(["a\r\nX-Evil: 1", "a\nb", "a\u0000b", "x".repeat(1001)])("refuses %j", (value) => {
    expect(headerValueProblem(value)).not.toBeNull();
  });
});

describe("duplicateHeaderIndex", () => {
  it.each([
    [["A", "B"], -1],
    [["X-Key", "x-key"], 1],
    [["A", "B", "a"], 2],
  ] as const)("%j → %i", (names, index) => expect(duplicateHeaderIndex(names)).toBe(index));
});

describe("maskHeaders", () => {
  it("never returns a value", () => {
    const masked = maskHeaders([{ name: "X-Key", value: "s3cret", isMasked: true }]);
    expect(masked).toEqual([{ name: "X-Key", isMasked: true }]);
    expect(JSON.stringify(masked)).not.toContain("s3cret");
  });
});

describe("applyHeaderUpdate", () => {
  const stored = [{ name: "X-Key", value: "old", isMasked: true }];

  it("replaces the list, keeping a stored value when the entry has none", () => {
    expect(applyHeaderUpdate(stored, [{ name: "x-key" }, { name: "X-New", value: "n" }])).toEqual({
      ok: true,
      headers: [
        { name: "x-key", value: "old", isMasked: true },
        { name: "X-New", value: "n", isMasked: true },
      ],
    });
  });

  it("an empty list removes every header", () => {
    expect(applyHeaderUpdate(stored, [])).toEqual({ ok: true, headers: [] });
  });

  it("a new name without a value is refused, with its index", () => {
    expect(applyHeaderUpdate(stored, [{ name: "X-Key" }, { name: "X-Unknown" }])).toEqual({ ok: false, index: 1 });
  });
});

describe("outgoingHeaders", () => {
  it("lets no custom header replace a signature header, even one stored before validation", () => {
    const headers = outgoingHeaders(
      [
        { name: "X-Key", value: "k", isMasked: true },
        { name: "webhook-signature", value: "v1,forged", isMasked: true },
      ],
      { "content-type": "application/json", "webhook-signature": "v1,real" },
    );
    expect(headers.get("x-key")).toBe("k");
    expect(headers.get("webhook-signature")).toBe("v1,real");
    expect(headers.get("content-type")).toBe("application/json");
  });
});
