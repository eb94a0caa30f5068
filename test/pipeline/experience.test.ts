import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  careerSpan,
  formatDuration,
  parseProfileDate,
  roleDuration,
  roleInterval,
  rolesMostRecentFirst,
  totalExperienceMonths,
  totalYearsOfExperience,
  type ExperienceEntry,
} from "../../src/pipeline/score/experience";

const NOW = new Date("2024-06-15T12:00:00Z");

const role = (startDate?: string, endDate?: string, title = "Engineer"): ExperienceEntry => ({
  title,
  company: "Acme",
  startDate,
  endDate,
});

describe("parseProfileDate", () => {
  it.each([
    ["2019", { year: 2019, month: 1, precision: "year" }],
    ["2019-03", { year: 2019, month: 3, precision: "month" }],
    ["2019-03-14", { year: 2019, month: 3, precision: "day" }],
    ["2020-02-29", { year: 2020, month: 2, precision: "day" }], // leap day
    [" 2019-12 ", { year: 2019, month: 12, precision: "month" }],
  ])("reads %j", (raw, expected) => {
    expect(parseProfileDate(raw)).toEqual(expected);
  });

  it.each(["", "2019-13", "2019-00", "2019-3", "2019-02-30", "2021-02-29", "03/2019", "March 2019", "19-03", "2019-03-14T00:00"])(
    "rejects %j",
    (raw) => {
      expect(parseProfileDate(raw)).toBeNull();
    },
  );
});

describe("formatDuration", () => {
  it.each([
    [0, "0 mos"],
    [1, "1 mo"],
    [8, "8 mos"],
    [12, "1 yr"],
    [13, "1 yr 1 mo"],
    [24, "2 yrs"],
    [38, "3 yrs 2 mos"],
    [-3, "0 mos"],
  ])("%i months → %s", (months, text) => {
    expect(formatDuration(months)).toBe(text);
  });
});

describe("roleDuration", () => {
  it.each([
    ["closed role, both ends inclusive", role("2019-03", "2023-06"), "4 yrs 4 mos"],
    ["single month", role("2024-02", "2024-02"), "1 mo"],
    ["current role runs to now", role("2024-01"), "6 mos"],
    ["current role started this month", role("2024-06"), "1 mo"],
    ["year-only dates span whole years", role("2020", "2020"), "1 yr"],
    ["full dates count by month", role("2023-06-30", "2023-07-01"), "2 mos"],
    ["an end after now is cut at now", role("2024-01", "2025-12"), "6 mos"],
    ["missing start", role(undefined, "2023-06"), ""],
    ["end before start", role("2023-06", "2022-01"), ""],
    ["start after now", role("2025-01"), ""],
    ["unreadable end", role("2020-01", "soon"), ""],
  ])("%s", (_name, entry, text) => {
    expect(roleDuration(entry, NOW)).toBe(text);
  });

  it("uses the now it is given, not the clock", () => {
    expect(roleDuration(role("2020-01"), new Date("2021-01-10T00:00:00Z"))).toBe("1 yr 1 mo");
    expect(roleDuration(role("2020-01"), new Date("2030-12-31T00:00:00Z"))).toBe("11 yrs");
  });
});

describe("totalExperienceMonths", () => {
  it.each([
    ["no roles", [], 0],
    ["one closed role", [role("2019-01", "2019-12")], 12],
    ["disjoint roles add up", [role("2015-01", "2015-12"), role("2018-01", "2018-06")], 18],
    ["adjacent roles", [role("2019-01", "2019-06"), role("2019-07", "2019-12")], 12],
    ["overlapping roles counted once", [role("2018-01", "2021-12"), role("2020-01", "2023-12")], 72],
    ["a role inside another", [role("2010-01", "2019-12"), role("2012-01", "2013-12")], 120],
    ["two current roles at once", [role("2023-07"), role("2024-01")], 12],
    ["current role overlapping a closed one", [role("2020-01", "2022-12"), role("2022-01")], 54],
    ["undated and unreadable roles are ignored", [role(), role("someday"), role("2024-01", "2024-03")], 3],
    ["order does not matter", [role("2020-01", "2023-12"), role("2018-01", "2021-12")], 72],
  ])("%s", (_name, roles, months) => {
    expect(totalExperienceMonths(roles, NOW)).toBe(months);
  });

  it("in years", () => {
    expect(totalYearsOfExperience([role("2022-01", "2024-06")], NOW)).toBe(2.5);
  });

  const dated = fc
    .record({
      start: fc.integer({ min: 2000 * 12, max: 2024 * 12 + 5 }),
      length: fc.integer({ min: 0, max: 120 }),
      current: fc.boolean(),
    })
    .map(({ start, length, current }) => {
      const text = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
      return role(text(start), current ? undefined : text(start + length));
    });

  it("lies between the longest role and the sum of all roles, whatever their order", () => {
    fc.assert(
      fc.property(fc.array(dated, { maxLength: 8 }), (roles) => {
        const lengths = roles.map((r) => {
          const interval = roleInterval(r, NOW);
          return interval ? interval.end - interval.start : 0;
        });
        const total = totalExperienceMonths(roles, NOW);
        expect(total).toBeGreaterThanOrEqual(Math.max(0, ...lengths));
        expect(total).toBeLessThanOrEqual(lengths.reduce((a, b) => a + b, 0));
        expect(totalExperienceMonths([...roles].reverse(), NOW)).toBe(total);
      }),
    );
  });
});

describe("careerSpan", () => {
  it.each([
    ["no dated roles", [role()], null],
    ["closed career", [role("2016-04", "2019-01"), role("2019-02", "2023-06")], { from: "2016-04", to: "2023-06" }],
    ["current role ends at now", [role("2019-02", "2030-01"), role("2022-07")], { from: "2019-02", to: "now" }],
    ["keeps the profile's own spelling", [role("2016", "2018-05-31")], { from: "2016", to: "2018-05-31" }],
  ])("%s", (_name, roles, span) => {
    expect(careerSpan(roles, NOW)).toEqual(span);
  });
});

describe("rolesMostRecentFirst", () => {
  it("puts current roles first, then by end, then by start, undated last in their own order", () => {
    const roles = [
      role(undefined, undefined, "undated A"),
      role("2010-01", "2012-01", "oldest"),
      role("2015-01", "2020-01", "middle"),
      role("2021-01", undefined, "current"),
      role(undefined, undefined, "undated B"),
      role("2018-01", "2020-01", "middle, later start"),
    ];
    expect(rolesMostRecentFirst(roles, NOW).map((r) => r.title)).toEqual([
      "current",
      "middle, later start",
      "middle",
      "oldest",
      "undated A",
      "undated B",
    ]);
  });
});
