import type { Icp } from "../types";
import { clampScore, type Assessment } from "./assessment";
import { careerSpan, formatDuration, type ExperienceEntry } from "./experience";
import { quotable } from "./quotes";

/** Credit grows with years up to the minimum asked and stops there: more years earn nothing extra. */
export function experienceScore(years: number, minYears: number): number {
  if (minYears <= 0) return 100;
  return clampScore((100 * Math.min(years, minYears)) / minYears);
}

export function assessExperience(
  icp: Icp,
  roles: readonly ExperienceEntry[],
  months: number,
  hasDatedRoles: boolean,
  now: Date,
): Assessment {
  const asked = icp.minYearsExperience;
  const score = experienceScore(months / 12, asked);
  if (asked <= 0) return { score, fitPoints: [], redFlags: [] };
  const askedText = `${asked} year${asked === 1 ? "" : "s"} asked`;
  const span = careerSpan(roles, now);
  if (!hasDatedRoles || !span) {
    return {
      score,
      fitPoints: [],
      redFlags: [`No dated experience given, so the ${askedText} cannot be confirmed`],
      gap: "no dated experience",
    };
  }
  const from = quotable(span.from);
  const to = span.to === "now" ? "now" : quotable(span.to) ? `"${quotable(span.to)}"` : null;
  const range = from && to ? ` (from "${from}" to ${to})` : "";
  const total = `Total experience ${formatDuration(months)}${range}`;
  if (months >= asked * 12) return { score, fitPoints: [`${total} meets the ${askedText}`], redFlags: [] };
  return {
    score,
    fitPoints: [],
    redFlags: [`${total} is below the ${askedText}`],
    gap: `${formatDuration(months)} of experience against ${asked} years asked`,
  };
}
