import { describe, expect, it } from "vitest";
import {
  managingOccupation,
  occupationById,
  occupationFamily,
  occupationRelation,
  type OccupationRelation,
} from "../../../src/pipeline/occupations";

// [job occupation, candidate occupation, relation]
const RELATIONS: readonly (readonly [string, string, OccupationRelation])[] = [
  ["backend-engineer", "backend-engineer", "same"],
  ["registered-nurse", "icu-nurse", "specialization"],
  ["software-engineer", "backend-engineer", "specialization"],
  ["software-engineer", "ios-engineer", "specialization"], // grandchild
  ["accountant", "staff-accountant", "specialization"],
  ["recruiter", "technical-recruiter", "specialization"],
  ["backend-engineer", "software-engineer", "generalization"],
  ["icu-nurse", "registered-nurse", "generalization"],
  ["ios-engineer", "software-engineer", "generalization"],
  ["backend-engineer", "frontend-engineer", "adjacent"],
  ["frontend-engineer", "web-developer", "generalization"],
  ["web-developer", "frontend-engineer", "specialization"],
  ["icu-nurse", "school-nurse", "sibling"],
  ["icu-nurse", "er-nurse", "adjacent"], // curated adjacency outranks a shared parent
  ["ios-engineer", "android-engineer", "sibling"],
  ["elementary-teacher", "high-school-teacher", "sibling"],
  ["data-analyst", "data-scientist", "adjacent"],
  ["data-scientist", "data-analyst", "adjacent"], // adjacency holds both ways
  ["lpn", "registered-nurse", "adjacent"],
  ["registered-nurse", "lpn", "adjacent"],
  ["bookkeeper", "accountant", "adjacent"],
  ["frontend-engineer", "full-stack-engineer", "adjacent"],
  ["graphic-designer", "product-designer", "adjacent"],
  ["paralegal", "legal-assistant", "adjacent"],
  ["engineering-manager", "software-engineer", "adjacent"],
  ["software-engineer", "engineering-manager", "adjacent"],
  ["software-engineer", "technical-recruiter", "other"],
  ["backend-engineer", "ios-engineer", "other"], // cousins: different parents
  ["controller", "bookkeeper", "other"],
  ["registered-nurse", "electrician", "other"],
  ["registered-nurse", "no-such-occupation", "other"],
];

describe("occupationRelation", () => {
  it.each(RELATIONS)("job %s, candidate %s → %s", (job, candidate, relation) => {
    expect(occupationRelation(job, candidate)).toBe(relation);
  });
});

describe("occupationFamily", () => {
  const FAMILIES: readonly (readonly [string, string])[] = [
    ["ios-engineer", "software-engineer"],
    ["backend-engineer", "software-engineer"],
    ["software-engineer", "software-engineer"],
    ["icu-nurse", "registered-nurse"],
    ["technical-recruiter", "recruiter"],
    ["mlops-engineer", "machine-learning-engineer"],
    ["lpn", "lpn"],
  ];
  it.each(FAMILIES)("%s → %s", (id, family) => expect(occupationFamily(id)).toBe(family));
});

describe("occupationById and managingOccupation", () => {
  it("looks occupations up by id", () => {
    expect(occupationById("icu-nurse")).toMatchObject({ name: "ICU Nurse", soc: "29-1141", parent: "registered-nurse" });
    expect(occupationById("nope")).toBeUndefined();
  });

  it("finds the management occupation through the parent chain", () => {
    expect(managingOccupation("backend-engineer")).toBe("engineering-manager");
    expect(managingOccupation("icu-nurse")).toBe("nurse-manager");
    expect(managingOccupation("technical-recruiter")).toBe("talent-acquisition-manager");
    expect(managingOccupation("electrician")).toBe("construction-foreman");
    expect(managingOccupation("physician")).toBeNull();
  });
});
