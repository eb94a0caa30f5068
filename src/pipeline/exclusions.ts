import { toBase64 } from "../crypto/encoding";
import type { SourceHit } from "./sources/source";

/** The caller's exclusions, as a request states them. */
export type Exclusions = { profileIds?: string[]; emails?: string[]; linkedinUrls?: string[] };

/**
 * Exclusions as a run keeps them (D1's stored request, the run object's `job`): emails and LinkedIn
 * URLs only as digests of their normalised form. Matching needs nothing but equality, and a plain
 * list of people a company did not want is personal data that no erasure (DELETE /candidates) reaches.
 * Profile ids are the pool's own keys and are kept as they are.
 */
export type StoredExclusions = { profileIds?: string[]; emailDigests?: string[]; linkedinUrlDigests?: string[] };

/** The digests a search hit is matched by (see StoredExclusions). */
export type HitDigests = { emailDigests: string[]; linkedinUrlDigest: string | null };

/** LinkedIn URLs compare by host-less, case-less path: "https://www.linkedin.com/in/Ada/" ~ "linkedin.com/in/ada". */
export function normalizeLinkedinUrl(raw: string): string {
  const trimmed = raw.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/^www\./, "");
  return trimmed.replace(/[?#].*$/, "").replace(/\/+$/, "");
}

export const normalizeEmail = (raw: string): string => raw.trim().toLowerCase();

/**
 * SHA-256 (base64, 44 characters: 1,000 entries stay well inside a storage value) of a normalised
 * identity. The company id and the kind are hashed in, so equal emails of two tenants (or an email
 * and a URL) never share a digest and one tenant's stored digests say nothing about another's.
 */
async function identityDigest(companyId: string, kind: "email" | "linkedin", normalized: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`exclude:${kind}:${companyId}:${normalized}`));
  return toBase64(new Uint8Array(digest));
}

const digestAll = (companyId: string, kind: "email" | "linkedin", normalized: string[]) =>
  Promise.all([...new Set(normalized)].map((n) => identityDigest(companyId, kind, n)));

/**
 * The stored form of exclusions. Plain emails and URLs are replaced by their digests and digests are
 * kept, so it is safe to apply twice: a run stored before digests existed still holds plain lists in
 * its object, and is matched through this at search time like any other.
 */
export async function digestExclusions(companyId: string, ex: (Exclusions & StoredExclusions) | undefined): Promise<StoredExclusions | undefined> {
  if (!ex) return undefined;
  const emailDigests = [...(ex.emailDigests ?? []), ...(await digestAll(companyId, "email", (ex.emails ?? []).map(normalizeEmail)))];
  const linkedinUrlDigests = [...(ex.linkedinUrlDigests ?? []), ...(await digestAll(companyId, "linkedin", (ex.linkedinUrls ?? []).map(normalizeLinkedinUrl)))];
  return {
    ...(ex.profileIds?.length ? { profileIds: ex.profileIds } : {}),
    ...(emailDigests.length ? { emailDigests } : {}),
    ...(linkedinUrlDigests.length ? { linkedinUrlDigests } : {}),
  };
}

const NO_DIGESTS: HitDigests = { emailDigests: [], linkedinUrlDigest: null };

/** A hit's digests, computed only when some email or URL is excluded (otherwise nothing compares them). */
export async function hitDigests(companyId: string, hit: SourceHit, exclude: StoredExclusions | undefined): Promise<HitDigests> {
  if (!exclude?.emailDigests?.length && !exclude?.linkedinUrlDigests?.length) return NO_DIGESTS;
  return {
    emailDigests: await digestAll(companyId, "email", hit.emails.map(normalizeEmail)),
    linkedinUrlDigest: hit.linkedinUrl ? await identityDigest(companyId, "linkedin", normalizeLinkedinUrl(hit.linkedinUrl)) : null,
  };
}

/** Drop excluded people and those already scored in an earlier round; they are never scored nor billed. */
export function applyExclusions<H extends SourceHit & HitDigests>(hits: H[], exclude: StoredExclusions | undefined, alreadyScored: ReadonlySet<string>): H[] {
  const ids = new Set(exclude?.profileIds ?? []);
  const emails = new Set(exclude?.emailDigests ?? []);
  const urls = new Set(exclude?.linkedinUrlDigests ?? []);
  return hits.filter(
    (h) =>
      !alreadyScored.has(h.profileId) &&
      !ids.has(h.profileId) &&
      !(h.linkedinUrlDigest !== null && urls.has(h.linkedinUrlDigest)) &&
      !h.emailDigests.some((e) => emails.has(e)),
  );
}

/** How many search hits to score for a requested limit: enough to rank well, bounded in cost. */
export function searchDepth(limit: number): number {
  return Math.min(Math.max(limit * 5, 150), 500);
}
