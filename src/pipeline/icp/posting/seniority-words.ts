import { SENIORITY_SCALE, type Seniority } from "../../occupations";
import { clausesOf } from "./cues";
import type { PostingSection } from "./sections";

/**
 * Level words a posting states for the candidate beyond its title: "senior or staff level", "this is a
 * mid-level role", "new grads welcome". A level word counts only in a level phrase — "mentor junior
 * engineers" and "work with senior leadership" describe colleagues, "lead a team" is a verb. Negated
 * phrases ("not an entry-level position") are returned as `excluded`. The title's own level is not
 * repeated here (the occupations module reads it); the title only decides whether "staff" is a level — on technical
 * ladders it is (staff = lead), a "staff nurse" is not senior.
 */

export type SeniorityWords = { levels: Seniority[]; excluded: Seniority[]; evidence: string | null };

const LEVEL_OF: [RegExp, Seniority][] = [
  [/^intern(?:ship)?s?$/u, "intern"],
  [/^(?:junior|juniors|entry|new grads?|new graduates?|recent grads?|recent graduates?|graduates?|early[- ]career)$/u, "junior"],
  [/^(?:mid|intermediate)$/u, "mid"],
  [/^(?:senior|seniors)$/u, "senior"],
  [/^(?:lead|staff)$/u, "lead"],
  [/^(?:principal|distinguished)$/u, "principal"],
  [/^(?:executive|director)$/u, "executive"],
];
const WORD = String.raw`(intern(?:ship)?s?|junior|juniors|entry|new[- ]grad(?:uate)?s?|recent[- ]grad(?:uate)?s?|early[- ]career|mid|intermediate|senior|seniors|lead|staff|principal|distinguished|executive|director)`;
// "senior or staff level", "mid-level role", "entry-level", "senior-level candidates".
const LEVEL_PHRASE = new RegExp(String.raw`\b${WORD}(?:[- ]level)?\s*(?:or|/|to|and)\s*${WORD}[- ]level\b|\b${WORD}[- ]level\b`, "giu");
// "this is a senior role", "junior candidates welcome", "new grads welcome", "open to juniors".
const ROLE_PHRASE = new RegExp(
  String.raw`\b(?:this is|it'?s|is) (?:a|an|not a|not an) ${WORD} (?:role|position|job|opportunity|hire)\b|\b${WORD} (?:candidates|applicants|profiles|engineers|people)? ?(?:are )?(?:welcome|encouraged)\b|\bopen to ${WORD}\b|\bnot (?:suitable|open) (?:for|to) ${WORD}\b|\bno ${WORD}\b(?= (?:please|candidates|applicants|profiles))|\b(?:new grads?|recent grad(?:uate)?s?)\b`,
  "giu",
);
// "VP-level buyers", "senior-level stakeholders": the level of the people the job deals with.
const OTHERS_AFTER = /^\s*(?:buyers|executives|stakeholders|leaders|leadership|management|customers|clients|contacts|decision[- ]makers|audiences?|relationships|partners|counterparts|conversations|engagement|meetings)\b/iu;
const NEGATION = /\b(?:not|no|isn't|is not|never)\b[^,.;]{0,24}$/iu;
const TECHNICAL_TITLE = /\b(?:engineer|developer|scientist|designer|architect|researcher|engineering)\b/iu;

function levelOf(word: string | undefined): Seniority | null {
  if (!word) return null;
  const w = word.toLowerCase().replace(/-/gu, " ");
  return LEVEL_OF.find(([re]) => re.test(w))?.[1] ?? null;
}

// The process is read: "recent graduates are encouraged to apply" sits there.
const SKIP: ReadonlySet<PostingSection["kind"]> = new Set(["company", "benefits"]);

export function readSeniorityWords(title: string, sections: PostingSection[]): SeniorityWords {
  const levels = new Set<Seniority>();
  const excluded = new Set<Seniority>();
  let evidence: string | null = null;
  const staffIsLevel = TECHNICAL_TITLE.test(title);
  for (const section of sections) {
    if (SKIP.has(section.kind)) continue;
    for (const clause of clausesOf(section.text)) {
      for (const re of [LEVEL_PHRASE, ROLE_PHRASE]) {
        for (const m of clause.matchAll(re)) {
          if (OTHERS_AFTER.test(clause.slice(m.index + m[0].length))) continue;
          const negated = NEGATION.test(clause.slice(0, m.index)) || /^(?:not|no)\b/iu.test(m[0]) || /\bis not|\bnot (?:a|an)\b/iu.test(m[0]);
          const words = m.slice(1).filter(Boolean);
          const found = (words.length > 0 ? words : [m[0]]).map((w) => (/^(?:internship)$/iu.test(w) ? "intern" : w));
          for (const word of found) {
            if (/^staff$/iu.test(word) && !staffIsLevel) continue;
            const level = levelOf(word);
            if (!level) continue;
            (negated ? excluded : levels).add(level);
            evidence ??= clause;
          }
        }
      }
    }
  }
  const inScale = (set: Set<Seniority>) => SENIORITY_SCALE.filter((l) => set.has(l));
  return { levels: inScale(levels).filter((l) => !excluded.has(l)), excluded: inScale(excluded), evidence };
}
