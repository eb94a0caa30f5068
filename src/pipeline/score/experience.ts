import type { ProfileInput } from "../types";

/**
 * Dates and durations of a profile's work history. Profiles give dates at month precision at best
 * ("YYYY", "YYYY-MM", "YYYY-MM-DD"), so everything here counts whole calendar months and the day of
 * a full date is checked but otherwise ignored. The caller passes `now`; nothing here reads the clock.
 */

export type ExperienceEntry = NonNullable<ProfileInput["experience"]>[number];

export type ProfileDate = {
  year: number;
  month: number; // 1-based; 1 when only the year is given
  precision: "year" | "month" | "day";
};

/** Half-open interval of month indexes (year * 12 + 0-based month): [start, end). */
export type MonthInterval = { start: number; end: number };

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "2019", "2019-03" or "2019-03-14" → a date; anything else (including "2019-13") → null. */
export function parseProfileDate(raw: string): ProfileDate | null {
  const match = DATE_PATTERN.exec(raw.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year, month: 1, precision: "year" };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month, precision: "month" };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, precision: "day" };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthIndexOf(date: Date): number {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/**
 * The months a role covers, both ends inclusive as profiles show them ("2019-03 – 2019-05" is 3 months).
 * A year-only start counts from January and a year-only end through December, the widest honest reading.
 * No endDate means the role is current and runs to `now`; an end after `now` is cut at `now`.
 * Null when the start is missing, unreadable, after `now`, or after the end.
 */
export function roleInterval(role: Pick<ExperienceEntry, "startDate" | "endDate">, now: Date): MonthInterval | null {
  if (role.startDate === undefined) return null;
  const start = parseProfileDate(role.startDate);
  if (!start) return null;
  const nowEnd = monthIndexOf(now) + 1;
  let end = nowEnd;
  if (role.endDate !== undefined) {
    const parsedEnd = parseProfileDate(role.endDate);
    if (!parsedEnd) return null;
    const lastMonth = parsedEnd.precision === "year" ? 12 : parsedEnd.month;
    end = Math.min(parsedEnd.year * 12 + lastMonth, nowEnd);
  }
  const startIndex = start.year * 12 + (start.month - 1);
  if (startIndex >= end) return null;
  return { start: startIndex, end };
}

export function isCurrentRole(role: Pick<ExperienceEntry, "endDate">): boolean {
  return role.endDate === undefined;
}

/** 38 → "3 yrs 2 mos", 8 → "8 mos", 12 → "1 yr", 0 → "0 mos". */
export function formatDuration(months: number): string {
  const whole = Math.max(0, Math.floor(months));
  const years = Math.floor(whole / 12);
  const rest = whole % 12;
  const yearText = years === 1 ? "1 yr" : `${years} yrs`;
  const monthText = rest === 1 ? "1 mo" : `${rest} mos`;
  if (years === 0) return monthText;
  return rest === 0 ? yearText : `${yearText} ${monthText}`;
}

/** The role's length as text; empty when its dates cannot be read, since a guess would be a claim. */
export function roleDuration(role: Pick<ExperienceEntry, "startDate" | "endDate">, now: Date): string {
  const interval = roleInterval(role, now);
  return interval ? formatDuration(interval.end - interval.start) : "";
}

/** Months covered by at least one role: overlapping or concurrent roles are counted once. */
export function totalExperienceMonths(roles: readonly ExperienceEntry[], now: Date): number {
  return monthsCovered(roles.map((role) => roleInterval(role, now)).filter((interval): interval is MonthInterval => interval !== null));
}

/** Months inside at least one of the intervals (their union's length). */
export function monthsCovered(list: readonly MonthInterval[]): number {
  const intervals = [...list].sort((a, b) => a.start - b.start);
  let total = 0;
  let coveredUntil = -Infinity;
  for (const { start, end } of intervals) {
    const from = Math.max(start, coveredUntil);
    if (end > from) total += end - from;
    coveredUntil = Math.max(coveredUntil, end);
  }
  return total;
}

export function totalYearsOfExperience(roles: readonly ExperienceEntry[], now: Date): number {
  return totalExperienceMonths(roles, now) / 12;
}

/** Where a career's dated history starts and ends, as the profile wrote it ("now" for a current role). */
export type CareerSpan = { from: string; to: string | "now" };

export function careerSpan(roles: readonly ExperienceEntry[], now: Date): CareerSpan | null {
  let earliest: { role: ExperienceEntry; start: number } | null = null;
  let latest: { role: ExperienceEntry; end: number } | null = null;
  for (const role of roles) {
    const interval = roleInterval(role, now);
    if (!interval) continue;
    if (!earliest || interval.start < earliest.start) earliest = { role, start: interval.start };
    // A current role always wins: its end is "now" however the months compare.
    const end = isCurrentRole(role) ? Infinity : interval.end;
    if (!latest || end > latest.end) latest = { role, end };
  }
  if (!earliest || !latest) return null;
  return {
    from: earliest.role.startDate ?? "",
    to: isCurrentRole(latest.role) ? "now" : (latest.role.endDate ?? ""),
  };
}

/**
 * Roles most recent first: current roles, then by end, then by start; undated roles keep their
 * imported order at the end, since we cannot place them.
 */
export function rolesMostRecentFirst<T extends ExperienceEntry>(roles: readonly T[], now: Date): T[] {
  const keyed = roles.map((role, order) => {
    const interval = roleInterval(role, now);
    return {
      role,
      order,
      current: isCurrentRole(role) && interval !== null,
      end: interval?.end ?? -Infinity,
      start: interval?.start ?? -Infinity,
    };
  });
  keyed.sort(
    (a, b) =>
      Number(b.current) - Number(a.current) || b.end - a.end || b.start - a.start || a.order - b.order,
  );
  return keyed.map((k) => k.role);
}
