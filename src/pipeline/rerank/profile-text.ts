import type { Candidate, TalentProfile } from "../types";

/**
 * A profile's own text, field by field: what the re-ranking model reads and what each of its quotes
 * must be found in. A quote is looked for within one field, never across two, so it cannot stitch a
 * claim together from pieces the profile never wrote next to each other.
 */
export type TextSite = { where: string; text: string };

const site = (where: string, text: string | undefined | null): TextSite[] => (text && text.trim() !== "" ? [{ where, text }] : []);

export function profileSites(p: TalentProfile): TextSite[] {
  return [
    ...site("headline", p.headline),
    ...site("current title", p.currentTitle),
    ...site("current company", p.currentCompany),
    ...site("location", p.location),
    ...site("summary", p.summary),
    ...(p.skills ?? []).flatMap((s) => site("skill", s)),
    ...(p.experience ?? []).flatMap((r, i) => [
      ...site(`role ${i + 1} title`, r.title),
      ...site(`role ${i + 1} company`, r.company),
      ...site(`role ${i + 1} dates`, [r.startDate, r.endDate ?? "present"].filter(Boolean).join(" – ")),
      ...site(`role ${i + 1} description`, r.description),
    ]),
    ...(p.education ?? []).flatMap((e) => site("education", [e.degree, e.field, e.school].filter(Boolean).join(", "))),
    ...site("resume", p.resumeText),
  ];
}

/** For a candidate whose stored profile cannot be read (erased meanwhile): the profile text its result carries. */
export function candidateSites(c: Candidate): TextSite[] {
  return [
    ...site("headline", c.headline),
    ...site("current title", c.currentRole),
    ...site("current company", c.currentCompany),
    ...site("location", c.location),
    ...c.skills.flatMap((s) => site("skill", s)),
    ...c.detailedExperience.flatMap((r, i) => [
      ...site(`role ${i + 1} title`, r.role),
      ...site(`role ${i + 1} company`, r.company),
      ...r.highlights.flatMap((h) => site(`role ${i + 1} description`, h)),
    ]),
  ];
}

/**
 * The profile as the model reads it: one line per field, long fields cut at `maxChars` in all. What
 * is cut cannot be quoted from what was sent, but a quote is checked against the whole field anyway.
 */
export function profileForPrompt(sites: readonly TextSite[], maxChars: number): string {
  const lines: string[] = [];
  let used = 0;
  for (const s of sites) {
    const text = s.text.replace(/\s+/gu, " ").trim();
    const room = maxChars - used - s.where.length - 2;
    if (room <= 20) break;
    const line = `${s.where}: ${text.length > room ? `${text.slice(0, room)}…` : text}`;
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join("\n");
}
