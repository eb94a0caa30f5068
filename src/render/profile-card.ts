// A talent-pool profile as one self-contained HTML card: inline styles only, no scripts, no external
// resources, every profile value escaped. Pure: the caller passes `now` for role durations.
import { escapeHtml } from "../html/escape";
import type { TalentProfile } from "../pipeline/types";
import { roleDuration, rolesMostRecentFirst, type ExperienceEntry } from "../pipeline/score/experience";

export const CARD_THEMES = ["light", "dark"] as const;
export type CardTheme = (typeof CARD_THEMES)[number];

export type CardPalette = { background: string; text: string; muted: string; border: string; chipBackground: string; chipText: string; link: string };

/** Every text colour keeps at least WCAG AA (4.5:1) against the background it sits on. */
export const CARD_PALETTES: Record<CardTheme, CardPalette> = {
  light: { background: "#ffffff", text: "#1f2328", muted: "#57606a", border: "#d0d7de", chipBackground: "#eef2f7", chipText: "#1f2328", link: "#0a58ca" },
  dark: { background: "#0d1117", text: "#e6edf3", muted: "#9da7b3", border: "#30363d", chipBackground: "#1f2937", chipText: "#e6edf3", link: "#6cb6ff" },
};

// Characters (code points) shown of long free text; a card is a summary, not the whole profile.
const SUMMARY_MAX = 800;
const DESCRIPTION_MAX = 500;

// A system font stack: the card must not fetch web fonts.
const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Cut at a code point boundary so an emoji or astral character is never split. */
function clip(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

function present(value: string | undefined | null): value is string {
  return typeof value === "string" && value.trim() !== "";
}

/** The normalised URL when the profile's LinkedIn URL is https; any other scheme is never linked. */
export function safeProfileLink(raw: string | undefined): string | null {
  if (!present(raw)) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === "https:" && url.hostname !== "" ? url.href : null;
  } catch {
    return null;
  }
}

function styles(p: CardPalette) {
  return {
    card: `box-sizing:border-box;max-width:640px;margin:0;padding:20px 24px;border:1px solid ${p.border};border-radius:12px;background:${p.background};color:${p.text};font-family:${FONT_STACK};font-size:14px;line-height:1.5;overflow-wrap:anywhere`,
    name: `margin:0;font-size:20px;line-height:1.3;font-weight:700;color:${p.text}`,
    line: `margin:4px 0 0;color:${p.text}`,
    muted: `margin:4px 0 0;color:${p.muted}`,
    link: `color:${p.link};text-decoration:underline`,
    section: `margin:16px 0 0;padding:12px 0 0;border-top:1px solid ${p.border}`,
    heading: `margin:0 0 8px;font-size:15px;font-weight:700;color:${p.text}`,
    list: "margin:0;padding:0;list-style:none",
    chips: "display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none",
    chip: `display:inline-block;padding:2px 10px;border:1px solid ${p.border};border-radius:999px;background:${p.chipBackground};color:${p.chipText};font-size:13px`,
    item: "margin:0 0 12px",
    role: `margin:0;font-size:14px;font-weight:600;color:${p.text}`,
    paragraph: `margin:4px 0 0;color:${p.text};white-space:pre-line`,
  };
}
type Styles = ReturnType<typeof styles>;

function joinPresent(parts: (string | undefined)[], separator: string): string {
  return parts.filter(present).map((s) => s.trim()).join(separator);
}

function renderHeader(profile: TalentProfile, s: Styles): string {
  const lines = [`<h2 style="${s.name}">${escapeHtml(profile.fullName)}</h2>`];
  if (present(profile.headline)) lines.push(`<p style="${s.line}">${escapeHtml(profile.headline.trim())}</p>`);
  const position = joinPresent([profile.currentTitle, profile.currentCompany], " · ");
  if (position) lines.push(`<p style="${s.muted}">${escapeHtml(position)}</p>`);
  const place = joinPresent([profile.location, sameOrUndefined(profile.country, profile.location)], ", ");
  if (place) lines.push(`<p style="${s.muted}">${escapeHtml(place)}</p>`);
  const link = safeProfileLink(profile.linkedinUrl);
  if (link) {
    lines.push(
      `<p style="${s.muted}"><a href="${escapeHtml(link)}" rel="noopener noreferrer" target="_blank" aria-label="LinkedIn profile of ${escapeHtml(profile.fullName)}" style="${s.link}">LinkedIn profile</a></p>`,
    );
  }
  return `<header>${lines.join("")}</header>`;
}

/** The country, unless the location already names it ("Berlin, Germany" + "Germany"). */
function sameOrUndefined(country: string | undefined, location: string | undefined): string | undefined {
  if (!present(country)) return undefined;
  return present(location) && location.toLowerCase().includes(country.trim().toLowerCase()) ? undefined : country;
}

function renderSection(title: string, body: string, s: Styles): string {
  return `<section style="${s.section}"><h3 style="${s.heading}">${title}</h3>${body}</section>`;
}

function renderSummary(profile: TalentProfile, s: Styles): string {
  if (!present(profile.summary)) return "";
  return renderSection("About", `<p style="${s.paragraph}">${escapeHtml(clip(profile.summary, SUMMARY_MAX))}</p>`, s);
}

function renderSkills(profile: TalentProfile, s: Styles): string {
  const skills = [...new Set((profile.skills ?? []).filter(present).map((skill) => skill.trim()))];
  if (skills.length === 0) return "";
  const chips = skills.map((skill) => `<li style="${s.chip}">${escapeHtml(skill)}</li>`).join("");
  return renderSection("Skills", `<ul style="${s.chips}">${chips}</ul>`, s);
}

function roleDates(role: ExperienceEntry, now: Date): string {
  const range = present(role.startDate) ? `${role.startDate.trim()} – ${present(role.endDate) ? role.endDate.trim() : "present"}` : "";
  return joinPresent([range, roleDuration(role, now)], " · ");
}

function renderExperience(profile: TalentProfile, now: Date, s: Styles): string {
  const roles = rolesMostRecentFirst(profile.experience ?? [], now).filter((r) => present(r.title) || present(r.company));
  if (roles.length === 0) return "";
  const items = roles.map((role) => {
    const parts = [`<h4 style="${s.role}">${escapeHtml(joinPresent([role.title, role.company], " · "))}</h4>`];
    const dates = roleDates(role, now);
    if (dates) parts.push(`<p style="${s.muted}">${escapeHtml(dates)}</p>`);
    if (present(role.description)) parts.push(`<p style="${s.paragraph}">${escapeHtml(clip(role.description, DESCRIPTION_MAX))}</p>`);
    return `<li style="${s.item}">${parts.join("")}</li>`;
  });
  return renderSection("Experience", `<ol style="${s.list}">${items.join("")}</ol>`, s);
}

function renderEducation(profile: TalentProfile, s: Styles): string {
  const schools = (profile.education ?? []).filter((e) => present(e.school));
  if (schools.length === 0) return "";
  const items = schools.map((e) => {
    const parts = [`<h4 style="${s.role}">${escapeHtml(e.school.trim())}</h4>`];
    const detail = joinPresent([e.degree, e.field, e.endYear === undefined ? undefined : String(e.endYear)], " · ");
    if (detail) parts.push(`<p style="${s.muted}">${escapeHtml(detail)}</p>`);
    return `<li style="${s.item}">${parts.join("")}</li>`;
  });
  return renderSection("Education", `<ul style="${s.list}">${items.join("")}</ul>`, s);
}

/**
 * One profile as an HTML fragment (an `<article>`), ready to embed anywhere. No `lang` is set since
 * profiles come in any language; `dir="auto"` lets right-to-left names and text lay out correctly.
 */
export function renderProfileCard(profile: TalentProfile, theme: CardTheme, now: Date): string {
  const s = styles(CARD_PALETTES[theme]);
  return [
    `<article dir="auto" data-theme="${theme}" style="${s.card}">`,
    renderHeader(profile, s),
    renderSummary(profile, s),
    renderSkills(profile, s),
    renderExperience(profile, now, s),
    renderEducation(profile, s),
    "</article>",
  ].join("");
}
