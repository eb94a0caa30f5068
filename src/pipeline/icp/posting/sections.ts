import { findSkillsInText } from "../../skills/lexicon";
import { NICE_CUE, clausesOf } from "./cues";

/**
 * A job posting cut into the parts a recruiter would see: the company blurb, the role, the duties, the
 * requirements, the nice-to-haves, the benefits and the hiring process. Headings name most parts; text
 * under no heading (or under one we do not know) is classified sentence by sentence by its cues.
 *
 * Decisions:
 * - "Our stack" / "Tech stack" is a "duties" section (the tools of the work, not a stated requirement);
 *   `isStackHeading` lets the skill reader take every skill it lists. See skill-requirements.ts.
 * - The EEO statement and accommodation notices are "process" (they come with applying, not the job).
 * - "Location:", "Schedule:", "Reports to:" are "other": nothing about skills is read from them.
 * - Inside requirements, duties and role sections a sentence that is plainly EEO or benefits text
 *   ("We are an equal opportunity employer") is split out, so trailing boilerplate never counts.
 */

export const SECTION_KINDS = ["company", "role", "duties", "requirements", "nice", "benefits", "process", "other"] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
export type PostingSection = { kind: SectionKind; heading: string | null; text: string };

// Headings, tried in order (nice before requirements: "Preferred qualifications" is nice). Anchored at
// the start so a bullet like "Strong SQL skills" is never taken for a heading.
const HEADINGS: [RegExp, SectionKind][] = [
  [/^(?:nice[- ]to[- ]haves?|bonus(?: points| skills)?|preferred|pluses|plus(?:es)?$|it'?d be (?:great|nice|awesome)|it would be (?:great|nice)|extra credit|good to have|desirable|desired|ideally|even better|(?:what )?(?:would |will )?makes? you stand out|stand out|we'?d love|bonus if|nice if|optional|additional (?:skills|qualifications)|not required but)/u, "nice"],
  [/^(?:(?:minimum|basic|required|key|essential|core|job|our|must[- ]have) )?(?:requirements?|qualifications?|skills|experience|competencies|criteria)\b|^(?:what you(?:'ll| will)? (?:bring|need|have)|what we(?:'re| are)? looking for|what we need|what you need|who you are|about you|you have|you are|you(?:'ll| will)? bring|you(?:'ll| will) need|you'?ll have|you will have|must[- ]haves?|the ideal candidate|ideal candidate|your (?:profile|background|skills|experience|qualifications)|education|licens|certifications?|(?:who )?we(?:'re| are) looking for|is this you|you might be a fit|you'?re a (?:good|great) fit)/u, "requirements"],
  [/^(?:(?:our|the|interview|hiring|recruitment|recruiting|application|selection) process|how to apply|to apply|apply|application|interview|next steps|equal (?:opportunity|employment)|eeo|diversity|accommodations?|our commitment|commitment to|disclaimer|legal|notice|privacy|e-verify)/u, "process"],
  [/^(?:perks|benefits|(?:what|everything) we offer|we offer|what'?s in it for you|compensation|salary|pay\b|why join|why work|why you'?ll love|(?:total )?rewards|package|time off|our benefits|what you(?:'ll| will)? get)/u, "benefits"],
  [/^(?:(?:our|the) )?(?:tech(?:nology)? stack|stack|tech|technologies|tools(?: we use)?|tooling|environment)$/u, "duties"],
  [/^(?:(?:about )?the (?:role|job|position|opportunity|team)|role|position|(?:position |role |job )?overview|job summary|summary|job description|description|opportunity|your team)/u, "role"],
  [/^(?:what you(?:'ll| will)? (?:do|be doing|work on|own)|(?:(?:key|main|primary|major|core|principal|essential|general|specific|job|position|role) )?(?:responsibilit|duties|(?:job )?functions)|duties|your (?:day|role|mission|impact|responsibilities|work)|(?:a )?day[- ](?:to[- ]day|in the life)|in this role|what the job involves|what success looks like|success looks like|(?:in )?your first (?:30|60|90|\d+) days|(?:the )?outcomes|(?:your )?goals|the work|(?:key )?tasks|accountabilities|you will|you'll|how you'?ll (?:contribute|make an impact))/u, "duties"],
  [/^(?:about us|about (?:the )?company|who we are|our (?:company|mission|story|vision|values|culture)|company overview|the company|about [\p{L}\p{N}&.' -]{2,30}$|life at|why [\p{L}]+$|we are|culture)/u, "company"],
  [/^(?:location|where|schedule|hours|shift|start date|(?:job|employment|contract) type|type|reports to|department|travel|work (?:arrangement|location|model)|job title|title)/u, "other"],
];

const STACK_HEADING = /^(?:(?:our|the) )?(?:tech(?:nology)? stack|stack|tech|technologies|tools(?: we use)?|tooling|environment)$/u;

function headingKey(heading: string): string {
  return heading
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘`]/gu, "'")
    .replace(/[^\p{L}\p{N}' &/-]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** The kind a heading names, or null when it is not one we know. */
export function headingKind(heading: string): SectionKind | null {
  const key = headingKey(heading);
  return HEADINGS.find(([re]) => re.test(key))?.[1] ?? null;
}

export function isStackHeading(heading: string | null): boolean {
  return heading !== null && STACK_HEADING.test(headingKey(heading));
}

// Sentence cues for text under no heading, tried in this order.
const PROCESS_CUE =
  /\b(?:equal (?:opportunity|employment)|eeo\b|regardless of|without regard to|race,? colou?r|reasonable accommodations?|protected (?:veteran|characteristic|class)|(?:apply|applications?) (?:now|today|here|by)|to apply|send (?:us )?your (?:cv|resume)|interview process|hiring process|our process|background check|e-verify|no (?:third[- ]party )?(?:agencies|recruiters))/iu;
const BENEFITS_CUE =
  /\b(?:we offer|we provide|perks|benefits (?:include|package)|our benefits|401\s?\(?k|pto\b|paid time off|(?:health|medical|dental|vision|life) (?:insurance|coverage|plans?)|parental leave|vacation|annual leave|tuition|(?:learning|home office|wellness) (?:budget|stipend|allowance)|stipend|stock options|salary (?:range|of|is)|pay range|base pay|compensation (?:range|package|is)|years? of service|[$€£]\s?\d|\d\s?k?\s?(?:usd|eur|gbp)\b|wellness|gym|you(?:'ll| will) (?:enjoy|receive|get))/iu;
const REQUIREMENT_CUE =
  /\b(?:you have|you bring|you(?:'ll| will) (?:need|have|bring)|you(?:'re| are) (?:a|an|someone|comfortable|fluent|proficient|experienced|skilled|familiar)|you should (?:have|be)|must|required|requirements?|qualifications?|\d{1,2}\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years?|yrs?)|(?:one|two|three|four|five|six|seven|eight|nine|ten)\+? years?|(?:experience|proficiency|expertise|fluency|knowledge|background|track record) (?:with|in|of|using|as|building|managing|selling)|proficient|degree in|(?:bachelor|master)'?s|licen[cs]ed?|certifi(?:ed|cation)|we(?:'re| are) looking for (?:someone|a person|people|candidates|an? [\p{L}-]+ (?:who|with))|(?:the )?ideal candidate|ability to|able to)\b/iu;
const COMPANY_CUE =
  /\b(?:we(?:'re| are) (?:a|an|the)\b(?! (?:team|group) (?:looking|seeking|hiring))(?!\s+(?:looking|seeking|hiring))|we (?:build|make|help|provide|serve|power|enable|create|develop|sell)\b|our (?:mission|company|customers|clients|platform|products?|vision|founders|investors|story|software|app|brand|stores|restaurants|hospitals?|clinics?|schools?|firm)\b|founded|headquartered|backed by|series [a-e]\b|leading (?:provider|platform|maker|supplier)|since (?:18|19|20)\d\d|trusted by|award[- ]winning)/iu;
const COMPANY_AGE = /\b(?:founded|years ago|since (?:18|19|20)\d\d|headquartered|backed by)\b/iu;
// "Acme is …", "Mercy General Hospital has …": a named subject describing itself (not "… is hiring").
const NAMED_SUBJECT = /^(?!(?:This|That|It|There|These|Those|You|We|Our|Your|The|A|An|Here|What|Who|Ideally|Experience)\b)(?:at\s+)?(?:[A-Z][\p{L}\p{N}&'.-]*\s+){1,4}(?:is|are|was|has|have|helps|builds|makes|provides|powers|serves|offers|develops|operates|runs)\b(?!\s+(?:seeking|hiring|looking|searching|recruiting|growing (?:its|our) team))/u;
const DUTY_CUE =
  /\b(?:you(?:'ll| will) (?!need|have|bring)|your (?:day|role|work|job|responsibilities)|responsible for|in this role|day-to-day|we use|our (?:stack|tools|services|systems|codebase)|(?:written|built|runs?|running) (?:on|in|with))\b|^(?:design|build|own|lead|manage|develop|create|write|maintain|support|drive|partner|collaborate|work|help|run|plan|deliver|coordinate|prepare|provide|conduct|teach|ensure|oversee|monitor|review|analy[sz]e|implement|perform|assist|handle|process|track|report|train|mentor|recruit|negotiate|sell|prospect|close|document|administer|install|repair|inspect|operate|schedule|communicate|present|research|draft|organi[sz]e|serve|respond|resolve|titrate|care|prepare|load|drive|deliver)\b/iu;

/** The kind of one sentence read by its cues alone; null when it has none. */
export function sentenceKind(sentence: string): SectionKind | null {
  if (PROCESS_CUE.test(sentence)) return "process";
  if (BENEFITS_CUE.test(sentence)) return "benefits";
  // "Founded 20 years ago, …" is about the company even though it states years.
  if (COMPANY_AGE.test(sentence) && !/\byou/iu.test(sentence)) return "company";
  if (NICE_CUE.test(sentence)) return "nice";
  if (REQUIREMENT_CUE.test(sentence)) return "requirements";
  // "Fernway is a travel marketplace, and we're looking for someone who will build models in Python":
  // once a sentence turns to what the reader will do, it is about the job, whatever it opened with.
  if (COMPANY_CUE.test(sentence) || NAMED_SUBJECT.test(sentence)) return /\byou(?:'ll|’ll| will)\b/iu.test(sentence) ? "duties" : "company";
  if (DUTY_CUE.test(sentence)) return "duties";
  return null;
}

type Line = { heading: string; kind: SectionKind | null; rest: string } | { text: string; blank: boolean };

const MARKDOWN_HEADING = /^\s*(?:#{1,6}\s+(.+?)|\*\*([^*]+?)\*\*|__([^_]+?)__)\s*:?\s*$/u;
const INLINE_HEADING = /^\s*(?:\*\*)?([^:*]{2,45}?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(\S.*)$/u;

function readLine(raw: string): Line {
  const line = raw.trim();
  if (line === "") return { text: "", blank: true };
  const md = MARKDOWN_HEADING.exec(line);
  if (md) {
    const heading = (md[1] ?? md[2] ?? md[3]).replace(/[:*]+$/u, "").trim();
    return { heading, kind: headingKind(heading), rest: "" };
  }
  const words = line.split(/\s+/u).length;
  const bare = line.replace(/^[\s*#]+|[\s*]+$/gu, "");
  const isBullet = /^[-*+•·▪●◦–—]|^\d{1,2}[.)]\s/u.test(line);
  const labelled = /:\s*\S/u.test(line); // "Location: Reno, NV" is a label with its content, read below
  if (!isBullet && !labelled && words <= 8 && !/[.!?]$/u.test(bare)) {
    const kind = headingKind(bare.replace(/:$/u, ""));
    const caps = /\p{Lu}{2}/u.test(bare) && bare === bare.toUpperCase() && words >= 2;
    // An unknown short line is a heading only when it says so (":" or capitals) and names no skill.
    if (kind !== null || ((bare.endsWith(":") || caps) && findSkillsInText(bare).length === 0)) {
      return { heading: bare.replace(/:$/u, "").trim(), kind, rest: "" };
    }
  }
  // "Requirements: Python, SQL" and "**Bonus:** motion design" — a known heading with its content.
  const inline = INLINE_HEADING.exec(isBullet ? "" : line);
  if (inline) {
    const kind = headingKind(inline[1]);
    if (kind !== null) return { heading: inline[1].trim(), kind, rest: inline[2] };
  }
  return { text: line, blank: false };
}

/** Appends a clause to the last section when it is of the same kind and heading, else opens one. */
function push(out: PostingSection[], kind: SectionKind, heading: string | null, clause: string): void {
  const last = out[out.length - 1];
  if (last && last.kind === kind && last.heading === heading) last.text += `\n${clause}`;
  else out.push({ kind, heading, text: clause });
}

const SPLIT_OUT: ReadonlySet<SectionKind> = new Set(["requirements", "nice", "duties", "role"]);

/** The sections of a posting, in order; each section's text holds one clause per line. */
export function readSections(description: string): PostingSection[] {
  const out: PostingSection[] = [];
  let heading: string | null = null;
  let fixed: SectionKind | null = null; // the kind a known heading gives its content
  let seenHeading = false;
  let paragraph = 0; // 0 = the opening paragraph of the posting
  let paragraphKind: SectionKind | null = null; // kind of the previous sentence in this paragraph
  let sawText = false;

  const place = (text: string) => {
    for (const clause of clausesOf(text)) {
      const own = sentenceKind(clause);
      if (fixed !== null) {
        // Boilerplate inside a requirements or duties section still is boilerplate.
        const kind = SPLIT_OUT.has(fixed) && (own === "process" || own === "benefits") ? own : fixed;
        push(out, kind, heading, clause);
        continue;
      }
      // An opening paragraph that starts by describing the company stays "company" until a "you" cue.
      let kind = own ?? paragraphKind ?? (heading === null && !seenHeading && paragraph === 0 ? "role" : "other");
      if (paragraphKind === "company" && paragraph === 0 && !seenHeading && (own === null || (own === "duties" && !/\byou/iu.test(clause)))) kind = "company";
      paragraphKind = kind;
      push(out, kind, heading, clause);
    }
  };

  for (const raw of description.split(/\r?\n/u)) {
    const line = readLine(raw);
    if ("heading" in line) {
      paragraphKind = null;
      if (line.rest) {
        // An inline heading ("Location: Reno, NV") covers its own line only.
        const outerHeading: string | null = heading;
        const outerFixed: SectionKind | null = fixed;
        heading = line.heading;
        fixed = line.kind;
        place(line.rest);
        heading = outerHeading;
        fixed = outerFixed;
        paragraphKind = null;
        continue;
      }
      heading = line.heading;
      fixed = line.kind;
      seenHeading = true;
      continue;
    }
    if (line.blank) {
      if (sawText) paragraph += 1;
      paragraphKind = null;
      continue;
    }
    sawText = true;
    place(line.text);
  }
  return out;
}
