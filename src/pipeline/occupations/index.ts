/**
 * Occupations: what a title means. One seniority model, one curated list of occupations with their
 * title variants (occupations.json), and the relations a matcher needs. See README.md.
 */
import { memo } from "../memo";
import { classifyTitle } from "./classify-title";

export { classifyTitle, type TitleReading } from "./classify-title";
/** classifyTitle remembered per isolate: import-time facts and the occupation gate read the same titles. */
export const readTitle = memo(classifyTitle);
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
export { occupationLedBy, occupationsNamedBy, titleAlternatives, titleKinship, type TitleKinship } from "./title-kinship";
