import type { ProfileFacts, RoleFact, SkillFact } from "../facts/profile-facts";
import { relatedSkills, skillsIncluding } from "../skills/lexicon";
import { formatDuration, monthsCovered } from "./experience";
import { plain, quotable } from "./quotes";

/**
 * How strongly a profile shows one skill, from its import-time facts: 0 (not at all) to 1 (used in the
 * current role). Recency counts because a recruiter reads it so: a skill used in the current job is
 * ready today; one last used ten years ago is a memory. A skills list alone is a claim without dates
 * (and stuffed lists are common): it counts as evidence, below any role of the last five years, above
 * a role that ended longer ago.
 */
export const EVIDENCE = {
  currentRole: 1,
  endedWithin2Years: 0.85,
  endedWithin5Years: 0.6,
  endedLongAgo: 0.3,
  undatedRole: 0.6,
  headlineOrSummary: 0.7,
  skillsListOnly: 0.5,
  /** A related skill (PostgreSQL for MySQL) shows transferable ability, at this share of its own strength. */
  relatedShare: 0.4,
  /** A stuffed skills list (see listIsStuffed) is worth this share of an ordinary one: below "evidenced". */
  stuffedListShare: 0.5,
} as const;

/**
 * A skills list that names many skills the person's roles, headline and summary never mention is a
 * keyword list, not a record of work (recruiters know it as "stuffing"); its bare entries are weaker
 * evidence. From STUFFED_LIST_MIN entries on, with under STUFFED_BACKED_SHARE of them backed elsewhere.
 */
export const STUFFED_LIST_MIN = 12;
export const STUFFED_BACKED_SHARE = 0.35;
const stuffedCache = new WeakMap<ProfileFacts, boolean>();
export function listIsStuffed(facts: ProfileFacts): boolean {
  let stuffed = stuffedCache.get(facts);
  if (stuffed === undefined) {
    const listed = facts.skills.filter((s) => s.listed);
    const backed = listed.filter((s) => s.stated || s.roles.length > 0).length;
    stuffed = listed.length >= STUFFED_LIST_MIN && backed / listed.length < STUFFED_BACKED_SHARE;
    stuffedCache.set(facts, stuffed);
  }
  return stuffed;
}

export type SkillEvidence = {
  skill: string;
  strength: number; // 0–1
  via?: string; // the related skill that stands in for it
  viaIncludes?: boolean; // `via` is a credential that contains the skill, not merely a related one
  where: string | null; // "current role "Backend Engineer" at Stripe", "skills list", …; profile text quoted
  months: number; // months of dated roles that name it
  lastUsedMonthsAgo: number | null; // 0 = now; null when no dated role names it
};

/** A role named the way explanations name profile text: its title verbatim in quotes, its company plain. */
function roleName(role: RoleFact): string {
  const title = quotable(role.title);
  const company = role.company.trim() ? ` at ${plain(role.company.trim())}` : "";
  return `${title ? `"${title}"` : "a role"}${company}`;
}

/** Whole months since a role ended (`end` is exclusive, so a role ending last month is 1 month ago). */
export function monthsSinceEnd(end: number, nowMonth: number): number {
  return Math.max(0, nowMonth + 1 - end);
}

function roleStrength(role: RoleFact, nowMonth: number): number {
  if (role.start === null) return EVIDENCE.undatedRole;
  if (role.end === null) return EVIDENCE.currentRole;
  const ago = monthsSinceEnd(role.end, nowMonth);
  if (ago <= 24) return EVIDENCE.endedWithin2Years;
  if (ago <= 60) return EVIDENCE.endedWithin5Years;
  return EVIDENCE.endedLongAgo;
}

function directEvidence(fact: SkillFact, facts: ProfileFacts, nowMonth: number): SkillEvidence {
  const roles = fact.roles.map((i) => facts.roles[i]).filter((r): r is RoleFact => r !== undefined);
  let strength = 0;
  let where: string | null = null;
  for (const role of roles) {
    const s = roleStrength(role, nowMonth);
    if (s > strength) {
      strength = s;
      const label = role.end === null && role.start !== null ? "current role" : "role";
      where = `${label} ${roleName(role)}`;
    }
  }
  if (fact.stated && EVIDENCE.headlineOrSummary > strength) {
    strength = EVIDENCE.headlineOrSummary;
    where = "headline or summary";
  }
  const listed = EVIDENCE.skillsListOnly * (listIsStuffed(facts) ? EVIDENCE.stuffedListShare : 1);
  if (fact.listed && listed > strength) {
    strength = listed;
    where = listIsStuffed(facts) ? "a long skills list the roles do not back" : "skills list";
  }
  const ends = roles.filter((r) => r.start !== null).map((r) => (r.end === null ? nowMonth + 1 : r.end));
  return {
    skill: fact.skill,
    strength,
    where,
    months: monthsCovered(roles.filter((r) => r.start !== null).map((r) => ({ start: r.start!, end: Math.min(r.end ?? nowMonth + 1, nowMonth + 1) }))),
    lastUsedMonthsAgo: ends.length > 0 ? monthsSinceEnd(Math.max(...ends), nowMonth) : null,
  };
}

/** The evidence for a wanted skill: the skill itself, a credential that includes it, or the best related skill at a discount. */
export function skillEvidence(skill: string, facts: ProfileFacts, bySkill: ReadonlyMap<string, SkillFact>, nowMonth: number): SkillEvidence {
  const own = bySkill.get(skill);
  const direct = own ? directEvidence(own, facts, nowMonth) : { skill, strength: 0, where: null, months: 0, lastUsedMonthsAgo: null };
  let best: SkillEvidence = direct;
  // A credential that contains the one asked shows it in full ("OSHA 30" for "OSHA 10").
  for (const wider of skillsIncluding(skill)) {
    const fact = bySkill.get(wider);
    if (!fact) continue;
    const e = directEvidence(fact, facts, nowMonth);
    if (e.strength > best.strength) best = { ...e, skill, via: wider, viaIncludes: true };
  }
  for (const related of relatedSkills(skill)) {
    const fact = bySkill.get(related);
    if (!fact) continue;
    const e = directEvidence(fact, facts, nowMonth);
    const strength = e.strength * EVIDENCE.relatedShare;
    if (strength > best.strength) best = { ...e, skill, strength, via: related };
  }
  return best;
}

/** A phrase for a fit point: "Go in current role "Backend Engineer" at Stripe (4 yrs)". */
export function describeEvidence(e: SkillEvidence): string {
  const fromRole = e.where !== null && /^(?:current )?role /u.test(e.where);
  const span = fromRole && e.months > 0 ? ` (${formatDuration(e.months)}${e.lastUsedMonthsAgo && e.lastUsedMonthsAgo > 12 ? `, last used ${formatDuration(e.lastUsedMonthsAgo)} ago` : ""})` : "";
  const via = !e.via ? "" : e.viaIncludes ? ` through ${e.via}, which includes it` : ` through related ${e.via}`;
  return `${e.skill}${via}: ${e.where ?? "not shown"}${span}`;
}
