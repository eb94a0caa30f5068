import type { Seniority } from "../occupations";

/** Years of experience a job asks for, read from its text. */

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20,
};
const NUM = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})`;

// "5+ years", "3-5 years", "3 to 5 yrs", "five years", "5 plus years", "(5) years", "three or more years".
const YEARS = new RegExp(`(?<![\\d.\\p{L}])\\(?${NUM}\\)?\\s*(?:\\+|plus|or\\s+more|or\\s+over)?\\s*(?:(?:-|–|—|to)\\s*${NUM}\\s*\\+?\\s*)?(?:years?|yrs?)\\b`, "giu");
// Phrases before the number that make it a requirement on their own ("at least 3 years").
const LEAD_IN = /(?:at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than|a\s+minimum\s+of)\s*$/iu;
// What follows a number of years in an experience requirement ("of", "in", "'", "experience", …).
// A gerund names the work itself ("3+ years hiring engineers", "5 years teaching"); "3 years running" is an award.
const FOLLOW_ON = /^\s*(?:['’]\s*)?(?:of|in|as|with|experience|exp\b|professional|relevant|hands-on|industry|progressive|post|clinical|direct|proven|related|prior|previous|(?!running\b)\p{L}{2,}ing\b)/iu;
// Years that are about something else: company age, a person's age, a contract length.
const NOT_EXPERIENCE = /^\s*(?:ago|old|young|later|from now|contract|warranty|guarantee)/iu;

/** Years by seniority when the text names none (the floor a recruiter would assume). */
export const DEFAULT_YEARS: Record<Seniority, number> = {
  intern: 0, junior: 0, mid: 2, senior: 5, lead: 7, principal: 10, executive: 10,
};

function toNumber(token: string): number {
  return NUMBER_WORDS[token.toLowerCase()] ?? Number.parseInt(token, 10);
}

/** Lower bounds of every experience requirement in one sentence; a range counts by its lower bound. */
export function yearsStatedIn(sentence: string): number[] {
  const years: number[] = [];
  for (const match of sentence.matchAll(YEARS)) {
    const before = sentence.slice(0, match.index);
    const after = sentence.slice(match.index + match[0].length);
    if (NOT_EXPERIENCE.test(after)) continue;
    const isRequirement = LEAD_IN.test(before) || FOLLOW_ON.test(after) || /\bexperience\b/iu.test(sentence);
    const lower = toNumber(match[1]);
    // More than 40 years is a typo or not about a person's career.
    if (isRequirement && lower <= 40) years.push(lower);
  }
  return years;
}
