// A requirement offered as alternatives ("Go or Node.js") is met by any one of them.
import { describe, expect, it } from "vitest";
import { deriveProfileFacts } from "../../../src/pipeline/facts/profile-facts";
import { scoreCandidate } from "../../../src/pipeline/score/score-candidate";
import type { Icp, TalentProfile } from "../../../src/pipeline/types";
import { backendIcp, NOW } from "./fixtures";

const icp: Icp = { ...backendIcp, mustHaveSkills: ["go", "node.js", "postgresql"], mustHaveAlternatives: [["go", "node.js"]], niceToHaveSkills: [] };
const engineer = (description: string): TalentProfile => ({
  profileId: "p", companyId: "c", fullName: "Ada", currentTitle: "Senior Backend Engineer", location: "Berlin, Germany",
  experience: [{ title: "Senior Backend Engineer", company: "X", startDate: "2016-01", description }],
});
const score = (p: TalentProfile, i: Icp = icp) => scoreCandidate(i, p, deriveProfileFacts(p), NOW);

describe("must-have alternatives", () => {
  it("either member meets the requirement: Node.js without Go is a strong match", () => {
    const nodeOnly = score(engineer("Node.js services on PostgreSQL."));
    expect(nodeOnly.matchScore).toBeGreaterThanOrEqual(85);
    expect(nodeOnly.aiRedFlags.join(" ")).not.toMatch(/must-have go\b/u);
  });

  it("without the group, the same profile misses Go", () => {
    const separate = score(engineer("Node.js services on PostgreSQL."), { ...icp, mustHaveAlternatives: [] });
    expect(separate.matchScore).toBeLessThan(85);
    expect(separate.aiRedFlags.join(" ")).toMatch(/must-have go\b/u);
  });

  it("neither member shown names the whole group", () => {
    const neither = score(engineer("Python services on PostgreSQL."));
    expect(neither.aiRedFlags.join(" ")).toMatch(/No evidence of must-have go or node\.js/u);
  });
});
