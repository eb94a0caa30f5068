import { findSkillMentions, findSkillsInText, skillAliases } from "../../skills/lexicon";
import { FIRM_CUE, NICE_CUE, clausesOf, cutByWeight, withAsides } from "./cues";
import { type PostingSection, headingKind, isStackHeading } from "./sections";

/**
 * Must-have and nice-to-have skills of a posting, read by section:
 * - requirements → must-haves, except a clause with a nice cue ("X is a plus", "ideally Y") → nice;
 * - nice → nice-to-haves;
 * - duties, role and unclassified text → a skill named as the means of the work ("build services in Go
 *   on Kubernetes", "document in Epic", every skill of an "Our stack" list) is a nice-to-have; a noun
 *   the duty merely touches ("partner with sales on B2B campaigns") is nothing. When the posting has no
 *   requirements or nice part at all (a one-paragraph posting) the means of the work are the must-haves:
 *   "Looking for someone to build our dashboard in React and TypeScript" means React and TypeScript;
 * - company blurb, benefits, process and EEO → nothing, whatever tools they name ("we use Slack").
 * `leading` skills (job title, recruiter's query) are always must-haves, first.
 */

/**
 * At most this many must-haves from the posting itself (leading skills are never demoted). A posting
 * that lists 20 tools as requirements is describing its environment; a recruiter would screen on the
 * handful stated firmly. The firm ones (must/required/strong/expert/N years…) go first, then the rest
 * in the posting's order; the overflow becomes nice-to-haves.
 */
export const MAX_POSTING_MUST_HAVES = 8;
/** Without a requirements part the means of the work stand in, but only a few: past this many they are nice. */
export const MAX_IMPLIED_MUST_HAVES = 5;

/** `alternatives`: groups of must-haves of which any one will do ("Go or Node.js", "React/Vue"). */
export type SkillRequirementsReading = { mustHave: string[]; niceToHave: string[]; evidence: Record<string, string>; alternatives: string[][] };

// What stands between two skills offered as alternatives: "or", "/", ", or", "(or", and the commas of "X, Y or Z".
const ALTERNATIVE_GAP = /^\s*\(?\s*(?:,?\s*(?:or|either)|\/|,)\s*(?:an?\s+)?(?:(?:even|maybe|another|similar|comparable|equivalent|other|any)\s+)?$/iu;

/** "X or similar", "Y or equivalent": the named tool stands for its kind, so it alone is no must-have. */
const OR_SIMILAR = /\bor\s+(?:similar|equivalent|comparable|alike|the\s+like|other\s+[\p{L}-]+\s+(?:tools?|platforms?|systems?|software))\b/iu;

/**
 * The skills an "or similar" offers in place of each other: the list that ends right before it and
 * what it names itself, up to the next comma ("hands-on Relativity or comparable e-discovery platform
 * experience, and strong Westlaw" → Relativity and e-discovery platforms; "Dayforce, ADP or similar" →
 * both), never the rest of the sentence. Null when the text has no "or similar".
 */
function orSimilarItem(text: string): string[] | null {
  const m = OR_SIMILAR.exec(text);
  if (!m) return null;
  const mentions = findSkillMentions(text);
  const item: string[] = [];
  let i = mentions.findLastIndex((x) => x.end <= m.index);
  if (i >= 0 && /^[\s(]*$/u.test(text.slice(mentions[i].end, m.index))) {
    item.push(mentions[i].canonical);
    for (; i > 0 && ALTERNATIVE_GAP.test(text.slice(mentions[i - 1].end, mentions[i].start)); i--) item.unshift(mentions[i - 1].canonical);
  }
  const comma = text.indexOf(",", m.index);
  const itemEnd = comma === -1 ? text.length : comma;
  for (const x of mentions) if (x.start >= m.index && x.start < itemEnd) item.push(x.canonical);
  return [...new Set(item)];
}

/**
 * "HubSpot (or Marketo and a willingness to switch)", "Relativity (or a comparable e-discovery
 * platform)": an aside opening with "or" offers an alternative to what precedes it, so it is read in
 * line ("HubSpot or Marketo …") rather than as an aside of its own.
 */
function withOrAsidesInline(clause: string): string {
  return clause.replace(/\(\s*(or\s[^()]*)\)/giu, " $1");
}

/**
 * Skills a requirement offers as alternatives, as groups: consecutive mentions joined by "or", "/" or
 * commas, where at least one join is "or" or "/" ("Python, Go or Rust"; "Go/Rust"). A list joined by
 * "and" or by commas alone asks for all of them.
 */
export function alternativesIn(text: string): string[][] {
  const mentions = findSkillMentions(text);
  const groups: string[][] = [];
  let chain: string[] = [];
  let offered = false;
  const close = () => {
    const unique = [...new Set(chain)];
    if (offered && unique.length > 1) groups.push(unique);
    chain = [];
    offered = false;
  };
  mentions.forEach((m, i) => {
    const gap = i > 0 ? text.slice(mentions[i - 1].end, m.start) : null;
    if (gap === null || !ALTERNATIVE_GAP.test(gap)) close();
    else if (!/^\s*,\s*$/u.test(gap)) offered = true;
    chain.push(m.canonical);
  });
  close();
  return groups;
}

// Words just before a skill that make it the means of the work: "in Go", "using Salesforce", "on Kubernetes".
// ("built in", "written in", "runs on" are covered by their preposition; "run" alone is the duty's verb.)
const MEANS_BEFORE = /\b(?:in|with|using|use|uses|on|via|leveraging|leverage|into|through|like|such as|within)\b[^.;:]{0,24}$/iu;
// Words just after a skill that make it an object or audience of the duty, not its tool.
const OBJECT_AFTER =
  /^\s*(?:teams?|campaigns?|customers?|clients?|partners?|leaders?|leadership|departments?|orgs?|organi[sz]ations?|colleagues|stakeholders|groups?|initiatives?|efforts?|projects?|counterparts|specialists|experts|folks|people|reps|representatives|managers?|functions?|accounts?|prospects?|audiences?|deals?|market|space|industry|sector|companies|firms|agency|agencies|vendors?)\b/iu;

/**
 * Surfaces that are also industry adjectives: "B2B SaaS", "B2B content marketing", "Northwind Retail"
 * name the market, not the skill. They count only when followed by what makes them the skill.
 */
const INDUSTRY_SURFACES: Record<string, RegExp> = {
  b2b: /^\s*(?:saas\s+)?(?:sales|selling)\b/iu,
  retail: /^\s*(?:sales|selling|store|floor|associate|experience)\b/iu,
};

/** Whether a skill found in a clause is only there as an industry adjective (see INDUSTRY_SURFACES). */
function isIndustryAdjective(skill: string, clause: string): boolean {
  const at = mentionOf(skill, clause);
  if (!at) return false;
  const rule = INDUSTRY_SURFACES[clause.slice(at.start, at.end).toLowerCase()];
  return rule !== undefined && !rule.test(clause.slice(at.end));
}

/**
 * A skill named by the people or the department that do it, as the ones the work is for or with:
 * "explaining a model to a product manager", "work alongside nurses", "work with procurement on
 * supplier scorecards". They are the audience; their skill is not asked. Written in lower case, as a
 * person or a team is; "with LinkedIn Recruiter" names a product.
 */
const PERSON_SURFACE = /(?:manager|engineer|designer|developer|nurse|analyst|accountant|recruiter|scientist|lawyer|attorney|teacher|pharmacist)s?$/u;
const DEPARTMENT_SURFACE = /^(?:procurement|purchasing|finance|accounting|sales|marketing|legal|compliance|engineering|operations|product|design|support|hr|recruiting)$/u;
const AUDIENCE_BEFORE = /\b(?:to|with|for|alongside|among|between|and)\s+(?:(?:a|an|the|our|your|other|fellow)\s+)?$/iu;
function isAudience(skill: string, clause: string): boolean {
  const at = mentionOf(skill, clause);
  if (!at) return false;
  const surface = clause.slice(at.start, at.end);
  return (PERSON_SURFACE.test(surface) || DEPARTMENT_SURFACE.test(surface)) && AUDIENCE_BEFORE.test(clause.slice(0, at.start));
}

type Bucket = "must" | "nice" | "means";
type Found = { skill: string; bucket: Bucket; firm: boolean; clause: string; alternatives?: string[][] };

/** Where a skill is first mentioned in a clause, by any of its surface forms; -1 when not found. */
function mentionOf(skill: string, clause: string): { start: number; end: number } | null {
  const lower = clause.toLowerCase();
  let best: { start: number; end: number } | null = null;
  for (const surface of skillAliases(skill)) {
    let from = 0;
    for (let at = lower.indexOf(surface, from); at !== -1; at = lower.indexOf(surface, from)) {
      from = at + 1;
      const before = lower[at - 1] ?? " ";
      const after = lower[at + surface.length] ?? " ";
      if (/[\p{L}\p{N}+#]/u.test(before) || /[\p{L}\p{N}+#]/u.test(after)) continue;
      if (!best || at < best.start) best = { start: at, end: at + surface.length };
      break;
    }
  }
  return best;
}

/** Whether the duty names the skill as its means ("build services in Go") rather than its object. */
export function isMeansOfWork(skill: string, clause: string): boolean {
  const at = mentionOf(skill, clause);
  // A skill we cannot locate (found through a looser spelling) is not counted: duties are weak evidence.
  if (!at) return false;
  return MEANS_BEFORE.test(clause.slice(0, at.start)) && !OBJECT_AFTER.test(clause.slice(at.end));
}

function readSection(section: PostingSection): Found[] {
  const found: Found[] = [];
  const stack = isStackHeading(section.heading);
  for (const clause of clausesOf(section.text)) {
    for (const piece of cutByWeight(withOrAsidesInline(clause)).flatMap(withoutRuledOut)) {
      for (const part of withAsides(piece)) {
        const skills = findSkillsInText(part.text);
        if (skills.length === 0) continue;
        const firm = FIRM_CUE.test(piece);
        for (const skill of skills) {
          if (isIndustryAdjective(skill, part.text) || isAudience(skill, part.text)) continue;
          const similar = orSimilarItem(part.text);
          const offered = similar !== null && similar.includes(skill);
          // "Jira or similar": the one named tool stands for its kind; "Dayforce, ADP or similar": any one will do.
          const nice = part.nice || (offered && similar.length === 1);
          const alternatives = nice ? undefined : offered ? [similar] : alternativesIn(part.text);
          if (section.kind === "requirements") found.push({ skill, bucket: nice ? "nice" : "must", firm, clause, alternatives });
          else if (section.kind === "nice") found.push({ skill, bucket: "nice", firm: false, clause });
          else if (part.nice && NICE_CUE.test(piece)) found.push({ skill, bucket: "nice", firm: false, clause });
          else if (stack || isMeansOfWork(skill, part.text)) found.push({ skill, bucket: "means", firm: false, clause });
        }
      }
    }
  }
  return found;
}

const NEGATED = /\b(?:(?:this|it|that)\s+(?:is\s+not|isn't)\b|you(?:'re|\s+are)\s+not\b|not\s+an?\s+(?:[\p{L}-]+\s+){0,3}(?:role|position|job)\b|no\s+(?:[\p{L}-]+\s+){0,2}(?:experience|background)\s+(?:is\s+)?(?:needed|necessary|required)\b)/iu;

/**
 * A piece without its ruled-out parts: "this is not an HR generalist role", "you are not an engineer"
 * name what the job is not. Cut at ", and" / ", but" / ";" first, so the rest of the sentence still counts.
 */
function withoutRuledOut(piece: string): string[] {
  return piece.split(/,\s*(?:and|but)\s+|;\s*|\s+but\s+/iu).filter((part) => part.trim() !== "" && !NEGATED.test(part));
}

/** The evidence of a must-have that comes from the job title or the recruiter's query, not the posting. */
export const TITLE_OR_QUERY = "job title or query";

const READ: ReadonlySet<PostingSection["kind"]> = new Set(["requirements", "nice", "duties", "role", "other"]);

/**
 * `leading`: skills of the job title and the recruiter's query, always must-haves. `excluded`: skills the
 * recruiter's query rules out ("kotlin, no java"); the recruiter outranks the posting, so they are dropped.
 */
export function readSkillRequirements(
  sections: PostingSection[],
  opts: { leading: string[]; excluded?: string[] },
): SkillRequirementsReading {
  const excluded = new Set(opts.excluded ?? []);
  // "Location:", "Schedule:" and the like are "other" by their heading: nothing to read there.
  const read = sections.filter((s) => READ.has(s.kind) && !(s.heading !== null && headingKind(s.heading) === "other"));
  const found = read.flatMap(readSection).filter((f) => !excluded.has(f.skill));
  const hasRequirementsPart = sections.some((s) => s.kind === "requirements" || s.kind === "nice");
  const evidence: Record<string, string> = {};
  const mustHave = [...new Set(opts.leading)].filter((s) => !excluded.has(s));
  for (const skill of mustHave) evidence[skill] = TITLE_OR_QUERY;

  // The means of the work stand in for requirements the posting does not name: when it has no
  // requirements part, or one that names no skill ("five years of hands-on data science, comfortable
  // explaining a model to a product manager" after "you will build models in Python").
  const stated = found.filter((f) => f.bucket === "must");
  const implied = !hasRequirementsPart || stated.length === 0;
  const must = implied ? [...stated, ...found.filter((f) => f.bucket === "means")] : stated;
  const limit = implied ? MAX_IMPLIED_MUST_HAVES : MAX_POSTING_MUST_HAVES;
  // Firm first, then in the posting's order (sort is stable); one entry per skill, its firmest reading.
  const ranked = [...must].sort((a, b) => Number(b.firm) - Number(a.firm));
  const overflow: Found[] = [];
  let fromPosting = 0;
  for (const f of ranked) {
    if (mustHave.includes(f.skill)) continue;
    if (fromPosting < limit) {
      mustHave.push(f.skill);
      evidence[f.skill] = f.clause;
      fromPosting += 1;
    } else overflow.push(f);
  }

  const niceToHave: string[] = [];
  const niceOrder = [...found.filter((f) => f.bucket === "nice"), ...overflow, ...(implied ? [] : found.filter((f) => f.bucket === "means"))];
  for (const f of niceOrder) {
    if (mustHave.includes(f.skill) || niceToHave.includes(f.skill)) continue;
    niceToHave.push(f.skill);
    evidence[f.skill] = f.clause;
  }
  // A group stands only while all its members are must-haves (one may have overflowed to nice).
  const groups = new Map<string, string[]>();
  for (const f of must) for (const g of f.alternatives ?? []) if (g.every((s) => mustHave.includes(s))) groups.set(g.join("|"), g);
  return { mustHave, niceToHave, evidence, alternatives: [...groups.values()] };
}
