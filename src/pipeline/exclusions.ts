import type { SourceHit } from "./sources/source";

export type Exclusions = { profileIds?: string[]; emails?: string[]; linkedinUrls?: string[] };

/** LinkedIn URLs compare by host-less, case-less path: "https://www.linkedin.com/in/Ada/" ~ "linkedin.com/in/ada". */
export function normalizeLinkedinUrl(raw: string): string {
  const trimmed = raw.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/^www\./, "");
  return trimmed.replace(/[?#].*$/, "").replace(/\/+$/, "");
}

/** Drop excluded people and those already scored in an earlier round; they are never scored nor billed. */
export function applyExclusions(hits: SourceHit[], exclude: Exclusions | undefined, alreadyScored: ReadonlySet<string>): SourceHit[] {
  const ids = new Set(exclude?.profileIds ?? []);
  const emails = new Set((exclude?.emails ?? []).map((e) => e.trim().toLowerCase()));
  const urls = new Set((exclude?.linkedinUrls ?? []).map(normalizeLinkedinUrl));
  return hits.filter(
    (h) =>
      !alreadyScored.has(h.profileId) &&
      !ids.has(h.profileId) &&
      !(h.linkedinUrl && urls.has(normalizeLinkedinUrl(h.linkedinUrl))) &&
      !h.emails.some((e) => emails.has(e.trim().toLowerCase())),
  );
}

/** How many search hits to score for a requested limit: enough to rank well, bounded in cost. */
export function searchDepth(limit: number): number {
  return Math.min(Math.max(limit * 5, 150), 500);
}
