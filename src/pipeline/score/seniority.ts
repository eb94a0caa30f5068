import type { Icp } from "../types";
import { UNKNOWN_SCORE, type Assessment } from "./assessment";
import { formatDuration } from "./experience";
import { quotable } from "./quotes";

type Seniority = Icp["seniority"];
const SENIORITY_LEVELS = ["intern", "junior", "mid", "senior", "lead", "principal", "executive"] as const satisfies readonly Seniority[];
// Seniority score by distance in levels (0, 1, 2, 3+).
const SENIORITY_SCORE_BY_DISTANCE = [100, 70, 35, 0] as const;

/**
 * The level a title names. Executive titles are unambiguous; after them the explicit level words
 * (intern, junior, senior) outrank role nouns, so "Senior Architect" is senior and "Junior Manager" junior.
 */
export function seniorityFromTitle(title: string): Seniority | null {
  const t = title.toLowerCase();
  if (/\b(chief|cto|ceo|cfo|coo|cio|cno|vp|svp|evp|vice president|director|president|head of)\b/.test(t)) {
    return "executive";
  }
  if (/\b(intern|internship|trainee|apprentice|student)\b/.test(t)) return "intern";
  if (/\b(junior|jr|graduate|entry[- ]level)\b/.test(t)) return "junior";
  if (/\b(mid|mid-level|intermediate)\b/.test(t)) return "mid";
  if (/\b(senior|sr)\b/.test(t)) return "senior";
  // "Staff" is a level only in technical ladders; a staff nurse is an ordinary nurse.
  if (/\b(principal|distinguished|fellow|architect)\b/.test(t)) return "principal";
  if (/\bstaff\b/.test(t) && /\b(engineer|developer|scientist|designer|analyst)\b/.test(t)) return "principal";
  if (/\b(lead|manager|head|supervisor|charge)\b/.test(t)) return "lead";
  return null;
}

/** Years alone never imply lead or principal: those are roles, not tenure. */
export function seniorityFromYears(years: number): Seniority {
  if (years < 2) return "junior";
  if (years < 5) return "mid";
  return "senior";
}

export function assessSeniority(icp: Icp, currentTitle: string | null, months: number | null): Assessment {
  const fromTitle = currentTitle ? seniorityFromTitle(currentTitle) : null;
  const level = fromTitle ?? (months !== null ? seniorityFromYears(months / 12) : null);
  if (level === null) return { score: UNKNOWN_SCORE, fitPoints: [], redFlags: [] };
  const distance = Math.abs(SENIORITY_LEVELS.indexOf(level) - SENIORITY_LEVELS.indexOf(icp.seniority));
  const score = SENIORITY_SCORE_BY_DISTANCE[Math.min(distance, SENIORITY_SCORE_BY_DISTANCE.length - 1)];
  const basis =
    fromTitle && currentTitle && quotable(currentTitle)
      ? `Current title "${quotable(currentTitle)}"`
      : fromTitle
        ? "The current title"
        : `Total experience of ${formatDuration(months ?? 0)}`;
  const fitPoints = distance === 0 && fromTitle ? [`${basis} indicates ${level} level, as asked`] : [];
  const redFlags = distance >= 2 ? [`${basis} suggests ${level} level; the role is ${icp.seniority}`] : [];
  return { score, fitPoints, redFlags, gap: distance >= 2 ? `${level} rather than ${icp.seniority} level` : undefined };
}
