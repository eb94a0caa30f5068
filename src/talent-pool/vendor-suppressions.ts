// People a company erased, kept out of its vendor purchases (migration 0008 vendor_suppressions).
// Without this, DELETE /candidates would be undone by the next run that buys the same person again.
// Only digests are kept: enough to recognise the person in a vendor's answer, nothing to read back.
import { sha256Hex } from "../crypto/encoding";
import { normalizeEmail, normalizeLinkedinUrl } from "../pipeline/exclusions";

/** What a person is recognised by: LinkedIn URL, emails, and the vendors' ids for them (unique strings of each vendor). */
export type PersonIdentifiers = { linkedinUrl?: string | null; emails?: string[]; vendorRefs?: string[] };

/**
 * The digests of a person's identifiers: SHA-256 of the company id, the kind and the normalised value,
 * so equal emails of two companies never share a digest and a URL never matches an email.
 */
export async function suppressionDigests(companyId: string, who: PersonIdentifiers): Promise<string[]> {
  const values = [
    ...(who.linkedinUrl ? [`linkedin:${normalizeLinkedinUrl(who.linkedinUrl)}`] : []),
    ...(who.emails ?? []).map((e) => `email:${normalizeEmail(e)}`),
    ...(who.vendorRefs ?? []).map((ref) => `ref:${ref}`),
  ];
  return Promise.all([...new Set(values)].map((v) => sha256Hex(`suppress:${companyId}:${v}`)));
}

/** The statement that records digests (to run in the erasure's own batch). */
export function suppressStatement(db: D1Database, companyId: string, digests: string[], now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO vendor_suppressions (company_id, digest, created_at)
       SELECT ?1, value, ?3 FROM json_each(?2)`,
    )
    .bind(companyId, JSON.stringify(digests), now);
}

/** Which of these digests the company suppressed. */
export async function suppressedAmong(db: D1Database, companyId: string, digests: string[]): Promise<Set<string>> {
  if (digests.length === 0) return new Set();
  const { results } = await db
    .prepare(`SELECT digest FROM vendor_suppressions WHERE company_id = ?1 AND digest IN (SELECT value FROM json_each(?2))`)
    .bind(companyId, JSON.stringify(digests))
    .all<{ digest: string }>();
  return new Set(results.map((r) => r.digest));
}
