import { descriptionHighlights } from "../score/quotes";
import { isCurrentRole, roleDuration, roleInterval, rolesMostRecentFirst } from "../score/experience";
import type { Candidate, TalentProfile } from "../types";

/** What enrichment establishes about a person independent of any job: the facts a score rests on. */
export type EnrichedProfile = Pick<
  Candidate,
  "profileId" | "name" | "linkedinUrl" | "skills" | "headline" | "location" | "currentCompany" | "currentRole" | "detailedExperience" | "emails"
> & {
  summary: string | null;
  country: string | null;
  education: { school: string; degree: string | null; field: string | null; endYear: number | null }[];
};

const blankToNull = (text: string | undefined | null): string | null => (text && text.trim() ? text : null);

export function enrichedProfile(profile: TalentProfile, now: Date): EnrichedProfile {
  const roles = rolesMostRecentFirst(profile.experience ?? [], now);
  // A profile without currentTitle/currentCompany still has a current role if one has no end date.
  const current = roles.find((role) => isCurrentRole(role) && roleInterval(role, now) !== null);
  return {
    profileId: profile.profileId,
    name: profile.fullName,
    linkedinUrl: profile.linkedinUrl ?? null,
    skills: profile.skills ?? [],
    headline: profile.headline ?? null,
    summary: blankToNull(profile.summary),
    location: profile.location ?? profile.country ?? null,
    country: profile.country ?? null,
    currentCompany: blankToNull(profile.currentCompany) ?? current?.company ?? null,
    currentRole: blankToNull(profile.currentTitle) ?? current?.title ?? null,
    detailedExperience: roles.map((role) => ({
      role: role.title,
      company: role.company,
      duration: roleDuration(role, now),
      highlights: descriptionHighlights(role.description ?? ""),
    })),
    emails: profile.emails ?? [],
    education: (profile.education ?? []).map((e) => ({ school: e.school, degree: e.degree ?? null, field: e.field ?? null, endYear: e.endYear ?? null })),
  };
}
