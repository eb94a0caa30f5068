import { describe, expect, it } from "vitest";
import { titlesMentionedIn } from "../../../src/pipeline/occupations";

// [free text, occupations named in it, in order of mention]
const MENTIONS: readonly (readonly [string, readonly string[]])[] = [
  ["backend engineers, python", ["backend-engineer"]],
  ["Looking for senior backend engineers or full-stack developers in Berlin", ["backend-engineer", "full-stack-engineer"]],
  ["ICU nurses and ER nurses for night shifts", ["icu-nurse", "er-nurse"]],
  ["registered nurse or nurse practitioner", ["registered-nurse", "nurse-practitioner"]], // not "or nurse"
  ["data scientists, not data analysts", ["data-scientist", "data-analyst"]],
  ["an engineering manager who was a software engineer", ["engineering-manager", "software-engineer"]],
  ["account executives who sell to CFOs", ["account-executive"]], // "CFO" is an abbreviation
  ["people who own the server side and host meetups", []], // ordinary words, not titles
  ["we need an RN or an LPN", []], // abbreviations never count in prose
  ["licensed practical nurses. Also a bookkeeper.", ["lpn", "bookkeeper"]],
  ["Head of Engineering at a startup; director of nursing", ["engineering-leader", "nurse-manager"]],
  ["", []],
];

describe("titlesMentionedIn", () => {
  it.each(MENTIONS)("%j → %j", (text, ids) => {
    expect(titlesMentionedIn(text)).toEqual(ids);
  });
});
