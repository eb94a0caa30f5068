// The talent pool in D1: upserts, reads, erasure and the company-scoped full-text search.
import type { ProfileInput, TalentProfile } from "../pipeline/types";
import { nowIso } from "../clock";
import { sha256Hex } from "../crypto/encoding";
import { newId } from "../ids";
import { ftsPhrase } from "../pipeline/query/compile-query";
import { deriveProfileFacts, FACTS_VERSION, type ProfileFacts } from "../pipeline/facts/profile-facts";
import { seniorityRank } from "../pipeline/occupations";
import { skillKeys } from "./skill-tokens";
import { suppressStatement, suppressionDigests } from "./vendor-suppressions";

// D1 caps bound parameters per statement at 100; lists travel as one JSON parameter via json_each.
const LOOKUP_CHUNK = 500;
export const WRITE_BATCH = 100;
const BODY_TEXT_MAX = 20_000;

type Identity = { id: string; identityKey: string };

/**
 * The key an import matches an existing person by: externalId, else linkedinUrl, else first email, else
 * a hash of the profile as sent — so a retried import of someone with no identifier at all finds the row
 * its first attempt wrote. Unique per company in D1 (migration 0005).
 */
async function identityKeyOf(p: ProfileInput): Promise<string> {
  if (p.externalId) return `ext:${p.externalId}`;
  if (p.linkedinUrl) return `li:${p.linkedinUrl}`;
  const email = p.emails?.[0]?.toLowerCase();
  if (email) return `em:${email}`;
  return `sha:${await sha256Hex(JSON.stringify(p))}`;
}

function searchColumns(p: ProfileInput) {
  const body = [
    p.summary,
    ...(p.experience ?? []).flatMap((e) => [e.title, e.company, e.description]),
    ...(p.education ?? []).flatMap((e) => [e.school, e.degree, e.field]),
    p.location,
    p.country,
    p.currentCompany,
    p.resumeText,
  ]
    .filter(Boolean)
    .join("\n")
    .slice(0, BODY_TEXT_MAX);
  return { skillsText: (p.skills ?? []).join(", "), bodyText: body };
}

/** The facts and the columns the search filters on, in the order of FACT_COLUMNS. */
function factColumns(facts: ProfileFacts): unknown[] {
  const city = facts.place?.kind === "city" ? facts.place : null;
  return [
    JSON.stringify(facts), facts.version, facts.occupationId, facts.occupationFamily,
    facts.seniority === null ? null : seniorityRank(facts.seniority),
    // Coordinates only for a city: a country's centre point would put its whole population in one town.
    facts.place?.country ?? null, city?.lat ?? null, city?.lon ?? null, facts.remote ? 1 : 0,
    skillKeys(facts.skills.map((s) => s.skill)),
  ];
}
const FACT_COLUMNS = ["facts", "facts_version", "occupation_id", "occupation_family", "seniority_rank", "country", "lat", "lon", "works_remotely", "skill_keys"];
/** SQL for the fact columns bound from parameter ?first on. */
const factPlaceholders = (first: number) => FACT_COLUMNS.map((_, i) => `?${first + i}`).join(", ");
const factAssignments = (first: number) => FACT_COLUMNS.map((column, i) => `${column} = ?${first + i}`).join(", ");

export async function findIdentities(db: D1Database, companyId: string, keys: string[]): Promise<Map<string, Identity>> {
  const out = new Map<string, Identity>();
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
    const { results } = await db
      .prepare(
        `SELECT id, identity_key AS identityKey FROM talent_profiles
         WHERE company_id = ?1 AND identity_key IN (SELECT value FROM json_each(?2))`,
      )
      .bind(companyId, JSON.stringify(keys.slice(i, i + LOOKUP_CHUNK)))
      .all<Identity>();
    for (const row of results) out.set(row.identityKey, row);
  }
  return out;
}

/** Where a row came from (migration 0008): the company's own import, or a vendor's record (by the vendor's id). */
export type ProfileOrigin = { origin: "import" } | { origin: string; originRef: string };

/**
 * The upsert of one profile by its identity, with its search columns and facts. An import makes the
 * row the company's own (`origin = 'import'`, also over a row bought from a vendor before). A vendor
 * record never overwrites a row the company imported: the guard is in the statement itself, so an
 * import racing the purchase wins whichever lands first.
 */
export function profileUpsertStatement(
  db: D1Database,
  companyId: string,
  identityKey: string,
  p: ProfileInput,
  now: string,
  from: ProfileOrigin = { origin: "import" },
): D1PreparedStatement {
  const { skillsText, bodyText } = searchColumns(p);
  const facts = factColumns(deriveProfileFacts(p));
  const primaryEmail = p.emails?.[0]?.toLowerCase() ?? null;
  const vendor = from.origin !== "import";
  return db
    .prepare(
      `INSERT INTO talent_profiles (id, company_id, identity_key, external_id, linkedin_url, primary_email, full_name,
         current_title, headline, skills_text, body_text, profile, created_at, updated_at, ${FACT_COLUMNS.join(", ")}, origin, origin_ref)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ${factPlaceholders(14)}, ?24, ?25)
       ON CONFLICT (company_id, identity_key) DO UPDATE SET external_id = ?4, linkedin_url = ?5, primary_email = ?6,
         full_name = ?7, current_title = ?8, headline = ?9, skills_text = ?10, body_text = ?11, profile = ?12,
         updated_at = ?13, ${factAssignments(14)}, origin = ?24, origin_ref = COALESCE(?25, talent_profiles.origin_ref)
       ${vendor ? `WHERE talent_profiles.origin <> 'import'` : ""}`,
    )
    .bind(newId.profile(), companyId, identityKey, p.externalId ?? null, p.linkedinUrl ?? null, primaryEmail, p.fullName,
      p.currentTitle ?? null, p.headline ?? null, skillsText, bodyText, JSON.stringify(p), now, ...facts,
      from.origin, "originRef" in from ? from.originRef : null);
}

/**
 * Insert or update each profile by its identity; later lines of one import win over earlier ones. Each
 * write is one `INSERT … ON CONFLICT (company_id, identity_key) DO UPDATE`, so an import racing another
 * (or retried after a failure part-way: each batch of 100 is atomic, the whole import is not) converges
 * on one row per person. `imported` / `updated` are read before writing and can be off by the racing
 * import's people; the rows never are.
 */
export async function upsertProfiles(
  db: D1Database,
  companyId: string,
  profiles: ProfileInput[],
): Promise<{ imported: number; updated: number }> {
  const keys = await Promise.all(profiles.map(identityKeyOf));
  const existing = await findIdentities(db, companyId, [...new Set(keys)]);
  const now = nowIso();
  let imported = 0;
  let updated = 0;
  const statements: D1PreparedStatement[] = [];
  profiles.forEach((p, i) => {
    const identityKey = keys[i];
    if (existing.has(identityKey)) updated++;
    else {
      imported++;
      existing.set(identityKey, { id: "", identityKey });
    }
    statements.push(profileUpsertStatement(db, companyId, identityKey, p, now));
  });
  for (let i = 0; i < statements.length; i += WRITE_BATCH) await db.batch(statements.slice(i, i + WRITE_BATCH));
  return { imported, updated };
}

function toTalentProfile(row: { id: string; companyId: string; profile: string }): TalentProfile {
  return { ...(JSON.parse(row.profile) as ProfileInput), profileId: row.id, companyId: row.companyId };
}

/** One profile with where it came from: "import", or the vendor it was bought from ("pdl"). */
export async function getProfile(db: D1Database, companyId: string, profileId: string): Promise<(TalentProfile & { origin: string }) | null> {
  const row = await db
    .prepare(`SELECT id, company_id AS companyId, profile, origin FROM talent_profiles WHERE id = ?1 AND company_id = ?2`)
    .bind(profileId, companyId)
    .first<{ id: string; companyId: string; profile: string; origin: string }>();
  return row ? { ...toTalentProfile(row), origin: row.origin } : null;
}

export async function loadProfiles(db: D1Database, companyId: string, profileIds: string[]): Promise<TalentProfile[]> {
  const { results } = await db
    .prepare(
      `SELECT id, company_id AS companyId, profile FROM talent_profiles
       WHERE company_id = ?1 AND id IN (SELECT value FROM json_each(?2))`,
    )
    .bind(companyId, JSON.stringify(profileIds))
    .all<{ id: string; companyId: string; profile: string }>();
  return results.map(toTalentProfile);
}

export type ProfileWithFacts = { profile: TalentProfile; facts: ProfileFacts };

/**
 * Profiles with their import-time facts, for scoring. Facts older than this code's FACTS_VERSION (a
 * lexicon change not yet re-derived) are derived again here, so a stale row is never scored by old rules.
 */
export async function loadProfilesWithFacts(db: D1Database, companyId: string, profileIds: string[]): Promise<ProfileWithFacts[]> {
  const { results } = await db
    .prepare(
      `SELECT id, company_id AS companyId, profile, facts, facts_version AS factsVersion FROM talent_profiles
       WHERE company_id = ?1 AND id IN (SELECT value FROM json_each(?2))`,
    )
    .bind(companyId, JSON.stringify(profileIds))
    .all<{ id: string; companyId: string; profile: string; facts: string | null; factsVersion: number }>();
  return results.map((row) => {
    const profile = toTalentProfile(row);
    const facts = row.facts && row.factsVersion === FACTS_VERSION ? (JSON.parse(row.facts) as ProfileFacts) : deriveProfileFacts(profile);
    return { profile, facts };
  });
}

export type StaleFactsRow = { id: string; profile: string; factsVersion: number };

/** Up to `limit` profiles (of every company) whose facts are older than FACTS_VERSION. */
export async function readStaleFacts(db: D1Database, limit: number): Promise<StaleFactsRow[]> {
  const { results } = await db
    .prepare(`SELECT id, profile, facts_version AS factsVersion FROM talent_profiles WHERE facts_version < ?1 LIMIT ?2`)
    .bind(FACTS_VERSION, limit)
    .all<StaleFactsRow>();
  return results;
}

/**
 * Rewrite each row's facts from its own stored profile. Each UPDATE is guarded by the version it was read
 * at, so an import that rewrote the row in between (with current facts) is never overwritten.
 */
export async function writeRederivedFacts(db: D1Database, rows: StaleFactsRow[]): Promise<void> {
  const statements = rows.map((row) =>
    db
      .prepare(`UPDATE talent_profiles SET ${factAssignments(3)} WHERE id = ?1 AND facts_version = ?2`)
      .bind(row.id, row.factsVersion, ...factColumns(deriveProfileFacts(JSON.parse(row.profile) as ProfileInput))),
  );
  for (let i = 0; i < statements.length; i += WRITE_BATCH) await db.batch(statements.slice(i, i + WRITE_BATCH));
}

/** One step of re-derivation after a FACTS_VERSION bump; safe to repeat and to run beside imports. */
export async function rederiveStaleFacts(db: D1Database, limit: number): Promise<{ updated: number; remaining: number }> {
  const rows = await readStaleFacts(db, limit);
  await writeRederivedFacts(db, rows);
  const remaining = await db
    .prepare(`SELECT count(*) AS n FROM talent_profiles WHERE facts_version < ?1`)
    .bind(FACTS_VERSION)
    .first<{ n: number }>();
  return { updated: rows.length, remaining: remaining?.n ?? 0 };
}

/** Which of these profiles are (still) in the company's pool. */
export async function existingProfileIds(db: D1Database, companyId: string, profileIds: string[]): Promise<Set<string>> {
  const { results } = await db
    .prepare(`SELECT id FROM talent_profiles WHERE company_id = ?1 AND id IN (SELECT value FROM json_each(?2))`)
    .bind(companyId, JSON.stringify(profileIds))
    .all<{ id: string }>();
  return new Set(results.map((r) => r.id));
}

/**
 * Erase a person: from the pool (the FTS index follows by trigger) and from every stored result. The
 * person's identifiers are kept as digests in the same batch (vendor-suppressions.ts), so no vendor
 * purchase brings them back; the digests are only of what the row held, read just before.
 */
export async function eraseProfile(db: D1Database, companyId: string, profileId: string): Promise<boolean> {
  const row = await db
    .prepare(`SELECT linkedin_url AS linkedinUrl, json_extract(profile, '$.emails') AS emails, origin_ref AS originRef
              FROM talent_profiles WHERE id = ?1 AND company_id = ?2`)
    .bind(profileId, companyId)
    .first<{ linkedinUrl: string | null; emails: string | null; originRef: string | null }>();
  const digests = row
    ? await suppressionDigests(companyId, {
      linkedinUrl: row.linkedinUrl,
      emails: row.emails ? (JSON.parse(row.emails) as string[]) : [],
      vendorRefs: row.originRef ? [row.originRef] : [],
    })
    : [];
  const [, pool, results] = await db.batch([
    suppressStatement(db, companyId, digests, nowIso()),
    db.prepare(`DELETE FROM talent_profiles WHERE id = ?1 AND company_id = ?2`).bind(profileId, companyId),
    db.prepare(`DELETE FROM run_results WHERE profile_id = ?1 AND company_id = ?2`).bind(profileId, companyId),
  ]);
  // Copies left in results (a person already gone from the pool, an enrichment of an id never in it)
  // are erased too, and that is an erasure: false only when nothing was there, so a 404 writes nothing.
  return pool.meta.changes + results.meta.changes > 0;
}

export type PoolHit = { profileId: string; linkedinUrl: string | null; emails: string[]; score: number };

/**
 * Full-text search of one company's pool. The company id is matched inside the FTS index (the
 * `tenant` column), and again on the joined row, so another tenant's people can never come back.
 * `match` is a compiled FTS5 expression over the profile columns.
 */
export async function searchPool(db: D1Database, companyId: string, match: string, limit: number): Promise<PoolHit[]> {
  const expression = `tenant : ${ftsPhrase(companyId)} AND {full_name current_title headline skills_text body_text} : (${match})`;
  const { results } = await db
    .prepare(
      // bm25 weights per column: tenant, name, title, headline, skills, body, skill keys — titles and skills matter most.
      `SELECT p.id AS profileId, p.linkedin_url AS linkedinUrl, json_extract(p.profile, '$.emails') AS emails,
              bm25(talent_profiles_fts, 0.0, 1.0, 8.0, 4.0, 6.0, 1.0, 0.0) AS score
       FROM talent_profiles_fts JOIN talent_profiles p ON p.seq = talent_profiles_fts.rowid
       WHERE talent_profiles_fts MATCH ?1 AND p.company_id = ?2
       ORDER BY score LIMIT ?3`,
    )
    .bind(expression, companyId, limit)
    .all<{ profileId: string; linkedinUrl: string | null; emails: string | null; score: number }>();
  return results.map((r) => ({ ...r, emails: r.emails ? (JSON.parse(r.emails) as string[]) : [] }));
}
