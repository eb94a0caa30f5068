import { parsePlace, type GeoPlace } from "../../geo";
import { memo } from "../memo";
import { occupationFamily, readTitle, type Seniority } from "../occupations";
import { canonicalSkill, findSkillsInText } from "../skills/lexicon";
import { isCurrentRole, parseProfileDate, rolesMostRecentFirst } from "../score/experience";
import type { ProfileInput } from "../types";

/**
 * What a profile says about its person, read once at import and stored beside it (talent_profiles.facts):
 * a profile's skills, occupation and place do not depend on the job, so no run re-reads its text.
 *
 * Facts never depend on the clock: role dates are kept as month indexes (year * 12 + 0-based month)
 * and a current role as `end: null`, so years and recency are computed when a run scores them.
 * Bump FACTS_VERSION whenever the lexicon, the occupations or these rules change what would be derived:
 * `POST /admin/facts/rederive` (or `npm run facts:rederive`) re-derives every profile below it.
 */
export const FACTS_VERSION = 3; // 2: payroll platforms (Dayforce) in the lexicon; 3: field/demand-gen marketing managers, frontend under web developer, school maths and educator certificates, electrician licences

export type RoleFact = {
  title: string; // verbatim, for quoting
  company: string; // verbatim
  start: number | null; // month index, inclusive
  end: number | null; // month index, exclusive; null = a current role
  occupationId: string | null;
  seniority: Seniority | null;
  manager: boolean;
};

export type SkillFact = {
  skill: string; // canonical lexicon name
  listed: boolean; // in the profile's skills list
  stated: boolean; // in the headline or summary
  roles: number[]; // indexes into ProfileFacts.roles whose title or description names it
};

export type PlaceFact = Pick<GeoPlace, "kind" | "name" | "city" | "region" | "regionCode" | "country" | "lat" | "lon">;

export type ProfileFacts = {
  version: number;
  /** The title the person holds now: the profile's currentTitle, else a current role's, else the headline. */
  title: { text: string; source: "current title" | "current role" | "headline" } | null;
  occupationId: string | null;
  occupationFamily: string | null;
  /** The occupation is only the head noun's default ("Resident Engineer" → software engineer): a guess. */
  occupationGuessed: boolean;
  seniority: Seniority | null; // stated by the current title; null when it states none
  manager: boolean;
  roles: RoleFact[]; // most recent first; undated roles last
  skills: SkillFact[];
  locationText: string | null; // verbatim
  place: PlaceFact | null;
  remote: boolean; // the person says they work remotely
};

// "Remote", "Remote (US)", "Working remotely from Lisbon", "Open to remote", "WFH", "Distributed".
const REMOTE_WORDS = /\b(?:remote(?:ly)?|work(?:ing)? from home|wfh|anywhere|distributed|telecommut\w*)\b/iu;

const FAR_FUTURE = new Date(Date.UTC(2200, 0, 1));

// Places repeat across a pool as titles do; both readings are remembered per isolate.
const readPlaceText = memo((text: string) => parsePlace(text));

const blank = (text: string | undefined | null): text is undefined | null => !text || text.trim() === "";

/** A profile date as a month index: a start counts from its first month, an end through its last (exclusive). */
function monthOf(date: string | undefined, edge: "start" | "end"): number | null {
  const parsed = date === undefined ? null : parseProfileDate(date);
  if (!parsed) return null;
  if (edge === "start") return parsed.year * 12 + (parsed.month - 1);
  return parsed.year * 12 + (parsed.precision === "year" ? 12 : parsed.month);
}

function currentTitleOf(p: ProfileInput, roles: RoleFact[]): ProfileFacts["title"] {
  if (!blank(p.currentTitle)) return { text: p.currentTitle.trim(), source: "current title" };
  const current = roles.find((r) => r.end === null && r.start !== null);
  if (current && current.title.trim()) return { text: current.title.trim(), source: "current role" };
  if (!blank(p.headline)) return { text: p.headline.trim(), source: "headline" };
  return null;
}

function placeFact(place: GeoPlace | null): PlaceFact | null {
  if (!place) return null;
  const { kind, name, city, region, regionCode, country, lat, lon } = place;
  return { kind, name, city, region, regionCode, country, lat, lon };
}

/** The person's place: their location line, else their country; remote words are not a place. */
function readPlace(p: ProfileInput): { place: PlaceFact | null; remote: boolean } {
  const location = p.location?.trim() ?? "";
  const remote = REMOTE_WORDS.test(location) || /\b(?:fully|100%)\s+remote\b|\bremote[-\s](?:first|worker|based)\b/iu.test(`${p.headline ?? ""} ${p.summary ?? ""}`);
  const hint = !blank(p.country) ? readPlaceText(p.country) : null;
  const fromLocation = !location ? null : hint?.country ? parsePlace(location, { country: hint.country }) : readPlaceText(location);
  return { place: placeFact(fromLocation ?? hint), remote };
}

/** What the current title says: its occupation (and family), level and whether it manages people. */
function titleFacts(title: ProfileFacts["title"]): Pick<ProfileFacts, "occupationId" | "occupationFamily" | "occupationGuessed" | "seniority" | "manager"> {
  const reading = title ? readTitle(title.text) : null;
  return {
    occupationId: reading?.occupationId ?? null,
    occupationFamily: reading?.occupationId ? occupationFamily(reading.occupationId) : null,
    occupationGuessed: reading !== null && reading.occupationId !== null && reading.matched === null,
    seniority: reading?.seniority ?? null,
    manager: reading?.manager ?? false,
  };
}

/**
 * The facts with the title the person holds at `now`. Import picked the current role without a clock;
 * when the scorer's clock disagrees (a role that had not started yet, one the scorer sees as ended), the
 * current role the scorer shows wins, so the explanation and the gate read the same title.
 */
export function asOfCurrentRole(facts: ProfileFacts, currentRole: string | null, headline: string | null): ProfileFacts {
  if (facts.title?.source === "current title" || (facts.title?.text ?? null) === (currentRole?.trim() || null)) return facts;
  const title: ProfileFacts["title"] = currentRole?.trim()
    ? { text: currentRole.trim(), source: "current role" }
    : headline?.trim() ? { text: headline.trim(), source: "headline" } : null;
  if (title?.text === facts.title?.text) return facts;
  return { ...facts, title, ...titleFacts(title) };
}

export function deriveProfileFacts(p: ProfileInput): ProfileFacts {
  // Facts must not depend on today: ordered against a far clock, roles keep the order of their dates.
  const ordered = rolesMostRecentFirst(p.experience ?? [], FAR_FUTURE);
  const roles: RoleFact[] = ordered.map((role) => {
    const reading = readTitle(role.title);
    const end = isCurrentRole(role) ? null : monthOf(role.endDate, "end");
    // An end date we cannot read makes the role undated: it is neither current nor placeable in time.
    const start = !isCurrentRole(role) && end === null ? null : monthOf(role.startDate, "start");
    return {
      title: role.title,
      company: role.company,
      start,
      end: start === null ? null : end,
      occupationId: reading.occupationId,
      seniority: reading.seniority,
      manager: reading.manager,
    };
  });

  const skills = new Map<string, SkillFact>();
  const skillFact = (skill: string): SkillFact => {
    let fact = skills.get(skill);
    if (!fact) skills.set(skill, (fact = { skill, listed: false, stated: false, roles: [] }));
    return fact;
  };
  // The skills list is read entry by entry: an entry that is a known skill counts as it stands ("Go" in a
  // list is the language), and only an entry with more words ("Python (Django)") is read as text.
  for (const entry of p.skills ?? []) {
    const direct = canonicalSkill(entry);
    for (const skill of direct ? [direct] : findSkillsInText(entry)) skillFact(skill).listed = true;
  }
  for (const skill of findSkillsInText(`${p.headline ?? ""}\n${p.summary ?? ""}`)) skillFact(skill).stated = true;
  ordered.forEach((role, i) => {
    for (const skill of findSkillsInText(`${role.title}\n${role.description ?? ""}`)) skillFact(skill).roles.push(i);
  });

  const title = currentTitleOf(p, roles);
  const { place, remote } = readPlace(p);
  return {
    version: FACTS_VERSION,
    title,
    ...titleFacts(title),
    roles,
    skills: [...skills.values()],
    locationText: blank(p.location) ? (blank(p.country) ? null : p.country.trim()) : p.location.trim(),
    place,
    remote,
  };
}
