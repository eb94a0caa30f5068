import { describe, expect, it } from "vitest";
import {
  type Seniority,
  SENIORITY_SCALE,
  seniorityFromTitle,
  seniorityFromYears,
  seniorityRank,
} from "../../../src/pipeline/occupations";

// [title, level the title states]; null = the title is silent about level.
const TITLE_LEVELS: readonly (readonly [string, Seniority | null])[] = [
  // staff: a rung on technical ladders only
  ["Staff Engineer", "lead"],
  ["Staff Software Engineer", "lead"],
  ["Senior Staff Engineer", "lead"],
  ["Staff Data Scientist", "lead"],
  ["Staff Product Designer", "lead"],
  ["Staff Product Manager", "lead"],
  ["Staff SRE", "lead"],
  ["Staff Nurse", null],
  ["Staff Accountant", null],
  ["Staff Pharmacist", null],
  ["Staff Attorney", null],
  ["Staff Writer", null],
  ["Member of Technical Staff", null],
  ["Chief of Staff", "executive"],
  // principal ladder
  ["Principal Engineer", "principal"],
  ["Principal Product Manager", "principal"],
  ["Distinguished Engineer", "principal"],
  ["Technical Fellow", "principal"],
  ["Research Fellow", null],
  ["Postdoctoral Fellow", null],
  ["School Principal", null],
  ["Assistant Principal", null],
  // lead
  ["Lead Engineer", "lead"],
  ["Tech Lead", "lead"],
  ["Team Leader, Customer Support", "lead"],
  ["Lead Generation Specialist", null],
  ["Lead Gen Specialist", null],
  ["Charge Nurse", "lead"],
  ["Shift Supervisor", "lead"],
  ["Construction Foreman", "lead"],
  ["Head Chef", "lead"],
  // level numerals and ladders (I junior, II mid, III senior, IV lead, V principal; L3 junior … L8 principal)
  ["Software Engineer I", "junior"],
  ["Software Engineer II", "mid"],
  ["Software Engineer III", "senior"],
  ["Software Engineer IV", "lead"],
  ["Software Engineer V", "principal"],
  ["SDE II", "mid"],
  ["Engineer 2", "mid"],
  ["Nurse Level 3", "senior"],
  ["Software Engineer, L3", "junior"],
  ["Software Engineer (L5)", "senior"],
  ["L6 Engineer", "lead"],
  ["L8", "principal"],
  ["Tier 2 Support Engineer", null],
  ["Class A Driver", null],
  // executive
  ["Head of Engineering", "executive"],
  ["Director of Nursing", "executive"],
  ["Senior Director, Product", "executive"],
  ["Associate Director of Marketing", "executive"],
  ["VP Engineering", "executive"],
  ["SVP, Sales", "executive"],
  ["Vice President of Finance", "executive"],
  ["CEO", "executive"],
  ["CTO & Co-Founder", "executive"],
  ["Chief Nursing Officer", "executive"],
  ["Managing Director", "executive"],
  ["Founder", "executive"],
  ["Executive Assistant to the CEO", null],
  ["Account Executive", null],
  ["Mid-Market Account Executive", null], // a segment, not a level
  // manager states no level; people management is a separate flag
  ["Engineering Manager", null],
  ["Product Manager", null],
  ["Senior Manager, Finance", "senior"],
  // associate
  ["Associate Attorney", "junior"],
  ["Associate Product Manager", "junior"],
  ["Associate Professor", null],
  ["Sales Associate", null],
  ["Senior Associate", "senior"],
  ["Associate Software Engineer II", "mid"],
  ["Summer Associate", "intern"],
  // explicit words
  ["Intern", "intern"],
  ["Software Engineering Intern", "intern"],
  ["Marketing Internship", "intern"],
  ["Graduate Trainee", "intern"],
  ["Apprentice Electrician", "intern"],
  ["Co-op Student, Mechanical Engineering", "intern"],
  ["Student Nurse", "intern"],
  ["Junior Developer", "junior"],
  ["Jr. Accountant", "junior"],
  ["Entry-Level Data Analyst", "junior"],
  ["New Grad Software Engineer", "junior"],
  ["Graduate Engineer", "junior"],
  ["Junior High Teacher", null],
  ["Mid-Level Designer", "mid"],
  ["Intermediate Developer", "mid"],
  ["Journeyman Plumber", "mid"],
  ["Sr. Software Engineer", "senior"],
  ["Snr Accountant", "senior"],
  ["Master Electrician", "senior"],
  ["Scrum Master", null],
  ["Senior Caregiver", null],
  ["Founding Engineer", null],
  ["Registered Nurse", null],
  ["", null],
];

describe("seniorityFromTitle", () => {
  it("has a large table", () => expect(TITLE_LEVELS.length).toBeGreaterThanOrEqual(60));

  it.each(TITLE_LEVELS)("%j → %s", (title, level) => {
    expect(seniorityFromTitle(title)).toBe(level);
  });

  it("reads the same title the same way on both sides of a match", () => {
    // The bug this model replaces: a "Staff Engineer" job against a "Staff Engineer" candidate.
    const job = seniorityFromTitle("Staff Engineer");
    const candidate = seniorityFromTitle("Staff Engineer");
    expect(job).not.toBeNull();
    expect(job).toBe(candidate);
  });
});

describe("seniority scale", () => {
  it("is ordered and 0-based", () => {
    expect(SENIORITY_SCALE).toEqual(["intern", "junior", "mid", "senior", "lead", "principal", "executive"]);
    expect(SENIORITY_SCALE.map(seniorityRank)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe("seniorityFromYears", () => {
  // [years, level]; years never make a lead: lead, principal and executive are roles, not tenure.
  const YEAR_LEVELS: readonly (readonly [number, Seniority | null])[] = [
    [0, "junior"],
    [1.9, "junior"],
    [2, "mid"],
    [4.9, "mid"],
    [5, "senior"],
    [12, "senior"],
    [30, "senior"],
    [-1, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ];
  it.each(YEAR_LEVELS)("%d years → %s", (years, level) => {
    expect(seniorityFromYears(years)).toBe(level);
  });
});
