// People bought from a people-data vendor, kept in the company's talent pool (migration 0008 origin).
//
// Why in the pool: a bought person then is a pool profile like any other — facts derived once at
// write time, gated and scored by the same code, delivered with a profile id that GET and DELETE
// /candidates understand, found again by later runs without buying them twice. The cost is that the
// company now holds the vendor's copy of the person (README "People Data Labs": privacy).
import { nowIso } from "../clock";
import { normalizeEmail, normalizeLinkedinUrl } from "../pipeline/exclusions";
import type { SourceHit } from "../pipeline/sources/source";
import type { ProfileInput } from "../pipeline/types";
import { findIdentities, profileUpsertStatement, WRITE_BATCH } from "./store";

export type VendorRecord = { ref: string; profile: ProfileInput };

type PoolRow = { id: string; identityKey: string; origin: string; originRef: string | null; linkedinUrl: string | null; primaryEmail: string | null; emails: string | null };

/**
 * The spellings a LinkedIn URL may be stored under, lower case (the pool keeps an import's URL as
 * sent): with and without scheme, "www." and a trailing slash.
 */
export function linkedinSpellings(url: string): string[] {
  const path = normalizeLinkedinUrl(url);
  return ["https://www.", "https://", "http://www.", "http://", "www.", ""].flatMap((prefix) => [`${prefix}${path}`, `${prefix}${path}/`]);
}

const POOL_ROW = `id, identity_key AS identityKey, origin, origin_ref AS originRef, linkedin_url AS linkedinUrl,
  primary_email AS primaryEmail, json_extract(profile, '$.emails') AS emails`;

/**
 * The company's rows that may be these people: by LinkedIn URL (any spelling, any case: compared lower
 * case within the company's part of the linkedin_url index), first email (stored lower case), or the
 * vendor's id. One query of three parts, each served by its own index.
 */
async function findPoolRows(db: D1Database, companyId: string, origin: string, records: VendorRecord[]): Promise<PoolRow[]> {
  const urls = records.flatMap((r) => (r.profile.linkedinUrl ? linkedinSpellings(r.profile.linkedinUrl) : []));
  const emails = records.flatMap((r) => (r.profile.emails ?? []).map(normalizeEmail));
  const refs = records.map((r) => r.ref);
  const { results } = await db
    .prepare(
      `SELECT ${POOL_ROW} FROM talent_profiles
         WHERE company_id = ?1 AND linkedin_url IS NOT NULL AND lower(linkedin_url) IN (SELECT value FROM json_each(?2))
       UNION SELECT ${POOL_ROW} FROM talent_profiles WHERE company_id = ?1 AND primary_email IN (SELECT value FROM json_each(?3))
       UNION SELECT ${POOL_ROW} FROM talent_profiles WHERE company_id = ?1 AND origin = ?4 AND origin_ref IN (SELECT value FROM json_each(?5))`,
    )
    .bind(companyId, JSON.stringify(urls), JSON.stringify(emails), origin, JSON.stringify(refs))
    .all<PoolRow>();
  return results;
}

/** The pool row a record is the same person as: the vendor's own id first, then LinkedIn URL, then an email. */
export function samePerson(rows: PoolRow[], origin: string, r: VendorRecord): PoolRow | undefined {
  const url = r.profile.linkedinUrl ? normalizeLinkedinUrl(r.profile.linkedinUrl) : null;
  const emails = new Set((r.profile.emails ?? []).map(normalizeEmail));
  return (
    rows.find((row) => row.origin === origin && row.originRef === r.ref) ??
    (url ? rows.find((row) => row.linkedinUrl !== null && normalizeLinkedinUrl(row.linkedinUrl) === url) : undefined) ??
    rows.find((row) => row.primaryEmail !== null && emails.has(normalizeEmail(row.primaryEmail)))
  );
}

/** A new person's identity: what an import of the same person would match (store.ts identityKeyOf), else the vendor's id. */
function identityOf(origin: string, r: VendorRecord): string {
  if (r.profile.linkedinUrl) return `li:${r.profile.linkedinUrl}`;
  const email = r.profile.emails?.[0];
  return email ? `em:${normalizeEmail(email)}` : `${origin}:${r.ref}`;
}

const parseEmails = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

/**
 * Keep bought people in the company's pool and return them as search hits (profile ids of the pool).
 * - The company already holds the person (same LinkedIn URL or email, its own record): that row is the
 *   hit, untouched — the company's record wins over the vendor's.
 * - Bought before: that row is refreshed with the new record, under the id it has.
 * - New: inserted with origin `origin`, facts derived like an import's.
 * A hit carries the emails of both copies and the pool's LinkedIn URL (the vendor's was matched
 * against the exclusions before buying), so an exclusion of either copy leaves the person out.
 */
export async function keepVendorRecords(db: D1Database, companyId: string, origin: string, records: VendorRecord[]): Promise<SourceHit[]> {
  if (records.length === 0) return [];
  const rows = await findPoolRows(db, companyId, origin, records);
  const now = nowIso();
  const plan = records.map((r) => {
    const row = samePerson(rows, origin, r);
    const write = !row || row.origin !== "import"; // the company's own record is never overwritten
    return { r, row, identityKey: row?.identityKey ?? identityOf(origin, r), write };
  });
  // One statement per identity: a vendor may return one person twice; the last copy wins.
  const writes = new Map(plan.filter((p) => p.write).map((p) => [p.identityKey, p]));
  const statements = [...writes.values()].map((p) => profileUpsertStatement(db, companyId, p.identityKey, p.r.profile, now, { origin, originRef: p.r.ref }));
  for (let i = 0; i < statements.length; i += WRITE_BATCH) await db.batch(statements.slice(i, i + WRITE_BATCH));

  const ids = await findIdentities(db, companyId, [...new Set(plan.map((p) => p.identityKey))]);
  const seen = new Set<string>();
  return plan.flatMap(({ r, row, identityKey }) => {
    const id = ids.get(identityKey)?.id;
    if (!id || seen.has(id)) return [];
    seen.add(id);
    const emails = [...new Set([...(r.profile.emails ?? []), ...parseEmails(row?.emails ?? null)])];
    return [{ profileId: id, linkedinUrl: row?.linkedinUrl ?? r.profile.linkedinUrl ?? null, emails }];
  });
}

/** The vendor ids of people the company holds from `origin`, newest first: a search need not buy them again. */
export async function heldVendorRefs(db: D1Database, companyId: string, origin: string, limit: number): Promise<string[]> {
  const { results } = await db
    .prepare(`SELECT origin_ref AS ref FROM talent_profiles WHERE company_id = ?1 AND origin = ?2 AND origin_ref IS NOT NULL ORDER BY updated_at DESC LIMIT ?3`)
    .bind(companyId, origin, limit)
    .all<{ ref: string }>();
  return results.map((r) => r.ref);
}
