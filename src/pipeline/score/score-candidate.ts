import { enrichedProfile } from "../enrich/enriched-profile";
import type { Candidate, Icp, ScoreBreakdown, TalentProfile } from "../types";
import { canonicalSkill, findSkillsInText, relatedSkills, skillAliases } from "../skills/lexicon";
import {
  careerSpan,
  formatDuration,
  roleDuration,
  roleInterval,
  rolesMostRecentFirst,
  totalExperienceMonths,
  type ExperienceEntry,
} from "./experience";

/**
 * Embedded enrichment and scoring: one talent-pool profile against one ICP, no network, no clock.
 *
 * Every fit point and red flag is built from the profile's own words. The contract for explanations:
 * whatever stands between double quotes is verbatim profile text; ICP terms and our own numbers are
 * written without quotes, and profile text shown outside quotes (company names, dates) has its double
 * quotes turned into single ones so a reader (or a test) can always pair the quotes.
 */

/** How much each breakdown component contributes to matchScore; the weights sum to 1. */
export const MATCH_WEIGHTS = {
  skills: 0.4,
  title: 0.25,
  experience: 0.15,
  seniority: 0.1,
  location: 0.1,
} as const satisfies Record<keyof ScoreBreakdown, number>;

/** Points taken off matchScore for each distinct negative keyword the profile mentions. */
export const NEGATIVE_KEYWORD_PENALTY = 10;

// Share of the skills score carried by must-haves when the ICP also lists nice-to-haves.
const MUST_HAVE_SHARE = 0.75;
// A related skill (PostgreSQL for MySQL) shows transferable ability, not the skill itself.
const RELATED_SKILL_CREDIT = 0.5;
// A title held earlier (or alongside) says less about the candidate today than the current one.
const OTHER_TITLE_FACTOR = 0.6;
// Score for a component the profile gives no data for: neither a match nor a mismatch.
const UNKNOWN_SCORE = 50;
// Seniority score by distance in levels (0, 1, 2, 3+).
const SENIORITY_SCORE_BY_DISTANCE = [100, 70, 35, 0] as const;
// Nice-to-haves are often expanded with related skills; citing them all would drown the must-haves.
const MAX_NICE_TO_HAVE_POINTS = 3;
const MAX_QUOTE_CHARS = 160;
const MAX_HIGHLIGHT_CHARS = 300;
const MAX_DETAILED_RATIONALE = 5;
const MAX_HIGHLIGHTS = 3;

type Seniority = Icp["seniority"];
const SENIORITY_LEVELS = ["intern", "junior", "mid", "senior", "lead", "principal", "executive"] as const satisfies readonly Seniority[];

export function scoreCandidate(icp: Icp, profile: TalentProfile, now: Date): Candidate {
  const roles = rolesMostRecentFirst(profile.experience ?? [], now);
  const facts = enrichedProfile(profile, now);
  const currentTitle = facts.currentRole;
  const passages = profilePassages(profile, roles, icp);
  const months = totalExperienceMonths(roles, now);
  const hasDatedRoles = roles.some((role) => roleInterval(role, now) !== null);

  const skills = assessSkills(icp, profile.skills ?? [], passages);
  const title = assessTitle(icp, currentTitle, roles);
  const seniority = assessSeniority(icp, currentTitle, hasDatedRoles ? months : null);
  const experience = assessExperience(icp, roles, months, hasDatedRoles, now);
  const location = assessLocation(icp, profile);
  const negatives = findNegativeKeywords(icp, profile, currentTitle, roles);

  const scoreBreakdown: ScoreBreakdown = {
    skills: skills.score,
    title: title.score,
    seniority: seniority.score,
    experience: experience.score,
    location: location.score,
  };
  const matchScore = combineScores(scoreBreakdown, negatives.length);
  const assessments = [title, skills, experience, seniority, location];

  return {
    profileId: facts.profileId,
    name: facts.name,
    linkedinUrl: facts.linkedinUrl,
    matchScore,
    rationale: summarize(matchScore, skills, title, experience, assessments, negatives.length),
    skills: facts.skills,
    headline: facts.headline,
    location: facts.location,
    currentCompany: facts.currentCompany,
    currentRole: facts.currentRole,
    aiFitPoints: assessments.flatMap((a) => a.fitPoints),
    aiRedFlags: [...assessments.flatMap((a) => a.redFlags), ...negatives],
    aiDetailedRationale: roles
      .slice(0, MAX_DETAILED_RATIONALE)
      .map((role) => ({
        title: role.title,
        company: role.company,
        duration: roleDuration(role, now),
        relevanceExplanation: explainRoleRelevance(icp, role, passages),
      })),
    detailedExperience: facts.detailedExperience,
    emails: facts.emails,
    scoreBreakdown,
  };
}

/** Weighted sum of the breakdown, less the negative-keyword penalty, as an integer 0–100. */
export function combineScores(breakdown: ScoreBreakdown, negativeKeywordCount: number): number {
  let weighted = 0;
  for (const key of Object.keys(MATCH_WEIGHTS) as (keyof ScoreBreakdown)[]) {
    weighted += MATCH_WEIGHTS[key] * breakdown[key];
  }
  return clampScore(weighted - NEGATIVE_KEYWORD_PENALTY * negativeKeywordCount);
}

type Assessment = {
  score: number;
  fitPoints: string[];
  redFlags: string[];
  gap?: string; // a few words for the rationale when this component falls short
};

// ---------------------------------------------------------------------------------------------
// Profile text, split into quotable passages

/** A quotable piece of free text and the skills it mentions. */
type Passage = {
  where: string; // "Headline", "At Stripe (2019-03 – present)", …
  text: string; // verbatim, never contains a double quote
  skills: Set<string>;
  role?: ExperienceEntry;
};

function profilePassages(profile: TalentProfile, roles: readonly ExperienceEntry[], icp: Icp): Passage[] {
  const icpSkills = [...icp.mustHaveSkills, ...icp.niceToHaveSkills];
  const passagesOf = (where: string, text: string | undefined, role?: ExperienceEntry): Passage[] =>
    fragments(text ?? "").map((fragment) => ({ where, text: fragment, skills: skillsIn(fragment, icpSkills), role }));
  return [
    ...passagesOf("Headline", profile.headline),
    ...passagesOf("Summary", profile.summary),
    ...roles.flatMap((role) => passagesOf(`At ${roleLabel(role)}`, role.description, role)),
    ...passagesOf("Resume", profile.resumeText),
  ];
}

/**
 * Lexicon skills in a piece of text, plus ICP skills the lexicon does not know, found by their name.
 * The name search is kept to unknown skills because known ones have context rules ("Go" vs "go to").
 */
function skillsIn(text: string, icpSkills: readonly string[]): Set<string> {
  const found = new Set(findSkillsInText(text));
  for (const skill of icpSkills) {
    if (!found.has(skill) && canonicalSkill(skill) === null && findPhrase(text, skill)) found.add(skill);
  }
  return found;
}

/**
 * Sentences and lines of free text, trimmed. Splitting also at double quotes keeps every piece
 * quotable; a period only ends a sentence before whitespace so "Node.js" stays whole.
 */
function fragments(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|[\r\n"•]+/u)
    .map((piece) => piece.replace(/^[\s*\-–—·]+/u, "").trim())
    .filter((piece) => piece !== "");
}

function roleLabel(role: ExperienceEntry): string {
  const start = nonBlank(role.startDate);
  const end = nonBlank(role.endDate);
  const company = plain(role.company.trim()) || "an unnamed company";
  if (!start && !end) return company;
  if (!start) return `${company} (until ${plain(end!)})`;
  return `${company} (${plain(start)} – ${end ? plain(end) : "present"})`;
}

// ---------------------------------------------------------------------------------------------
// Skills

type SkillFinding = { skill: string; citation: string | null; via?: string };

function assessSkills(icp: Icp, listedSkills: readonly string[], passages: readonly Passage[]): Assessment {
  const mustHaves = unique(icp.mustHaveSkills);
  const niceToHaves = unique(icp.niceToHaveSkills).filter((skill) => !mustHaves.includes(skill));
  const cite = (skill: string) => citeSkill(skill, listedSkills, passages);

  const findings = (skills: string[]) =>
    skills.map((skill): SkillFinding => {
      const citation = cite(skill);
      if (citation) return { skill, citation };
      for (const related of relatedSkills(skill)) {
        const relatedCitation = cite(related);
        if (relatedCitation) return { skill, citation: relatedCitation, via: related };
      }
      return { skill, citation: null };
    });
  const must = findings(mustHaves);
  const nice = findings(niceToHaves);

  const fitPoints: string[] = [];
  const redFlags: string[] = [];
  for (const f of must) {
    if (f.citation && !f.via) fitPoints.push(`${f.citation} (must-have ${plain(f.skill)})`);
    if (f.via) {
      fitPoints.push(`${f.citation} (${plain(f.via)}, related to must-have ${plain(f.skill)})`);
    }
    if (!f.citation || f.via) {
      redFlags.push(
        `No ${f.via ? "direct " : ""}evidence of must-have ${plain(f.skill)} in skills, headline, summary, experience or resume`,
      );
    }
  }
  for (const f of nice.filter((n) => n.citation && !n.via).slice(0, MAX_NICE_TO_HAVE_POINTS)) {
    fitPoints.push(`${f.citation} (nice-to-have ${plain(f.skill)})`);
  }

  const missing = must.filter((f) => !f.citation || f.via).map((f) => plain(f.skill));
  return {
    score: skillsScore(credits(must), credits(nice)),
    fitPoints,
    redFlags,
    gap: missing.length > 0 ? `no direct evidence of ${listPhrase(missing)}` : undefined,
  };
}

function credits(findings: readonly SkillFinding[]): number[] {
  return findings.map((f) => (f.citation === null ? 0 : f.via ? RELATED_SKILL_CREDIT : 1));
}

/** 0–100 from per-skill credits (0, 0.5 or 1); an ICP that names no skills cannot be missed. */
export function skillsScore(mustHaveCredits: readonly number[], niceToHaveCredits: readonly number[]): number {
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  if (mustHaveCredits.length === 0 && niceToHaveCredits.length === 0) return 100;
  if (niceToHaveCredits.length === 0) return clampScore(100 * mean(mustHaveCredits));
  if (mustHaveCredits.length === 0) return clampScore(100 * mean(niceToHaveCredits));
  return clampScore(100 * (MUST_HAVE_SHARE * mean(mustHaveCredits) + (1 - MUST_HAVE_SHARE) * mean(niceToHaveCredits)));
}

/** Where the profile shows a skill: its skills list first, then free text in reading order. */
function citeSkill(skill: string, listedSkills: readonly string[], passages: readonly Passage[]): string | null {
  for (const listed of listedSkills) {
    const canonical = canonicalSkill(listed) ?? listed.trim().toLowerCase();
    const quoted = quotable(listed);
    if (canonical === skill && quoted) return `Skills list includes "${quoted}"`;
  }
  const passage = passages.find((p) => p.skills.has(skill));
  if (!passage) return null;
  const needles = skillAliases(skill);
  return `${passage.where}: ${quoteExcerpt(passage.text, needles.length > 0 ? needles : [skill])}`;
}

// ---------------------------------------------------------------------------------------------
// Title

function assessTitle(icp: Icp, currentTitle: string | null, roles: readonly ExperienceEntry[]): Assessment {
  if (icp.titles.length === 0) return { score: 100, fitPoints: [], redFlags: [] };
  const current = currentTitle ? titleSimilarity(currentTitle, icp.titles) : 0;
  const others = roles
    .filter((role) => currentTitle === null || normalizeTitle(role.title) !== normalizeTitle(currentTitle))
    .map((role) => ({ role, similarity: titleSimilarity(role.title, icp.titles) }))
    .sort((a, b) => b.similarity - a.similarity);
  const bestOther = others[0];
  const otherScore = bestOther ? Math.round(OTHER_TITLE_FACTOR * bestOther.similarity) : 0;
  const score = clampScore(Math.max(current, otherScore));

  const fitPoints: string[] = [];
  const redFlags: string[] = [];
  const currentQuote = currentTitle ? quotable(currentTitle) : null;
  if (currentQuote && current >= 85) fitPoints.push(`Current title "${currentQuote}" matches the role`);
  else if (currentQuote && current >= 40) fitPoints.push(`Current title "${currentQuote}" is related to the role`);
  const otherQuote = bestOther ? quotable(bestOther.role.title) : null;
  if (bestOther && otherQuote && bestOther.similarity >= 85 && otherScore > current) {
    fitPoints.push(`Title "${otherQuote}" at ${roleLabel(bestOther.role)} matches the role`);
  }
  if (currentQuote && current < 40 && otherScore < 40) {
    redFlags.push(`Current title "${currentQuote}" does not match the role`);
  }
  if (!currentTitle && roles.length === 0) redFlags.push("No current or past job title given");

  const gap = score >= 40 ? undefined : currentTitle || roles.length > 0 ? "a title outside the role" : "no job title";
  return { score, fitPoints, redFlags, gap };
}

// Level words are compared by the seniority component, not the title one: "Senior Nurse" is a nurse.
const LEVEL_WORDS = new Set([
  "senior", "sr", "junior", "jr", "lead", "principal", "staff", "intern", "trainee", "associate", "graduate",
  "entry", "level", "mid", "i", "ii", "iii", "iv",
]);
const TITLE_STOPWORDS = new Set(["of", "the", "and", "for", "at", "in", "a", "an", "to"]);

function titleWords(title: string): string[] {
  return title
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((word) => word !== "" && !LEVEL_WORDS.has(word) && !TITLE_STOPWORDS.has(word))
    // Plural and singular name the same job ("nurses", "engineers").
    .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word));
}

function normalizeTitle(title: string): string {
  return title.trim().toLowerCase();
}

/**
 * How close a profile title is to the ICP's titles: the same job family once level words are set
 * aside → 100; an ICP title inside it ("backend engineer, payments") → 85; otherwise shared words,
 * scaled to at most 70 so word overlap never beats a family match.
 */
export function titleSimilarity(profileTitle: string, icpTitles: readonly string[]): number {
  const words = titleWords(profileTitle);
  if (words.length === 0) return 0;
  let best = 0;
  for (const icpTitle of icpTitles) {
    const wanted = titleWords(icpTitle);
    if (wanted.length === 0) continue;
    if (wanted.join(" ") === words.join(" ")) return 100;
    if (containsRun(words, wanted)) best = Math.max(best, 85);
    const shared = new Set(wanted.filter((w) => words.includes(w))).size;
    best = Math.max(best, Math.round((70 * 2 * shared) / (new Set(words).size + new Set(wanted).size)));
  }
  return best;
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= words.length; i++) {
    if (run.every((w, j) => words[i + j] === w)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Seniority

/**
 * The level a title names. Executive titles are unambiguous; after them the explicit level words
 * (intern, junior, senior) outrank role nouns, so "Senior Architect" is senior and "Junior Manager" junior.
 */
export function seniorityFromTitle(title: string): Seniority | null {
  const t = title.toLowerCase();
  if (/\b(chief|cto|ceo|cfo|coo|cio|cno|vp|svp|evp|vice president|director|president|head of)\b/.test(t)) {
    return "executive";
  }
  if (/\b(intern|internship|trainee|apprentice|student)\b/.test(t)) return "intern";
  if (/\b(junior|jr|graduate|entry[- ]level)\b/.test(t)) return "junior";
  if (/\b(mid|mid-level|intermediate)\b/.test(t)) return "mid";
  if (/\b(senior|sr)\b/.test(t)) return "senior";
  // "Staff" is a level only in technical ladders; a staff nurse is an ordinary nurse.
  if (/\b(principal|distinguished|fellow|architect)\b/.test(t)) return "principal";
  if (/\bstaff\b/.test(t) && /\b(engineer|developer|scientist|designer|analyst)\b/.test(t)) return "principal";
  if (/\b(lead|manager|head|supervisor|charge)\b/.test(t)) return "lead";
  return null;
}

/** Years alone never imply lead or principal: those are roles, not tenure. */
export function seniorityFromYears(years: number): Seniority {
  if (years < 2) return "junior";
  if (years < 5) return "mid";
  return "senior";
}

function assessSeniority(icp: Icp, currentTitle: string | null, months: number | null): Assessment {
  const fromTitle = currentTitle ? seniorityFromTitle(currentTitle) : null;
  const level = fromTitle ?? (months !== null ? seniorityFromYears(months / 12) : null);
  if (level === null) return { score: UNKNOWN_SCORE, fitPoints: [], redFlags: [] };
  const distance = Math.abs(SENIORITY_LEVELS.indexOf(level) - SENIORITY_LEVELS.indexOf(icp.seniority));
  const score = SENIORITY_SCORE_BY_DISTANCE[Math.min(distance, SENIORITY_SCORE_BY_DISTANCE.length - 1)];
  const basis =
    fromTitle && currentTitle && quotable(currentTitle)
      ? `Current title "${quotable(currentTitle)}"`
      : fromTitle
        ? "The current title"
        : `Total experience of ${formatDuration(months ?? 0)}`;
  const fitPoints = distance === 0 && fromTitle ? [`${basis} indicates ${level} level, as asked`] : [];
  const redFlags = distance >= 2 ? [`${basis} suggests ${level} level; the role is ${icp.seniority}`] : [];
  return { score, fitPoints, redFlags, gap: distance >= 2 ? `${level} rather than ${icp.seniority} level` : undefined };
}

// ---------------------------------------------------------------------------------------------
// Experience

/** Credit grows with years up to the minimum asked and stops there: more years earn nothing extra. */
export function experienceScore(years: number, minYears: number): number {
  if (minYears <= 0) return 100;
  return clampScore((100 * Math.min(years, minYears)) / minYears);
}

function assessExperience(
  icp: Icp,
  roles: readonly ExperienceEntry[],
  months: number,
  hasDatedRoles: boolean,
  now: Date,
): Assessment {
  const asked = icp.minYearsExperience;
  const score = experienceScore(months / 12, asked);
  if (asked <= 0) return { score, fitPoints: [], redFlags: [] };
  const askedText = `${asked} year${asked === 1 ? "" : "s"} asked`;
  const span = careerSpan(roles, now);
  if (!hasDatedRoles || !span) {
    return {
      score,
      fitPoints: [],
      redFlags: [`No dated experience given, so the ${askedText} cannot be confirmed`],
      gap: "no dated experience",
    };
  }
  const from = quotable(span.from);
  const to = span.to === "now" ? "now" : quotable(span.to) ? `"${quotable(span.to)}"` : null;
  const range = from && to ? ` (from "${from}" to ${to})` : "";
  const total = `Total experience ${formatDuration(months)}${range}`;
  if (months >= asked * 12) return { score, fitPoints: [`${total} meets the ${askedText}`], redFlags: [] };
  return {
    score,
    fitPoints: [],
    redFlags: [`${total} is below the ${askedText}`],
    gap: `${formatDuration(months)} of experience against ${asked} years asked`,
  };
}

// ---------------------------------------------------------------------------------------------
// Location

function assessLocation(icp: Icp, profile: TalentProfile): Assessment {
  const wanted = unique(icp.locations.map((l) => l.trim().toLowerCase()).filter((l) => l !== ""));
  if (wanted.length === 0) return { score: 100, fitPoints: [], redFlags: [] };
  const remoteOk = wanted.includes("remote");
  const places = [
    { label: "Location", text: nonBlank(profile.location) },
    { label: "Country", text: nonBlank(profile.country) },
  ].filter((p): p is { label: string; text: string } => p.text !== null);

  for (const place of places) {
    const quoted = quotable(place.text);
    if (quoted && wanted.some((variant) => findPhrase(place.text, variant))) {
      return { score: 100, fitPoints: [`${place.label} "${quoted}" is in the requested locations`], redFlags: [] };
    }
  }
  const shown = places.map((p) => ({ ...p, quoted: quotable(p.text) })).find((p) => p.quoted);
  if (remoteOk) {
    const fitPoints = shown ? [`${shown.label} "${shown.quoted}" is acceptable: the role allows remote work`] : [];
    return { score: 100, fitPoints, redFlags: [] };
  }
  if (!shown) {
    return { score: UNKNOWN_SCORE, fitPoints: [], redFlags: ["No location given"], gap: "no location given" };
  }
  return {
    score: 0,
    fitPoints: [],
    redFlags: [`${shown.label} "${shown.quoted}" is outside the requested locations`],
    gap: "a location outside the requested ones",
  };
}

// ---------------------------------------------------------------------------------------------
// Negative keywords

/** One red flag per distinct negative keyword, citing the first place the profile says it. */
function findNegativeKeywords(
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

// ---------------------------------------------------------------------------------------------
// Rationale and experience detail

function summarize(
  matchScore: number,
  skills: Assessment,
  title: Assessment,
  experience: Assessment,
  assessments: readonly Assessment[],
  negativeCount: number,
): string {
  const band = matchScore >= 75 ? "Strong" : matchScore >= 50 ? "Partial" : "Weak";
  const strengths = [
    `skills ${skills.score}/100`,
    `title ${title.score}/100`,
    `experience ${experience.score}/100`,
  ].join(", ");
  const gaps = assessments.map((a) => a.gap).filter((g): g is string => g !== undefined);
  if (negativeCount > 0) gaps.push(`${negativeCount} negative keyword${negativeCount === 1 ? "" : "s"} mentioned`);
  const first = `${band} match at ${matchScore}/100 (${strengths}).`;
  return gaps.length === 0 ? `${first} No major gaps found.` : `${first} Gaps: ${gaps.join("; ")}.`;
}

function explainRoleRelevance(icp: Icp, role: ExperienceEntry, passages: readonly Passage[]): string {
  const icpSkills = [...icp.mustHaveSkills, ...icp.niceToHaveSkills];
  const mentioned = new Set(skillsIn(role.title, icpSkills));
  for (const p of passages) if (p.role === role) for (const s of p.skills) mentioned.add(s);
  const must = unique(icp.mustHaveSkills).filter((s) => mentioned.has(s)).map(plain);
  const nice = unique(icp.niceToHaveSkills).filter((s) => mentioned.has(s) && !icp.mustHaveSkills.includes(s)).map(plain);
  const parts: string[] = [];
  if (must.length > 0) parts.push(`mentions must-have ${listPhrase(must)}`);
  if (nice.length > 0) parts.push(`mentions nice-to-have ${listPhrase(nice)}`);
  const similarity = titleSimilarity(role.title, icp.titles);
  if (similarity >= 85) parts.push("title matches the role");
  else if (similarity >= 40) parts.push("title is related to the role");
  if (parts.length === 0) return "Names none of the role's skills or titles.";
  const sentence = parts.join("; ");
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
}

/** Up to three sentences of a role description, trimmed, as written. */
export function descriptionHighlights(description: string): string[] {
  return description
    .split(/(?<=[.!?])\s+|[\r\n•]+/u)
    .map((sentence) => sentence.replace(/^[\s*\-–—·]+/u, "").trim())
    .filter((sentence) => sentence !== "")
    .slice(0, MAX_HIGHLIGHTS)
    .map((sentence) => (sentence.length > MAX_HIGHLIGHT_CHARS ? `${cutAtWord(sentence, MAX_HIGHLIGHT_CHARS)}…` : sentence));
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function escapeRegex(text: string): string {
  // Only syntax characters: under the "u" flag an escaped "-" or "," is itself a syntax error.
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

// Compiled phrase patterns; ICP terms repeat across every profile of a run. Non-global, so stateless.
const phrasePatterns = new Map<string, RegExp>();

/** First whole-word, case-insensitive occurrence of a phrase, as the text spells it. */
function findPhrase(text: string, phrase: string): { index: number; text: string } | null {
  let pattern = phrasePatterns.get(phrase);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(phrase)}(?![\\p{L}\\p{N}])`, "iu");
    if (phrasePatterns.size > 1_000) phrasePatterns.clear(); // bound memory across many runs
    phrasePatterns.set(phrase, pattern);
  }
  const match = pattern.exec(text);
  return match ? { index: match.index, text: match[0] } : null;
}

/**
 * A passage in double quotes, cut to a window around the first needle when it is long. The cut is
 * marked with "…" outside the quotes, so the quoted part stays verbatim.
 */
function quoteExcerpt(text: string, needles: readonly string[]): string {
  if (text.length <= MAX_QUOTE_CHARS) return `"${text}"`;
  const hits = needles.map((n) => findPhrase(text, n)).filter((h) => h !== null);
  const anchor = hits.sort((a, b) => a.index - b.index)[0]?.index ?? 0;
  let start = Math.max(0, anchor - Math.floor(MAX_QUOTE_CHARS / 3));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < anchor ? space + 1 : start;
  }
  const body = cutAtWord(text.slice(start), MAX_QUOTE_CHARS).trim();
  const bodyEnd = text.indexOf(body, start) + body.length;
  const before = start > 0 ? "…" : "";
  const after = bodyEnd < text.trimEnd().length ? "…" : "";
  return `${before}"${body}"${after}`;
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(" ", max);
  return (space > max / 2 ? text.slice(0, space) : text.slice(0, max)).trimEnd();
}

/**
 * A short field (title, skill, place) ready to sit between double quotes: the field itself, or when
 * it contains double quotes its longest quote-free piece; null when nothing visible is left.
 */
function quotable(text: string): string | null {
  const pieces = text.split('"').map((p) => p.trim());
  const longest = pieces.reduce((a, b) => (b.length > a.length ? b : a), "");
  return longest === "" ? null : longest;
}

/** Profile or ICP text shown outside quotes: its double quotes become single ones. */
function plain(text: string): string {
  return text.replaceAll('"', "'");
}

function nonBlank(text: string | undefined | null): string | null {
  return text !== undefined && text !== null && text.trim() !== "" ? text : null;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function clampScore(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}
