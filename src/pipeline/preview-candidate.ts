import type { TalentProfile } from "./types";

/** The nine fields of a preview candidate: who matched, before any enrichment or scoring. */
export type PreviewCandidate = {
  profileId: string;
  fullName: string;
  profileUrl: string | null;
  title: string | null;
  headline: string | null;
  location: string | null;
  country: string | null;
  companyName: string | null;
  companyUrl: string | null;
};

export function toPreviewCandidate(p: TalentProfile): PreviewCandidate {
  return {
    profileId: p.profileId,
    fullName: p.fullName,
    profileUrl: p.linkedinUrl ?? null,
    title: p.currentTitle ?? p.experience?.[0]?.title ?? null,
    headline: p.headline ?? null,
    location: p.location ?? null,
    country: p.country ?? null,
    companyName: p.currentCompany ?? p.experience?.[0]?.company ?? null,
    companyUrl: null, // the talent pool holds no company URLs; vendor sources may fill it
  };
}

/** Preview pricing: 1 credit per page of 20 candidates. */
export const previewCredits = (candidates: number): number => Math.ceil(candidates / 20);
