import { SENIORITY_SCALE } from "../types";
import { titleSegments } from "./normalize-title";

/**
 * One seniority model for both sides of a match: the job's title and the candidate's title are read by
 * the same rules, so "Staff Engineer" against "Staff Engineer" is distance 0 by construction.
 *
 * The scale is the contract's (types.ts); this module owns how a title maps onto it:
 * - intern: intern, internship, trainee, apprentice, co-op, summer associate, student nurse/teacher/worker
 * - junior: junior, entry level, new grad, graduate X, level I / L1–L3, and a leading "Associate"
 *   ("Associate Attorney", "Associate Product Manager") unless it qualifies a leadership word
 *   ("Associate Director" is a director, "Associate Professor" an academic rank, not a level)
 * - mid: mid, mid-level, intermediate, journeyman, level II / L4
 * - senior: senior, "Master" before a trade ("Master Electrician"), level III / L5
 * - lead: lead/leader (not "lead generation"), "Staff" on a technical ladder (engineer, developer,
 *   scientist, designer, architect, researcher, product manager), supervisor, foreman, charge nurse,
 *   "Head X" without "of" ("Head Chef"), level IV / L6–L7. "Staff Nurse", "Staff Accountant",
 *   "Staff Pharmacist", "Member of Technical Staff" state no level: there "staff" means employed staff.
 * - principal: principal, distinguished, technical/engineering fellow, level V / L8+. A school
 *   principal is not a level ("Assistant Principal" is an education administrator).
 * - executive: director, VP, chief, president, founder, "Head of", C-level acronyms.
 * "Manager" alone states no level: product, account and project managers are individual contributors at
 * every level; people management is the separate `manager` flag of a title reading. So "Senior Manager"
 * is senior. When several rules fire, the highest-ranked class wins in the order executive, intern,
 * principal, lead, senior, mid, junior; then level numerals; then a leading "Associate".
 */

export { SENIORITY_SCALE };
export type Seniority = (typeof SENIORITY_SCALE)[number];

/** 0-based position on the scale: intern = 0, executive = 6. */
export function seniorityRank(level: Seniority): number {
  return SENIORITY_SCALE.indexOf(level);
}

const EXECUTIVE_WORDS = new Set([
  "director", "vp", "chief", "president", "founder", "cxo",
  "ceo", "cto", "cfo", "coo", "cmo", "cio", "ciso", "cpo", "cro", "cno", "chro", "cdo", "cso", "clo", "cco",
]);
const INTERN_WORDS = new Set(["intern", "internship", "trainee", "apprentice", "werkstudent"]);
const STUDENT_ROLES = new Set(["nurse", "teacher", "intern", "worker", "assistant", "developer", "engineer"]);
const TECH_LADDER = new Set(["engineer", "developer", "scientist", "designer", "architect", "researcher", "programmer", "swe", "sde", "sre"]);
const TRADES = new Set(["electrician", "plumber", "carpenter", "mechanic", "technician", "welder", "barber", "machinist", "craftsman", "pipefitter"]);
/** "Senior caregiver" cares for seniors; "junior high teacher" teaches at a junior high; "mid-market" is a segment. */
const NOT_LEVEL_AFTER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["senior", new Set(["caregiver", "care", "living", "center", "centre", "citizen", "citizens", "services", "high"])],
  ["junior", new Set(["high", "school", "college"])],
  ["mid", new Set(["market", "size", "sized", "west", "atlantic", "career"])],
  ["lead", new Set(["generation", "gen", "generator"])],
  ["associate", new Set(["director", "vp", "dean", "professor", "partner", "general", "principal", "creative", "chief", "head"])],
]);
const NOT_PRINCIPAL_AFTER = new Set(["school", "assistant", "vice", "deputy"]);
const FELLOW_LADDER = new Set(["technical", "engineering", "distinguished", "senior", "principal"]);
const ROMAN: ReadonlyMap<string, number> = new Map([["i", 1], ["ii", 2], ["iii", 3], ["iv", 4], ["v", 5]]);
const NOT_NUMBERED_AFTER = new Set(["tier", "class", "type", "grade", "band", "step"]);
/** Level numerals on the common ladders (Engineer I–V, SDE I–III, Google-style L3–L8). */
const BY_NUMERAL: Seniority[] = ["junior", "junior", "mid", "senior", "lead", "principal"]; // index = I..V (1-based)
const BY_L_LEVEL: Seniority[] = ["junior", "junior", "junior", "junior", "mid", "senior", "lead", "lead", "principal"]; // index = L0..L8

/** Ranked from the top: the first class present wins. */
const PRECEDENCE: Seniority[] = ["executive", "intern", "principal", "lead", "senior", "mid", "junior"];

export type SeniorityReading = {
  seniority: Seniority | null;
  /** Per token: true when the token only states a level (stripped before matching the occupation). */
  levelWord: boolean[];
};

function lLevel(token: string): Seniority | null {
  const m = /^l(\d{1,2})$/u.exec(token);
  if (!m) return null;
  return BY_L_LEVEL[Math.min(Number(m[1]), BY_L_LEVEL.length - 1)];
}

/** Seniority of one title segment's words; `levelWord` marks the words that said it. */
export function readSeniority(tokens: readonly string[]): SeniorityReading {
  const found = new Set<Seniority>();
  const levelWord = tokens.map(() => false);
  let numbered: Seniority | null = null;
  let associate = false;
  const mark = (i: number, level: Seniority) => {
    found.add(level);
    levelWord[i] = true;
  };

  // "Executive Assistant to the CEO": whoever comes after "to"/"for" is someone else.
  const others = tokens.findIndex((t, i) => i > 0 && (t === "to" || t === "for"));
  tokens.forEach((w, i) => {
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    if (next !== undefined && NOT_LEVEL_AFTER.get(w)?.has(next)) return;
    if (others !== -1 && i > others) return;
    if (EXECUTIVE_WORDS.has(w)) found.add("executive");
    else if (w === "head") found.add(next === "of" ? "executive" : next !== undefined ? "lead" : "executive");
    else if (w === "managing" && next === "director") found.add("executive");
    else if (INTERN_WORDS.has(w)) mark(i, "intern");
    else if (w === "co" && next === "op") (mark(i, "intern"), mark(i + 1, "intern"));
    else if (w === "summer" && next === "associate") (mark(i, "intern"), mark(i + 1, "intern"));
    else if (w === "working" && next === "student") (mark(i, "intern"), mark(i + 1, "intern"));
    else if (w === "student" && next !== undefined && STUDENT_ROLES.has(next)) mark(i, "intern");
    else if (w === "principal" && !(prev !== undefined && NOT_PRINCIPAL_AFTER.has(prev))) mark(i, "principal");
    else if (w === "distinguished") mark(i, "principal");
    else if (w === "fellow" && prev !== undefined && FELLOW_LADDER.has(prev)) mark(i, "principal");
    else if (w === "lead" || w === "leader") mark(i, "lead");
    else if (w === "staff" && prev !== "of" && staffIsALevel(tokens, i)) mark(i, "lead");
    else if (w === "supervisor" || w === "foreman" || w === "forewoman") found.add("lead");
    else if (w === "charge" && next === "nurse") mark(i, "lead");
    else if (w === "senior") mark(i, "senior");
    else if (w === "master" && tokens.slice(i + 1).some((t) => TRADES.has(t))) mark(i, "senior");
    else if (w === "mid" || w === "intermediate" || w === "journeyman" || w === "journeyperson") mark(i, "mid");
    else if (w === "junior") mark(i, "junior");
    else if (w === "entry" && next === "level") (mark(i, "junior"), mark(i + 1, "junior"));
    else if (w === "new" && (next === "grad" || next === "graduate")) (mark(i, "junior"), mark(i + 1, "junior"));
    else if (w === "graduate" && i === 0 && next !== undefined) mark(i, "junior");
    else if (w === "level") levelWord[i] = true;
    else if (w === "associate" && i === firstNonLevel(tokens, levelWord) && next !== undefined) {
      associate = true;
      levelWord[i] = true;
    } else {
      const numeral = numeralLevel(tokens, i);
      if (numeral !== null) {
        numbered = numeral;
        levelWord[i] = true;
      }
    }
  });

  const seniority = PRECEDENCE.find((level) => found.has(level)) ?? numbered ?? (associate ? "junior" : null);
  return { seniority, levelWord };
}

/** "Staff" is a rung only on technical ladders: a ladder noun (or "product manager") follows it. */
function staffIsALevel(tokens: readonly string[], i: number): boolean {
  const rest = tokens.slice(i + 1);
  return rest.some((t, k) => TECH_LADDER.has(t) || (t === "product" && rest[k + 1] === "manager"));
}

function firstNonLevel(tokens: readonly string[], levelWord: boolean[]): number {
  const i = tokens.findIndex((_, k) => !levelWord[k]);
  return i === -1 ? tokens.length : i;
}

/** "Engineer II", "Nurse 3", "Level 2", "L5": a numeral after the role, or any L-number. */
function numeralLevel(tokens: readonly string[], i: number): Seniority | null {
  const w = tokens[i];
  const l = lLevel(w);
  if (l !== null) return l;
  const n = ROMAN.get(w) ?? (/^[1-5]$/u.test(w) ? Number(w) : null);
  if (n === null || i === 0) return null;
  const prev = tokens[i - 1];
  if (NOT_NUMBERED_AFTER.has(prev)) return null;
  if (prev === "level" || i === tokens.length - 1) return BY_NUMERAL[n];
  return null;
}

/** Seniority stated by a job title, or null when the title is silent about level. */
export function seniorityFromTitle(title: string): Seniority | null {
  return seniorityOfSegments(titleSegments(title));
}

/** The highest seniority any segment states ("Engineering Manager - Senior Director" is executive). */
export function seniorityOfSegments(segments: readonly (readonly string[])[]): Seniority | null {
  return highestSeniority(segments.map((s) => readSeniority(s).seniority));
}

/** The highest-precedence level among per-segment readings. */
export function highestSeniority(levels: readonly (Seniority | null)[]): Seniority | null {
  let best: Seniority | null = null;
  for (const seniority of levels) {
    if (seniority !== null && (best === null || PRECEDENCE.indexOf(seniority) < PRECEDENCE.indexOf(best))) best = seniority;
  }
  return best;
}

/**
 * The one fallback when a title states no level, used for the job (years asked) and the candidate
 * (years worked) alike. Years make someone senior at most: lead, principal and executive are roles a
 * person is given, not tenure, so a 20-year engineer without a level in the title reads as senior.
 * Years are total professional years (fractional allowed); negative or non-finite input is unknown.
 */
export function seniorityFromYears(years: number): Seniority | null {
  if (!Number.isFinite(years) || years < 0) return null;
  if (years < 2) return "junior";
  if (years < 5) return "mid";
  return "senior";
}
