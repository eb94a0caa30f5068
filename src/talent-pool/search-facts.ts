// Searching one company's pool from the facts derived at import (migration 0002): who can pass a job's gates.
// The company id is matched inside the FTS index (`tenant`) and again on the row, as in store.searchPool.
import { ftsPhrase } from "../pipeline/query/compile-query";
import { anySkillExpression } from "./skill-tokens";
import type { PoolHit } from "./store";

/** Where a job's candidates can be, as the search filters it (see locationFilter in pipeline/query). */
export type PlaceFilter = {
  anywhere: boolean; // no location constraint, or remote from anywhere
  boxes: [minLat: number, maxLat: number, minLon: number, maxLon: number][]; // commuting areas, degrees
  countries: string[]; // ISO2: remote is accepted from these
  broadCountries: string[]; // ISO2: a person placed only by this country may still be in commuting distance
};

export type FactsQuery = {
  families: string[]; // occupation families that can pass the occupation gate; empty = any
  skills: string[]; // what the ordering counts: must-haves, then a few nice-to-haves
  seniorityRank: number; // the middle of the job's range, 0 = intern
  place: PlaceFilter;
};

type Row = { profileId: string; linkedinUrl: string | null; emails: string | null };
const toHits = (rows: Row[]): PoolHit[] =>
  rows.map((r, i) => ({ profileId: r.profileId, linkedinUrl: r.linkedinUrl, emails: r.emails ? (JSON.parse(r.emails) as string[]) : [], score: i }));

/**
 * The location predicate over `p`, its parameters numbered from ?first (anywhere, boxes, countries, broad
 * countries). People who give no place at all stay in: unknown is not outside (scoring ranks them lower).
 */
function placePredicate(first: number, place: PlaceFilter): { sql: string; binds: unknown[] } {
  const [anywhere, boxes, countries, broad] = [first, first + 1, first + 2, first + 3];
  return {
    sql: `(?${anywhere} = 1
      OR (p.lat IS NULL AND (p.country IS NULL OR p.country IN (SELECT value FROM json_each(?${broad}))))
      OR p.country IN (SELECT value FROM json_each(?${countries}))
      OR EXISTS (SELECT 1 FROM json_each(?${boxes}) b
                 WHERE p.lat BETWEEN b.value ->> 0 AND b.value ->> 1 AND p.lon BETWEEN b.value ->> 2 AND b.value ->> 3))`,
    binds: [place.anywhere ? 1 : 0, JSON.stringify(place.boxes), JSON.stringify(place.countries), JSON.stringify(place.broadCountries)],
  };
}

/** The FTS5 MATCH of one company's people with any of these skills (the `skill_keys` column). */
function skillsMatch(companyId: string, skills: readonly string[]): string {
  return `tenant : ${ftsPhrase(companyId)} AND skill_keys : (${anySkillExpression(skills)})`;
}

/**
 * People of the job's occupation families who can pass its location policy, those with the most of its
 * skills first (bm25 over the skill tokens: more of them, and rarer ones, rank higher), then those nearest
 * its seniority. Driven by talent_profiles_by_occupation; the skills come from the full-text index.
 */
export async function searchPoolByOccupation(db: D1Database, companyId: string, q: FactsQuery, limit: number): Promise<PoolHit[]> {
  if (q.families.length === 0) return [];
  const place = placePredicate(6, q.place);
  const { results } = await db
    .prepare(
      `SELECT p.id AS profileId, p.linkedin_url AS linkedinUrl, json_extract(p.profile, '$.emails') AS emails
       FROM talent_profiles p
       LEFT JOIN (SELECT rowid, bm25(talent_profiles_fts) AS fit FROM talent_profiles_fts WHERE talent_profiles_fts MATCH ?3) AS m
         ON m.rowid = p.seq
       WHERE p.company_id = ?1 AND p.occupation_family IN (SELECT value FROM json_each(?2)) AND ${place.sql}
       ORDER BY coalesce(m.fit, 0), abs(coalesce(p.seniority_rank, ?4) - ?4), p.seq
       LIMIT ?5`,
    )
    .bind(companyId, JSON.stringify(q.families), skillsMatch(companyId, q.skills), q.seniorityRank, limit, ...place.binds)
    .all<Row>();
  return toHits(results);
}

/**
 * People with the most of the job's skills who can pass its location policy, whatever their occupation:
 * this finds the strong candidates whose title the occupation model does not know.
 */
export async function searchPoolBySkills(db: D1Database, companyId: string, q: FactsQuery, limit: number): Promise<PoolHit[]> {
  if (q.skills.length === 0) return [];
  const place = placePredicate(5, q.place);
  const { results } = await db
    .prepare(
      `SELECT p.id AS profileId, p.linkedin_url AS linkedinUrl, json_extract(p.profile, '$.emails') AS emails
       FROM talent_profiles_fts JOIN talent_profiles p ON p.seq = talent_profiles_fts.rowid
       WHERE talent_profiles_fts MATCH ?2 AND p.company_id = ?1 AND ${place.sql}
       ORDER BY bm25(talent_profiles_fts), abs(coalesce(p.seniority_rank, ?3) - ?3), p.seq
       LIMIT ?4`,
    )
    .bind(companyId, skillsMatch(companyId, q.skills), q.seniorityRank, limit, ...place.binds)
    .all<Row>();
  return toHits(results);
}
