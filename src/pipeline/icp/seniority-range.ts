import { SENIORITY_SCALE, seniorityFromYears, seniorityRank, type Seniority } from "../occupations";

/**
 * The levels a job accepts, from what it states. A title that names a mid or senior level means that
 * level or one above; any other stated level means itself. Level words in the posting widen it ("senior or staff"). A silent title takes its level from
 * the years asked, with one level of slack above, since "3+ years" also suits someone with seven; with
 * no years either, junior to senior: only interns, leads and executives are clearly off.
 */
export function seniorityRangeOf(
  titleLevel: Seniority | null,
  statedLevels: readonly Seniority[],
  years: { min: number | null; max: number | null },
): { seniority: Seniority; range: { min: Seniority; max: Seniority } } {
  const levels: Seniority[] = [...statedLevels];
  let seniority: Seniority;
  if (titleLevel) {
    seniority = titleLevel;
    // "Senior" in a title is a floor: a staff engineer applying is a fit, not a mismatch. Junior roles
    // (entry-level by design) and the top of the ladder (a principal role is not a lead's) stay exact.
    const oneAbove = titleLevel === "mid" || titleLevel === "senior" ? [SENIORITY_SCALE[seniorityRank(titleLevel) + 1]] : [];
    levels.push(titleLevel, ...oneAbove);
  } else if (years.min !== null && seniorityFromYears(years.min) !== null) {
    seniority = seniorityFromYears(years.min)!;
    const upTo = (years.max !== null ? seniorityFromYears(years.max) : null) ?? SENIORITY_SCALE[Math.min(seniorityRank(seniority) + 1, seniorityRank("lead"))];
    levels.push(seniority, upTo);
  } else if (levels.length > 0) {
    seniority = levels[0];
  } else {
    seniority = "mid";
    levels.push("junior", "senior");
  }
  const ranks = levels.map(seniorityRank);
  return {
    seniority,
    range: { min: SENIORITY_SCALE[Math.min(...ranks)], max: SENIORITY_SCALE[Math.max(...ranks)] },
  };
}
