import type { Icp, TalentProfile } from "../types";
import type { ExperienceEntry } from "./experience";
import { fragments, quoteExcerpt, roleLabel } from "./quotes";
import { findPhrase, unique } from "./text";

/** One red flag per distinct negative keyword, citing the first place the profile says it. */
export function findNegativeKeywords(
  icp: Icp,
  profile: TalentProfile,
  currentTitle: string | null,
  roles: readonly ExperienceEntry[],
): string[] {
  const sites: { where: string; text: string | undefined | null }[] = [
    { where: "current title", text: currentTitle },
    { where: "headline", text: profile.headline },
    { where: "summary", text: profile.summary },
    ...roles.flatMap((role) => [
      { where: `title at ${roleLabel(role)}`, text: role.title },
      { where: `at ${roleLabel(role)}`, text: role.description },
    ]),
    ...(profile.skills ?? []).map((skill) => ({ where: "skills list", text: skill })),
    { where: "resume", text: profile.resumeText },
  ];
  const keywords = unique(icp.negativeKeywords.map((k) => k.trim().toLowerCase()).filter((k) => k !== ""));
  const flags: string[] = [];
  for (const keyword of keywords) {
    for (const site of sites) {
      if (!site.text || !findPhrase(site.text, keyword)) continue;
      const hit = fragments(site.text ?? "")
        .map((fragment) => ({ fragment, match: findPhrase(fragment, keyword) }))
        .find((h) => h.match !== null);
      if (hit?.match) {
        flags.push(`Mentions "${hit.match.text}" (${site.where}: ${quoteExcerpt(hit.fragment, [hit.match.text])})`);
        break;
      }
    }
  }
  return flags;
}
