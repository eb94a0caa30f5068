/**
 * Which mentions of ambiguous surface forms count. Some surface forms are also English words ("go",
 * "excel", "swift", "r"); a mention of one counts when, in this order:
 *   1. it is NOT followed by a word that makes it a verb or a letter ("excel at", "go to", "C-suite");
 *   2. it is followed by a tech word ("Go developer", "R programming", "Excel spreadsheets");
 *   3. it sits after a list header ("Languages: Go, Rust");
 *   4. it is capitalised after a cue word ("experience in Go", "knowledge of Excel");
 *   5. it is capitalised mid-sentence and longer than one letter ("we build services in Rust and Go");
 *   6. it is list-adjacent to a mention that counts ("Python, Go, Java"; "Go and Rust" chains).
 * Mentions of unambiguous forms always count.
 */

/** Offsets are UTF-16 indices into the text the rules read; `text` is that text's slice. */
export type FoundMention = { start: number; end: number; text: string; ambiguous: boolean };

// Words after an ambiguous surface that show it is ordinary English ("go to", "excel at", "go beyond").
const VERB_FOLLOWERS = new Set([
  "at", "to", "ahead", "beyond", "back", "out", "live", "above", "further", "the", "a", "an", "get",
  "through", "over", "home", "forward", "along", "away", "down", "up", "off", "well", "quickly", "your",
  "our", "their", "his", "her", "on", "for", "into", "from", "by", "is", "are", "was",
]);

// Words after an ambiguous surface that show it is the technology.
const TECH_FOLLOWERS = new Set([
  "programming", "programmer", "programmers", "language", "languages", "lang", "developer", "developers",
  "development", "engineer", "engineers", "engineering", "code", "coding", "codebase", "services",
  "microservices", "backend", "apps", "app", "applications", "sdk", "ui", "skills", "experience",
  "expertise", "proficiency", "knowledge", "background", "spreadsheets", "spreadsheet", "formulas",
  "macros", "modeling", "modelling", "models", "pivot", "stack", "ecosystem", "toolchain", "modules",
  "packages", "scripts", "scripting", "components", "hooks", "jobs", "clusters", "cluster", "queries",
  "ehr", "emr", "charting", "certification", "certified", "dashboards", "workbooks", "native", "boot",
]);

// Words before a capitalised ambiguous surface that introduce a tool or language.
const CUE_WORDS = new Set([
  "in", "with", "using", "use", "uses", "of", "know", "knows", "writing", "write", "written", "built",
  "including", "like", "as", "via", "learn", "learning", "fluent", "proficient", "advanced", "expert",
]);

const LIST_HEADER =
  /(?:languages?|stack|skills|technolog(?:y|ies)|tools|tooling|software|frameworks?|platforms?|systems|proficiencies)\s*[:–—-]\s*$/iu;

/** For each mention, in order: does it count? */
export function countedMentions(text: string, mentions: readonly FoundMention[]): boolean[] {
  const verdict: (boolean | undefined)[] = mentions.map((m) => (m.ambiguous ? judgeAlone(text, m) : true));
  // Rule 6 spreads along lists, so repeat until nothing changes ("Go, Rust and Python" from right to left).
  for (let changed = true; changed; ) {
    changed = false;
    mentions.forEach((m, i) => {
      if (verdict[i] !== undefined) return;
      const prev = i > 0 && verdict[i - 1] === true && isListGap(text.slice(mentions[i - 1].end, m.start));
      const next =
        i + 1 < mentions.length && verdict[i + 1] === true && isListGap(text.slice(m.end, mentions[i + 1].start));
      if (prev || next) {
        verdict[i] = true;
        changed = true;
      }
    });
  }
  return verdict.map((v) => v === true);
}

/** true/false when the mention's own surroundings decide it; undefined when only a list could. */
function judgeAlone(text: string, m: FoundMention): boolean | undefined {
  const after = text.slice(m.end, m.end + 40);
  const before = text.slice(Math.max(0, m.start - 60), m.start);
  const nextWord = /^\s*(\p{L}+)/u.exec(after)?.[1]?.toLowerCase();
  const prevWord = /(\p{L}+)\s*$/u.exec(before)?.[1]?.toLowerCase();
  const capitalised = /^\p{Lu}/u.test(m.text);

  if (/^[-'’]/u.test(after)) return false;
  if (nextWord && VERB_FOLLOWERS.has(nextWord)) return false;
  if (nextWord && TECH_FOLLOWERS.has(nextWord)) return true;
  if (LIST_HEADER.test(before.split("\n").pop() ?? "")) return true;
  if (capitalised && prevWord && CUE_WORDS.has(prevWord) && /\p{L}\s+$/u.test(before)) return true;
  if (capitalised && m.text.length > 1 && isMidSentence(before)) return true;
  return undefined;
}

function isMidSentence(before: string): boolean {
  if (/\b(?:e\.g|i\.e|etc)\.\s*$/iu.test(before)) return true;
  const last = /(\S)\s*$/u.exec(before)?.[1];
  return last !== undefined && !/[.!?:;•*·(\-–—"'“‘]/u.test(last) && !/\n\s*$/u.test(before);
}

/** Only separators between two mentions: "Python, Go", "Go and Rust", "C/C++", bullet lines. */
function isListGap(gap: string): boolean {
  const words = gap.toLowerCase().replace(/[\s,/&|;()+\-•*·]+/gu, " ").trim();
  return words === "" || words === "and" || words === "or" || words === "and or" || words === "nor";
}
