/**
 * Occupations: what a title means. One seniority model, one curated list of occupations with their
 * title variants (occupations.json), and the relations a matcher needs. See README.md.
 */
export { classifyTitle, type TitleReading } from "./classify-title";
export {
  allOccupations,
  isPeopleManagement,
  managingOccupation,
  type Occupation,
  occupationById,
  occupationFamily,
  occupationRelation,
  type OccupationRelation,
} from "./occupations";
export { type Seniority, SENIORITY_SCALE, seniorityFromTitle, seniorityFromYears, seniorityRank } from "./seniority";
export { titlesMentionedIn } from "./titles-in-text";
